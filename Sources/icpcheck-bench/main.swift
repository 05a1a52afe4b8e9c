// icpcheck-bench: our JPEG decode path (file read + libjpeg through the shim into an RGB buffer)
// against djpeg on the same files, one process at a time. Run through `make bench`.
//
//   icpcheck-bench corpus --corpora DIR --out DIR      make the generated photos (needs cjpeg)
//   icpcheck-bench run --corpora DIR --out DIR [--runs N] [--small-runs N]
//                                                      time and print the tables (needs djpeg)
//   icpcheck-bench batch --icpcheck BIN --sample DIR --out DIR [--counts 200,2000] [--cached-counts 300,2000]
//                                                      icpcheck batch over N copies of a sample application,
//                                                      then a first run and a cached re-run over N distinct ones
//   icpcheck-bench reading [--runs N]                  the reading table alone (while working on the reader)
//   icpcheck-bench pipeline --folder DIR [--runs N] [--list FILE]
//                                                      the whole pipeline, reading off, on DIR's JPEGs, against
//                                                      djpeg -scale 1/8 (needs djpeg); FILE: the JPEGs' paths
import Foundation
import Glibc
import ICPCheck

let usage = """
    usage: icpcheck-bench corpus --corpora DIR --out DIR
           icpcheck-bench run --corpora DIR --out DIR [--runs N] [--small-runs N]
           icpcheck-bench batch --icpcheck BIN --sample DIR --out DIR [--counts 200,2000] [--cached-counts 300,2000]
           icpcheck-bench reading [--runs N]
           icpcheck-bench pipeline --folder DIR [--runs N] [--list FILE]
    """

var arguments = Array(CommandLine.arguments.dropFirst())
guard let subcommand = arguments.first, ["corpus", "run", "batch", "reading", "pipeline"].contains(subcommand) else { fail(usage) }
arguments.removeFirst()
var options: [String: String] = [:]
while let name = arguments.first {
    guard name.hasPrefix("--"), arguments.count >= 2 else { fail("unexpected argument \(name)\n\(usage)") }
    options[String(name.dropFirst(2))] = arguments[1]
    arguments.removeFirst(2)
}
guard let out = options["out"] ?? (["reading", "pipeline"].contains(subcommand) ? "" : nil) else { fail(usage) }
let corpora = options["corpora"] ?? ""

func tool(_ name: String) -> String {
    guard let path = executablePath(name) else { fail("\(name) not found on PATH; install libjpeg-turbo-progs") }
    return path
}

@MainActor func count(_ option: String, default value: Int) -> Int {
    guard let text = options[option] else { return value }
    guard let number = Int(text), number > 0 else { fail("--\(option) needs a positive number") }
    return number
}

switch subcommand {
case "batch":
    guard let icpcheck = options["icpcheck"], let sample = options["sample"] else { fail(usage) }
    let counts = (options["counts"] ?? "200,2000").split(separator: ",").compactMap { Int($0) }
    BatchBench.run(icpcheck: icpcheck, sample: sample, work: out, counts: counts)
    let cachedCounts = (options["cached-counts"] ?? "300,2000").split(separator: ",").compactMap { Int($0) }
    BatchBench.runCached(icpcheck: icpcheck, sample: sample, work: out, counts: cachedCounts)

case "reading":
    await ReadingBench.run(files: ReadingBench.files(), runs: count("runs", default: 1))

case "pipeline":
    guard let folder = options["folder"] else { fail(usage) }
    let files = PipelineBench.files(in: folder)
    // The list the Python peer is timed on, so both time the same files.
    if let list = options["list"] { FileManager.default.createFile(atPath: list, contents: Data(files.joined(separator: "\n").utf8)) }
    await PipelineBench.run(files: files, djpeg: tool("djpeg"), runs: count("runs", default: 3))

case "corpus":
    let start = now()
    CorpusBuilder.build(corpora: corpora, into: out, cjpeg: tool("cjpeg"))
    note("corpus written to \(out) in \(f(now() - start, 1)) s")

default:
    ProcessTuning.reuseFreedMemory()
    let djpeg = tool("djpeg")
    let cpus = allowedCPUs()
    line("icpcheck-bench: ours = JPEGDecoding.decode(fileAt:) (read + decode to RGB in-process);")
    line("djpeg = one `djpeg [-scale 1/8] -outfile /dev/null FILE` process per file; MP = stored image size.")
    line("Freed memory is kept for reuse, as in icpcheck, so our decodes run as in a batch; \"cold heap\" trims")
    line("the heap first (malloc_trim, untimed), as for the first file of a fresh process.")
    line("ratio = our time / djpeg's spawn-corrected time (raw: / djpeg's raw time); below 1.00 = we are faster.")
    let pinned = !cpus.contains { $0 == "," || $0 == "-" }
    line("CPUs allowed: \(cpus)\(pinned ? " (pinned)" : " (NOT pinned to one core)")")
    if let busy = busyShare(over: 1), busy > 0.1 {
        line("note: the CPUs were \(f(busy * 100, 0))% busy with other work just before the bench: noisier figures.")
    }
    note("checking which files both decoders read")
    let tiny = "\(out)/\(CorpusBuilder.tinyName)"
    let tables = [
        (Corpus.large(in: out, djpeg: djpeg), count("runs", default: 5), true),
        (Corpus.small(corpora: corpora, djpeg: djpeg), count("small-runs", default: 5), false),
    ]
    var checksum = 0
    for (corpus, runs, perFile) in tables {
        guard !corpus.files.isEmpty else { fail("no decodable files in the \(corpus.title) corpus") }
        var measurement = Measurement(corpus: corpus, djpeg: djpeg, tinyJPEG: tiny, runs: runs)
        let timings = measurement.run()
        checksum &+= measurement.checksum
        Report(corpus: corpus, timings: timings).print(perFile: perFile)
    }
    let generated = Corpus.large(in: out, djpeg: djpeg).files.map(\.path)
    let photos = generated.filter { !$0.contains("ocrmypdf") }
        + ["\(corpora)/photos/skimage_astronaut.png", "\(corpora)/photos/facerec_biden2.jpg", "\(corpora)/photos/hivision_test3.jpg"]
    await HeuristicsBench.run(title: "photo", files: photos, runs: 5, target: "well under 100 ms per photo")
    let pages = generated.filter { $0.contains("ocrmypdf") }
        + ["\(corpora)/photos/ocrmypdf_typewriter.png", "\(corpora)/photos/pagedewarp_boston_cooking_b.jpg",
           "\(corpora)/photos/cn_e_invoice_red_seals.png", "Samples/APP-101-ready-enterprise/核验单.jpg"]
    await HeuristicsBench.run(title: "document", files: pages, runs: 5, target: "under 150 ms for a 3000x4000 scan")
    await ReadingBench.run(files: ReadingBench.files(), runs: 1)
    line("")
    line(
        "peak RSS of the bench process (getrusage ru_maxrss): \(f(peakRSS(), 1)) MiB"
            + "  [checksum \(checksum % 1000)]")
}

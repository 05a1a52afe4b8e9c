// icpcheck-bench: our JPEG decode path (file read + libjpeg through the shim into an RGB buffer)
// against djpeg on the same files, one process at a time. Run through `make bench`.
//
//   icpcheck-bench corpus --corpora DIR --out DIR      make the generated photos (needs cjpeg)
//   icpcheck-bench run --corpora DIR --out DIR [--runs N] [--small-runs N]
//                                                      time and print the tables (needs djpeg)
import Glibc

let usage = """
    usage: icpcheck-bench corpus --corpora DIR --out DIR
           icpcheck-bench run --corpora DIR --out DIR [--runs N] [--small-runs N]
    """

var arguments = Array(CommandLine.arguments.dropFirst())
guard let subcommand = arguments.first, ["corpus", "run"].contains(subcommand) else { fail(usage) }
arguments.removeFirst()
var options: [String: String] = [:]
while let name = arguments.first {
    guard name.hasPrefix("--"), arguments.count >= 2 else { fail("unexpected argument \(name)\n\(usage)") }
    options[String(name.dropFirst(2))] = arguments[1]
    arguments.removeFirst(2)
}
guard let corpora = options["corpora"], let out = options["out"] else { fail(usage) }

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
case "corpus":
    let start = now()
    CorpusBuilder.build(corpora: corpora, into: out, cjpeg: tool("cjpeg"))
    note("corpus written to \(out) in \(f(now() - start, 1)) s")

default:
    let djpeg = tool("djpeg")
    let cpus = allowedCPUs()
    line("icpcheck-bench: ours = JPEGDecoding.decode(fileAt:) (read + decode to RGB in-process);")
    line("djpeg = one `djpeg [-scale 1/8] -outfile /dev/null FILE` process per file; MP = stored image size.")
    line("CPUs allowed: \(cpus)\(cpus.contains(where: { $0 == "," || $0 == "-" }) ? " (NOT pinned to one core)" : " (pinned)")")
    if let load = loadAverage(), load > 0.5 {
        line("note: load average \(f(load, 2)) before the bench; other work on this machine makes the figures noisier.")
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
    line("")
    line(
        "peak RSS (getrusage ru_maxrss): bench process \(f(peakRSS(), 1)) MiB;"
            + " largest djpeg child \(f(peakRSS(children: true), 1)) MiB  [checksum \(checksum % 1000)]")
}

import Glibc
import ICPCheck

/// What is timed on each file.
enum Method: CaseIterable {
    case oursFull, oursFullColdHeap, djpegFull, oursEighth, djpegEighth, inspect, probe

    var label: String {
        switch self {
        case .oursFull, .djpegFull: "decode 1/1"
        case .oursFullColdHeap: "decode 1/1, cold heap"
        case .oursEighth, .djpegEighth: "decode 1/8"
        case .inspect: "inspect (default, 1024)"
        case .probe: "header probe (in memory)"
        }
    }
}

/// Seconds per run and per file of each method, and djpeg's per-process cost.
struct Timings {
    let runs: Int
    /// `seconds[method]![run][file]`
    var seconds: [Method: [[Double]]] = [:]
    /// Minor page faults of each `oursFull` decode: `decodeFaults[run][file]`.
    var decodeFaults: [[Int]] = []
    /// Wall time of `djpeg -outfile /dev/null` on an 8×8 JPEG, every time it was run.
    var spawnSamples: [Double] = []

    var spawnCost: Double { median(spawnSamples) }

    /// Median over runs of the time for the whole corpus.
    func corpusTime(_ method: Method) -> Double { median(seconds[method]!.map { $0.reduce(0, +) }) }

    func fileFaults(_ file: Int) -> Int { Int(median(decodeFaults.map { Double($0[file]) })) }

    /// Median over runs of the time for one file.
    func fileTime(_ method: Method, _ file: Int) -> Double { median(seconds[method]!.map { $0[file] }) }
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    guard !sorted.isEmpty else { return .nan }
    let middle = sorted.count / 2
    return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

/// Times every method on every file, `runs` times after one untimed warm-up run, one process at a
/// time. The order of the methods turns with each run, so slow drift (other load, clock changes)
/// does not favour one of them.
///
/// Before each in-process call the heap is trimmed (`malloc_trim`, untimed), so every decode starts
/// as in a fresh `icpcheck` process: without it, whether a large output buffer lands on pages the
/// previous call left mapped (no page faults) or on new ones (one fault per 4 KiB) depends on what
/// ran before, and the figures change with the order of the files. `oursFullColdHeap` skips the
/// trim, as a long batch run would, to show what that dependence is worth.
struct Measurement {
    let corpus: Corpus
    let djpeg: String
    let tinyJPEG: String
    let runs: Int
    /// Header probes are microseconds: each file is probed this many times and the mean kept.
    let probeRepeats = 50

    /// Consumed results, so no decode can be optimised away.
    private(set) var checksum = 0

    mutating func run() -> Timings {
        var timings = Timings(runs: runs)
        let full = corpus.files.map { DjpegCommands.decode(djpeg, $0.path, scale: 1) }
        let eighth = corpus.files.map { DjpegCommands.decode(djpeg, $0.path, scale: 8) }
        let tiny = DjpegCommands.decode(djpeg, tinyJPEG, scale: 1)
        let methods = Method.allCases
        for run in 0...runs {
            let order = Array(methods[(run % methods.count)...] + methods[..<(run % methods.count)])
            for method in order {
                var times: [Double] = []
                var faults: [Int] = []
                for (index, file) in corpus.files.enumerated() {
                    switch method {
                    case .oursFull:
                        let (seconds, pageFaults) = timeOurs(file.path, scale: 1, trim: false)
                        times.append(seconds)
                        faults.append(pageFaults)
                    case .oursFullColdHeap: times.append(timeOurs(file.path, scale: 1, trim: true).seconds)
                    case .oursEighth: times.append(timeOurs(file.path, scale: 8, trim: false).seconds)
                    case .djpegFull, .djpegEighth:
                        times.append(timeDjpeg(method == .djpegFull ? full[index] : eighth[index]))
                        // The per-process cost, sampled among the timed runs so it shares their conditions.
                        let spawn = timeDjpeg(tiny)
                        if run > 0 { timings.spawnSamples.append(spawn) }
                    case .inspect: times.append(timeInspect(file.path))
                    case .probe: times.append(timeProbe(file.path))
                    }
                }
                if run > 0 { timings.seconds[method, default: []].append(times) }
                if run > 0 && method == .oursFull { timings.decodeFaults.append(faults) }
            }
            let name = corpus.title.split(separator: " ").first!
            note("\(name) corpus: run \(run)/\(runs) done\(run == 0 ? " (warm-up)" : "")")
        }
        return timings
    }

    /// Our path: read the file, decode through the shim into an RGB buffer.
    /// - Returns: the wall time and the minor page faults taken meanwhile.
    private mutating func timeOurs(
        _ path: String, scale: Int, trim: Bool
    ) -> (seconds: Double, faults: Int) {
        if trim { trimHeap() }
        let faultsBefore = minorFaults()
        let start = now()
        do {
            let image = try JPEGDecoding.decode(fileAt: path, scaleDenominator: scale)
            checksum &+= image.pixels.count
        } catch {
            fail("decoding \(path) failed during timing: \(error)")
        }
        let seconds = now() - start
        return (seconds, minorFaults() - faultsBefore)
    }

    private func timeDjpeg(_ command: Command) -> Double {
        let (status, seconds) = command.run()
        guard status == 0 || status == 2 else {
            fail("\(command.arguments.joined(separator: " ")) exited with \(status)")
        }
        return seconds
    }

    private mutating func timeInspect(_ path: String) -> Double {
        let start = now()
        let analysis = FileInspector.inspect(fileAt: path)
        checksum &+= analysis.image?.pixels.count ?? 0
        return now() - start
    }

    /// Header only, on bytes already in memory (reading the file is not timed here).
    private mutating func timeProbe(_ path: String) -> Double {
        guard let file = fopen(path, "rb") else { fail("cannot open \(path)") }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while case let got = fread(&chunk, 1, chunk.count, file), got > 0 { bytes += chunk[..<got] }
        fclose(file)
        let start = now()
        for _ in 0..<probeRepeats {
            guard let size = try? JPEGDecoding.dimensions(bytes: bytes) else { fail("probing \(path) failed") }
            checksum &+= size.width
        }
        return (now() - start) / Double(probeRepeats)
    }
}

import Foundation

/// The printed figures. Times are medians over the runs; ratios are time ours / time djpeg, so
/// below 1.00 means we are faster.
struct Report {
    static let target = 1.10

    let corpus: Corpus
    let timings: Timings

    private let pairs: [(ours: Method, djpeg: Method)] = [
        (.oursFull, .djpegFull), (.oursFullColdHeap, .djpegFull), (.oursEighth, .djpegEighth),
    ]

    private var fileCount: Double { Double(corpus.files.count) }
    private var spawnTotal: Double { timings.spawnCost * fileCount }

    func print(perFile: Bool) {
        let mebibytes = Double(corpus.bytes) / 1_048_576
        line("")
        line(
            "== \(corpus.title): \(corpus.files.count) files, \(f(corpus.megapixels, 1)) MP,"
                + " \(f(mebibytes, 1)) MiB; median of \(timings.runs) runs ==")
        for skipped in corpus.skipped { line("   left out: \(skipped.name) (\(skipped.reason))") }
        line(
            "djpeg per-process cost (djpeg -outfile /dev/null on an 8×8 JPEG, median of"
                + " \(timings.spawnSamples.count)): \(f(timings.spawnCost * 1000, 2)) ms;"
                + " spawn-corrected = raw - that cost per file")
        line("")
        let heading = pad("ours (in-process)", 21) + pad("djpeg raw", 21) + pad("djpeg spawn-corrected", 24)
        let rateUnits = pad("MP/s", 9) + pad("ms/file", 12)
        let units = rateUnits + rateUnits + pad("MP/s", 9) + pad("ms/file", 15)
        line(pad("", 26) + heading + "ratio ours/djpeg")
        line(pad("", 26) + units + "raw    corrected")
        for (ours, djpeg) in pairs {
            let ratios = ratio(ours, djpeg)
            line(
                pad(ours.label, 26) + rate(timings.corpusTime(ours)) + rate(timings.corpusTime(djpeg))
                    + rate(corrected(djpeg), width: 24) + pad(f(ratios.raw, 2), 7) + f(ratios.corrected, 2))
        }
        line(pad(Method.inspect.label, 26) + rate(timings.corpusTime(.inspect)) + "(ours only)")
        line("")
        for (ours, djpeg) in pairs {
            let ratios = ratio(ours, djpeg)
            let verdict = ratios.corrected <= Self.target ? "met" : "NOT met"
            line(
                pad(ours.label, 22) + "ours \(f(mp(timings.corpusTime(ours)), 1)) MP/s"
                    + "  djpeg \(f(mp(timings.corpusTime(djpeg)), 1)) MP/s"
                    + " (spawn-corrected \(f(mp(corrected(djpeg)), 1)))  ratio \(f(ratios.corrected, 2))"
                    + " (raw \(f(ratios.raw, 2)))  target ≤ \(f(Self.target, 2)): \(verdict)")
        }
        let inspect = timings.corpusTime(.inspect)
        line(
            pad("inspect", 22) + "ours \(f(mp(inspect), 1)) MP/s, \(f(inspect / fileCount * 1000, 2)) ms/file"
                + " (read + SHA-256 + EXIF + decode at the 1024 working size + orientation)")
        let probe = timings.corpusTime(.probe) / fileCount
        line(
            pad("header probe", 22) + "ours \(f(probe * 1e6, 2)) µs/file, \(f(1 / probe, 0)) files/s"
                + " (libjpeg header read, bytes already in memory)")
        if perFile { printFiles() }
    }

    private func printFiles() {
        line("")
        line("per file, decode 1/1 (ms); ratio = ours / djpeg corrected; faults = minor page faults in our decode")
        line(
            pad("", 48) + pad("MP", 7) + pad("bpp", 6) + pad("ours", 8) + pad("cold", 8) + pad("djpeg", 8)
                + pad("corr.", 8) + pad("ratio", 7) + pad("faults", 8) + "sha256")
        for (index, file) in corpus.files.enumerated() {
            let ours = timings.fileTime(.oursFull, index), cold = timings.fileTime(.oursFullColdHeap, index)
            let djpeg = timings.fileTime(.djpegFull, index), corrected = djpeg - timings.spawnCost
            line(
                pad(file.name, 48) + pad(f(file.megapixels, 2), 7) + pad(f(file.bitsPerPixel, 2), 6)
                    + [ours, cold, djpeg, corrected].map { pad(f($0 * 1000, 1), 8) }.joined()
                    + pad(f(ours / corrected, 2), 7) + pad("\(timings.fileFaults(index))", 8)
                    + String(file.sha256.prefix(16)))
        }
    }

    /// The djpeg time with the per-process cost taken off once per file.
    private func corrected(_ method: Method) -> Double { timings.corpusTime(method) - spawnTotal }

    private func ratio(_ ours: Method, _ djpeg: Method) -> (raw: Double, corrected: Double) {
        let time = timings.corpusTime(ours)
        return (time / timings.corpusTime(djpeg), time / corrected(djpeg))
    }

    private func mp(_ seconds: Double) -> Double { corpus.megapixels / seconds }

    /// MP/s (of the stored image size) and ms per file, for a corpus time.
    private func rate(_ seconds: Double, width: Int = 21) -> String {
        guard seconds > 0 else { return pad("n/a", width) }
        return pad(f(mp(seconds), 1), 9) + pad(f(seconds / fileCount * 1000, 3), width - 9)
    }
}

func f(_ value: Double, _ decimals: Int) -> String { String(format: "%.\(decimals)f", value) }

func pad(_ text: String, _ width: Int) -> String {
    text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
}

/// All figures go through here, to stdout unbuffered, so progress notes on stderr stay in order.
func line(_ text: String) {
    writeAll(STDOUT_FILENO, text + "\n")
}

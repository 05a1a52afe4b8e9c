import Foundation

/// The printed figures. Times are medians over the runs; ratios are time ours / time djpeg, so
/// below 1.00 means we are faster.
struct Report {
    static let target = 1.10

    let corpus: Corpus
    let timings: Timings

    private var fileCount: Double { Double(corpus.files.count) }
    private var spawnTotal: Double { timings.spawnCost * fileCount }

    func print(perFile: Bool) {
        let mebibytes = Double(corpus.bytes) / 1_048_576
        line("")
        line(
            "== \(corpus.title): \(corpus.files.count) files, \(f(corpus.megapixels, 1)) MP, \(f(mebibytes, 1)) MiB;"
                + " median of \(timings.runs) runs ==")
        for skipped in corpus.skipped { line("   left out: \(skipped.name) (\(skipped.reason))") }
        line(
            "djpeg per-process cost (djpeg -outfile /dev/null on an 8×8 JPEG, median of \(timings.spawnSamples.count)):"
                + " \(f(timings.spawnCost * 1000, 2)) ms; spawn-corrected = raw - that cost per file")
        line("")
        line(pad("", 26) + pad("ours (in-process)", 21) + pad("djpeg raw", 21) + pad("djpeg spawn-corrected", 24) + "ours/djpeg time")
        line(pad("", 26) + String(repeating: pad("MP/s", 9) + pad("ms/file", 12), count: 2) + pad("MP/s", 9) + pad("ms/file", 15) + "raw    corrected")
        for (ours, djpeg) in [(Method.oursFull, Method.djpegFull), (.oursEighth, .djpegEighth)] {
            let ratios = ratio(ours, djpeg)
            line(
                pad(ours.label, 26) + rate(timings.corpusTime(ours)) + rate(timings.corpusTime(djpeg))
                    + rate(corrected(djpeg), width: 24) + pad(f(ratios.raw, 2), 7) + f(ratios.corrected, 2))
        }
        for method in [Method.inspect, .probe] { line(pad(method.label, 26) + rate(timings.corpusTime(method)) + "(ours only)") }
        line("")
        for (ours, djpeg) in [(Method.oursFull, Method.djpegFull), (.oursEighth, .djpegEighth)] {
            let ratios = ratio(ours, djpeg)
            let verdict = ratios.corrected <= Self.target ? "met" : "NOT met"
            line(
                "\(ours.label)   ours \(f(mp(timings.corpusTime(ours)), 1)) MP/s  djpeg \(f(mp(timings.corpusTime(djpeg)), 1)) MP/s"
                    + " (spawn-corrected \(f(mp(corrected(djpeg)), 1)))  ratio \(f(ratios.corrected, 2))"
                    + " (raw \(f(ratios.raw, 2)))  target ≤ \(f(Self.target, 2)): \(verdict)")
        }
        line(
            "inspect      ours \(f(mp(timings.corpusTime(.inspect)), 1)) MP/s, \(f(timings.corpusTime(.inspect) / fileCount * 1000, 2)) ms/file"
                + " (read + SHA-256 + EXIF + decode at the 1024 working size + orientation)")
        if perFile { printFiles() }
    }

    private func printFiles() {
        line("")
        line(pad("per file, decode 1/1", 44) + pad("MP", 7) + pad("bpp", 6) + pad("ours ms", 10) + pad("djpeg ms", 10) + pad("corr. ms", 10) + pad("ratio", 7) + "sha256")
        for (index, file) in corpus.files.enumerated() {
            let ours = timings.fileTime(.oursFull, index), djpeg = timings.fileTime(.djpegFull, index)
            let corrected = djpeg - timings.spawnCost
            line(
                pad(file.name, 44) + pad(f(file.megapixels, 2), 7) + pad(f(file.bitsPerPixel, 2), 6)
                    + pad(f(ours * 1000, 1), 10) + pad(f(djpeg * 1000, 1), 10) + pad(f(corrected * 1000, 1), 10)
                    + pad(f(ours / corrected, 2), 7) + String(file.sha256.prefix(16)))
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

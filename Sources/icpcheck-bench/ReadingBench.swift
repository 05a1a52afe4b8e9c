import Foundation
import ICPCheck

/// The cost of reading (Tesseract) per file, on one core: inspect with reading minus inspect with
/// the heuristics alone, on pages and on ID cards apart. The engines are loaded by a first,
/// untimed file, as a batch loads them once per worker.
enum ReadingBench {
    /// The committed reading fixtures, and the tune split of the reading set when make eval made it.
    static func files() -> [String] {
        ["Tests/ICPCheckTests/Fixtures/reading", ".build/reading-tune"].flatMap { folder in
            ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".jpg") }.sorted()
                .map { "\(folder)/\($0)" }
        }
    }

    static func run(files: [String], runs: Int) async {
        guard let rules = try? RulesLoader.load() else { fail("the default rules do not load") }
        line("")
        line("== reading: one core, fastest of \(runs) rounds; cost = inspect with reading - inspect without ==")
        guard !files.isEmpty else { return line("no files to read") }
        _ = await FileBatch.inspect(paths: [files[0]], rules: rules, jobs: 1)
        var without = [Double](repeating: .infinity, count: files.count), with = without
        var reports: [FileReport?] = Array(repeating: nil, count: files.count)
        for _ in 0..<runs {
            for (index, path) in files.enumerated() {
                var start = now()
                _ = await FileBatch.inspect(paths: [path], rules: rules, reading: FileBatch.FileReading(mode: .off), jobs: 1)
                without[index] = min(without[index], now() - start)
                start = now()
                reports[index] = await FileBatch.inspect(paths: [path], rules: rules, jobs: 1).first
                with[index] = min(with[index], now() - start)
            }
        }
        line(pad("file", 48) + pad("without ms", 12) + pad("with ms", 10) + pad("reading ms", 12) + "content, title")
        var cards: [Double] = [], pages: [Double] = []
        for (index, path) in files.enumerated() {
            let cost = with[index] - without[index]
            let report = reports[index]
            guard report?.reading != nil else { continue }
            if report?.contentKind == "id_card" || [.idCardFront, .idCardBack].contains(report?.reading?.title) {
                cards.append(cost)
            } else {
                pages.append(cost)
            }
            let name = String(path.split(separator: "/").suffix(2).joined(separator: "/").prefix(46))
            line(pad(name, 48) + pad(f(without[index] * 1000, 1), 12) + pad(f(with[index] * 1000, 1), 10) + pad(f(cost * 1000, 1), 12)
                + "\(report?.contentKind ?? "none"), \(report?.reading?.title?.rawValue ?? "no title")")
        }
        for (name, costs, target) in [("ID card", cards, "0.3 s"), ("page", pages, "1 s")] where !costs.isEmpty {
            line("reading per \(name): median \(f(median(costs), 2)) s, worst \(f(costs.max() ?? 0, 2)) s over \(costs.count) files"
                + " (target: median at most \(target))")
        }
    }
}

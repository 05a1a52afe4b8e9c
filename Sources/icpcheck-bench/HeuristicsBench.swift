import Glibc
import ICPCheck

/// The cost of the pixel heuristics per file, on one core: inspect with them minus inspect without
/// them, on the same files. Each figure is the fastest of `runs`, taken in rounds over all the files:
/// other work on a shared machine only ever adds time, and comes and goes over seconds, so spread-out
/// runs each have a chance at a quiet moment. Every file gets all of the heuristics (faces, backdrop,
/// exposure, sharpness, editing traces, then page, text, seals, colour, glare, blur, screen pattern,
/// ID card sides).
enum HeuristicsBench {
    static func run(title: String, files: [String], runs: Int, target: String) async {
        guard let rules = try? RulesLoader.load() else { fail("the default rules do not load") }
        line("")
        line("== \(title) heuristics: one core, fastest of \(runs) rounds; inspect = read + SHA-256 + EXIF + decode at 1024 ==")
        line(pad("file", 48) + pad("inspect ms", 12) + pad("+ heuristics ms", 17) + pad("heuristics ms", 15) + pad("faces", 7) + "content")
        var plain = [Double](repeating: .infinity, count: files.count), full = plain
        var reports: [FileReport?] = Array(repeating: nil, count: files.count)
        for _ in 0..<runs {
            for (index, path) in files.enumerated() {
                var start = now()
                _ = await FileBatch.inspect(paths: [path], jobs: 1)
                plain[index] = min(plain[index], now() - start)
                start = now()
                reports[index] = await FileBatch.inspect(paths: [path], rules: rules, reading: FileBatch.FileReading(mode: .off), jobs: 1).first
                full[index] = min(full[index], now() - start)
            }
        }
        var costs: [Double] = [], shares: [Double] = []
        for (index, path) in files.enumerated() {
            let cost = full[index] - plain[index]
            costs.append(cost)
            shares.append(cost / max(full[index], 1e-9))
            let name = String(path.split(separator: "/").suffix(2).joined(separator: "/").prefix(46))
            let faces = Int(reports[index]?.measures["face_count"] ?? -1)
            line(pad(name, 48) + pad(f(plain[index] * 1000, 1), 12) + pad(f(full[index] * 1000, 1), 17)
                + pad(f(cost * 1000, 1), 15) + pad("\(faces)", 7) + (reports[index]?.contentKind ?? "none"))
        }
        line("\(title) heuristics: median \(f(median(costs) * 1000, 1)) ms per file, worst \(f((costs.max() ?? 0) * 1000, 1)) ms"
            + " (target: \(target))")
        line("\(title) heuristics: median share of the whole per-file pipeline (read, hash, EXIF, decode, heuristics):"
            + " \(f(median(shares) * 100, 0))%")
    }
}

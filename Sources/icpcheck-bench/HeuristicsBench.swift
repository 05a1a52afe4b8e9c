import Glibc
import ICPCheck

/// The cost of the pixel heuristics per file, on one core: inspect with them minus inspect without
/// them, on the same files, each the fastest of `runs` (other work on a shared machine only ever
/// adds time, so the fastest run is the steadiest figure). Every file gets all of them (faces, backdrop, exposure, sharpness,
/// editing traces, then page, text, seals, colour, glare, blur, screen pattern, ID card sides).
enum HeuristicsBench {
    static func run(title: String, files: [String], runs: Int, target: String) async {
        guard let rules = try? RulesLoader.load() else { fail("the default rules do not load") }
        line("")
        line("== \(title) heuristics: one core, fastest of \(runs) runs; inspect = read + SHA-256 + EXIF + decode at 1024 ==")
        line(pad("file", 48) + pad("inspect ms", 12) + pad("+ heuristics ms", 17) + pad("heuristics ms", 15) + pad("faces", 7) + "content")
        var costs: [Double] = [], shares: [Double] = []
        for path in files {
            var plain: [Double] = [], full: [Double] = []
            var kind = ""
            var faces = 0.0
            for _ in 0..<runs {
                var start = now()
                _ = await FileBatch.inspect(paths: [path], jobs: 1)
                plain.append(now() - start)
                start = now()
                let report = await FileBatch.inspect(paths: [path], rules: rules, jobs: 1)
                full.append(now() - start)
                faces = report.first?.measures["face_count"] ?? -1
                kind = report.first?.contentKind ?? "none"
            }
            let (fastestPlain, fastestFull) = (plain.min() ?? 0, full.min() ?? 0)
            let cost = fastestFull - fastestPlain
            costs.append(cost)
            shares.append(cost / max(fastestFull, 1e-9))
            let name = String(path.split(separator: "/").suffix(2).joined(separator: "/").prefix(46))
            line(pad(name, 48) + pad(f(fastestPlain * 1000, 1), 12) + pad(f(fastestFull * 1000, 1), 17)
                + pad(f(cost * 1000, 1), 15) + pad("\(Int(faces))", 7) + kind)
        }
        line("\(title) heuristics: median \(f(median(costs) * 1000, 1)) ms per file, worst \(f((costs.max() ?? 0) * 1000, 1)) ms"
            + " (target: \(target))")
        line("\(title) heuristics: median share of the whole per-file pipeline (read, hash, EXIF, decode, heuristics):"
            + " \(f(median(shares) * 100, 0))%")
    }
}

import Glibc
import ICPCheck

/// The cost of the pixel heuristics (faces, backdrop, exposure, sharpness, editing traces) per
/// photo, on one core: inspect with them minus inspect without them, on the same files.
enum PhotoBench {
    static func run(files: [String], runs: Int) async {
        guard let rules = try? RulesLoader.load() else { fail("the default rules do not load") }
        line("")
        line("== photo heuristics: one core, median of \(runs) runs; inspect = read + SHA-256 + EXIF + decode at 1024 ==")
        line(pad("file", 48) + pad("inspect ms", 12) + pad("+ heuristics ms", 17) + pad("heuristics ms", 15) + "faces")
        var costs: [Double] = []
        for path in files {
            var plain: [Double] = [], full: [Double] = []
            var faces = 0.0
            for _ in 0..<runs {
                var start = now()
                _ = await FileBatch.inspect(paths: [path], jobs: 1)
                plain.append(now() - start)
                start = now()
                let report = await FileBatch.inspect(paths: [path], rules: rules, jobs: 1)
                full.append(now() - start)
                faces = report.first?.measures["face_count"] ?? -1
            }
            let cost = median(full) - median(plain)
            costs.append(cost)
            let name = String(path.split(separator: "/").suffix(2).joined(separator: "/").prefix(46))
            line(pad(name, 48) + pad(f(median(plain) * 1000, 1), 12) + pad(f(median(full) * 1000, 1), 17)
                + pad(f(cost * 1000, 1), 15) + "\(Int(faces))")
        }
        line("photo heuristics: median \(f(median(costs) * 1000, 1)) ms per photo, worst \(f((costs.max() ?? 0) * 1000, 1)) ms"
            + " (target: well under 100 ms)")
    }
}

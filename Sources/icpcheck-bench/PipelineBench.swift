import Foundation
import ICPCheck

/// The whole per-file pipeline with reading off (read, hash, EXIF, decode, every heuristic, the
/// judge) against the decoder's floor, `djpeg -scale 1/8` (entropy decoding cannot be skipped), on
/// the same JPEGs, one core. The Python peer (Pillow draft decode + OpenCV's cascade) is timed by
/// `make bench` on the same list; this prints the figures it needs for the ratios.
enum PipelineBench {
    /// Every JPEG (by its first bytes) in a folder of real photographs and documents.
    static func files(in folder: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.sorted().map { "\(folder)/\($0)" }.filter { path in
            guard let handle = FileHandle(forReadingAtPath: path) else { return false }
            defer { try? handle.close() }
            return (try? handle.read(upToCount: 3)).map { [UInt8]($0) == [0xFF, 0xD8, 0xFF] } ?? false
        }
    }

    static func run(files: [String], djpeg: String, runs: Int) async {
        guard let rules = try? RulesLoader.load() else { fail("the default rules do not load") }
        guard !files.isEmpty else { fail("no JPEG files to time") }
        line("")
        line("== whole pipeline, reading off: one core, fastest of \(runs) rounds, \(files.count) JPEGs ==")
        _ = await FileBatch.inspect(paths: [files[0]], rules: rules, reading: FileBatch.FileReading(mode: .off), jobs: 1)
        let floors = files.map { Command(djpeg, ["-scale", "1/8", "-outfile", "/dev/null", $0]) }
        let tiny = Command(djpeg, ["-outfile", "/dev/null", CommandLine.arguments[0]])
        var ours = [Double](repeating: .infinity, count: files.count), floor = ours, spawn = Double.infinity
        var pixels = [Int](repeating: 0, count: files.count)
        for _ in 0..<runs {
            for (index, path) in files.enumerated() {
                let start = now()
                let report = await FileBatch.inspect(paths: [path], rules: rules, reading: FileBatch.FileReading(mode: .off), jobs: 1).first
                ours[index] = min(ours[index], now() - start)
                pixels[index] = (report?.format.width ?? 0) * (report?.format.height ?? 0)
                floor[index] = min(floor[index], floors[index].run().seconds)
            }
            // A failing djpeg on a file that is no JPEG: what a spawn alone costs.
            spawn = min(spawn, tiny.run().seconds)
        }
        let megapixels = Double(pixels.reduce(0, +)) / 1e6
        let floorCorrected = floor.map { max(0, $0 - spawn) }.reduce(0, +)
        line("icpcheck inspect (in-process): \(f(ours.reduce(0, +), 2)) s, median \(f(median(ours) * 1000, 1)) ms per file;"
            + " \(f(megapixels, 0)) MP stored")
        line("djpeg -scale 1/8 (one process per file): \(f(floor.reduce(0, +), 2)) s; spawn-corrected \(f(floorCorrected, 2)) s"
            + " (spawn \(f(spawn * 1000, 1)) ms)")
        line("throughput ratio ours / floor: \(f(floorCorrected / ours.reduce(0, +), 3)) (spawn-corrected; target at least 0.35)")
        // For make bench's peer line.
        line("PIPELINE ours_seconds=\(f(ours.reduce(0, +), 4)) files=\(files.count)")
    }
}

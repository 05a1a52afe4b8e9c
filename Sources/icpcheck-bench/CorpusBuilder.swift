import Glibc
import ICPCheck

/// One generated JPEG: a real photo or page cropped to 4:3 (or 3:4), upscaled, grained and encoded by cjpeg.
struct GeneratedPhoto {
    /// Relative to the corpora folder.
    let source: String
    let width: Int
    let height: Int
    let progressive: Bool

    var name: String {
        let stem = source.split(separator: "/").last!.split(separator: ".").first!
        return "\(stem)-\(width)x\(height)-q\(CorpusBuilder.quality)\(progressive ? "-progressive" : "").jpg"
    }
}

/// Makes the large-photo corpus, deterministically: same sources, same seeds, same cjpeg, same bytes.
enum CorpusBuilder {
    static let quality = 92
    /// Grain amplitude in levels (uniform over -6 ... +6), so the entropy-coded data is dense like a
    /// camera photo's rather than sparse like a smooth upscale's.
    static let grain = 6

    static let plan: [GeneratedPhoto] = [
        GeneratedPhoto(source: "photos/skimage_astronaut.png", width: 4000, height: 3000, progressive: false),
        GeneratedPhoto(source: "photos/skimage_astronaut.png", width: 4000, height: 3000, progressive: true),
        GeneratedPhoto(source: "photos/skimage_coffee.png", width: 4000, height: 3000, progressive: false),
        GeneratedPhoto(source: "photos/dlib_eagle.jpg", width: 4000, height: 3000, progressive: false),
        GeneratedPhoto(source: "photos/skimage_astronaut.png", width: 1600, height: 1200, progressive: false),
        GeneratedPhoto(source: "photos/skimage_coffee.png", width: 1600, height: 1200, progressive: false),
        GeneratedPhoto(source: "photos/dlib_eagle.jpg", width: 1600, height: 1200, progressive: false),
        // A 12 MP scan of a printed page, for the document heuristics.
        GeneratedPhoto(source: "photos/ocrmypdf_linn.png", width: 3000, height: 4000, progressive: false),
    ]

    static let tinyName = "tiny-8x8.jpg"

    /// Writes `large/*.jpg` and the 8×8 JPEG that measures djpeg's per-process cost into `directory`.
    static func build(corpora: String, into directory: String, cjpeg: String) {
        makeDirectory(directory)
        makeDirectory("\(directory)/large")
        let ppm = "\(directory)/source.ppm"
        defer { unlink(ppm) }
        var sources: [String: RGBImage] = [:]
        for photo in plan {
            let key = "\(photo.source) \(photo.width > photo.height)"
            let source = sources[key] ?? loadCropped("\(corpora)/\(photo.source)", landscape: photo.width > photo.height)
            sources[key] = source
            // Seeded by size only: the baseline and progressive files hold the same pixels.
            var random = SplitMix64(seed: fnv1a("\(photo.source) \(photo.width)x\(photo.height)"))
            let pixels = source.upscaled(width: photo.width, height: photo.height, grain: grain, random: &random)
            writePPM(pixels, width: photo.width, height: photo.height, to: ppm)
            encode(ppm, to: "\(directory)/large/\(photo.name)", progressive: photo.progressive, cjpeg: cjpeg)
        }
        var random = SplitMix64(seed: 8)
        let tiny = (0..<(8 * 8 * 3)).map { _ in UInt8(truncatingIfNeeded: random.next()) }
        writePPM(tiny, width: 8, height: 8, to: ppm)
        encode(ppm, to: "\(directory)/\(tinyName)", progressive: false, cjpeg: cjpeg)
    }

    /// Decodes with our own decoder (upright, full size) and keeps the centred 4:3 part.
    private static func loadCropped(_ path: String, landscape: Bool) -> RGBImage {
        let analysis = FileInspector.inspect(fileAt: path, options: InspectOptions(workingLongSide: nil))
        guard let image = analysis.image else {
            fail("cannot decode \(path): \(analysis.report.findings.map(\.message).joined(separator: "; "))")
        }
        return landscape ? RGBImage(image).cropped(toAspect: 4, 3) : RGBImage(image).cropped(toAspect: 3, 4)
    }

    private static func encode(_ ppm: String, to output: String, progressive: Bool, cjpeg: String) {
        let arguments = ["-quality", "\(quality)"] + (progressive ? ["-progressive"] : []) + ["-outfile", output, ppm]
        let status = Command(cjpeg, arguments).run().status
        guard status == 0 else { fail("cjpeg exited with \(status) while writing \(output)") }
    }

    private static func writePPM(_ pixels: [UInt8], width: Int, height: Int, to path: String) {
        guard let file = fopen(path, "wb") else { fail("cannot write \(path)") }
        defer { fclose(file) }
        let header = Array("P6\n\(width) \(height)\n255\n".utf8)
        let written = fwrite(header, 1, header.count, file) + fwrite(pixels, 1, pixels.count, file)
        guard written == header.count + pixels.count else { fail("short write to \(path)") }
    }

    private static func makeDirectory(_ path: String) {
        guard mkdir(path, 0o755) == 0 || errno == EEXIST else { fail("cannot create \(path)") }
    }

    private static func fnv1a(_ text: String) -> UInt64 {
        text.utf8.reduce(0xcbf2_9ce4_8422_2325) { ($0 ^ UInt64($1)) &* 0x100_0000_01b3 }
    }
}

/// A small, fast, seedable generator (SplitMix64), so the grain is the same on every run.
struct SplitMix64 {
    private var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9e37_79b9_7f4a_7c15
        var z = state
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }
}

import Foundation
@testable import ICPCheck
import Testing

/// WebP, which phones and browsers save and providers refuse: decoded to look at (which material
/// the file is, what else is wrong), and refused with `format.unsupported` all the same. The
/// fixtures are ours: the reading fixture's licence scan saved as lossy WebP, and a lossless
/// picture whose right half is transparent.
@Suite struct WebPTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static func bytes(_ path: String) throws -> [UInt8] {
        Array(try Data(contentsOf: folder.appendingPathComponent(path)))
    }

    @Test func headerGivesTheStoredSize() throws {
        let header = try WebPCodec.readHeader(Self.bytes("webp/licence-scan.webp"))
        #expect(header == WebPHeader(width: 1240, height: 1754, hasAlpha: false, animated: false, lossless: false))
        let transparent = try WebPCodec.readHeader(Self.bytes("webp/half-transparent.webp"))
        #expect(transparent.hasAlpha && transparent.lossless)
    }

    /// Shrunk while decoding, the picture is the one the JPEG it was saved from shows: the same
    /// size, and per channel within a few levels on average (the two codecs lose different detail).
    @Test func shrunkDecodeMatchesTheSourcePicture() throws {
        let webp = try WebPCodec.decode(Self.bytes("webp/licence-scan.webp"), scale: 4)
        let (jpeg, _) = try JPEGCodec.decode(Self.bytes("reading/licence-scan.jpg"), scaleDenominator: 4)
        #expect(webp.width == 310 && webp.height == 439)
        #expect((webp.width, webp.height) == (jpeg.width, jpeg.height))
        for channel in 0..<3 {
            var difference = 0
            for index in Swift.stride(from: channel, to: webp.pixels.count, by: 3) {
                difference += abs(Int(webp.pixels[index]) - Int(jpeg.pixels[index]))
            }
            let mean = Double(difference) / Double(webp.pixels.count / 3)
            #expect(mean < 6, "channel \(channel): mean difference \(mean)")
        }
    }

    @Test func transparentPixelsShowOverWhite() throws {
        let image = try WebPCodec.decode(Self.bytes("webp/half-transparent.webp"))
        #expect(image.width == 40 && image.height == 30 && image.channels == 3)
        let pixel = { (x: Int, y: Int) in Array(image.pixels[(y * 40 + x) * 3..<(y * 40 + x) * 3 + 3]) }
        #expect(pixel(5, 5) == [200, 30, 30])
        #expect(pixel(30, 20) == [255, 255, 255])
    }

    /// Every cut of the file, and every file with a byte changed, gives a picture or an error, never a crash.
    @Test func damagedFilesGiveAnError() throws {
        let bytes = try Self.bytes("webp/licence-scan.webp")
        for length in [0, 4, 12, 20, 30, 64, 1000, bytes.count / 2, bytes.count - 1] {
            #expect(throws: ICPCheckError.self) { try WebPCodec.decode(Array(bytes.prefix(length)), scale: 8) }
        }
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<40 {
            var damaged = bytes
            damaged[Int.random(in: 12..<200, using: &generator)] ^= UInt8.random(in: 1...255, using: &generator)
            _ = try? WebPCodec.decode(damaged, scale: 8)
        }
    }

    /// A WebP named .jpg: refused as WebP (not told to rename it), and still looked at and read.
    @Test func inspectRefusesItAndSaysWhatItShows() async throws {
        let analysis = FileInspector.inspect(bytes: try Self.bytes("webp/licence-scan.webp"), path: "营业执照.jpg")
        #expect(analysis.report.format.detected == .webp)
        #expect(analysis.report.findings.map(\.code) == [FindingCode.unsupported])
        #expect(analysis.image != nil)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("webp-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("licence.jpg").path
        try Data(Self.bytes("webp/licence-scan.webp")).write(to: URL(fileURLWithPath: path))
        let report = try #require(await FileBatch.inspect(paths: [path], rules: try RulesLoader.load(), jobs: 1).first)
        #expect(report.contentKind == "document")
        #expect(report.reading?.title == .businessLicence)
        #expect(report.findings.contains { $0.code == FindingCode.unsupported && $0.severity == .error })
    }
}

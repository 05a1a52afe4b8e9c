import Testing

@testable import ICPCheck

/// Every file of `corpora/jpeg` against `expected-jpeg.json` (djpeg from libjpeg-turbo 2.1.5).
@Suite struct JPEGCorpusTests {
    static let expectations = Corpus.expected("jpeg/expected-jpeg.json")
    static let validFiles = expectations.filter { $0.value.bool("valid") == true }.keys.sorted()

    /// Findings that mean djpeg would have complained (it is silent only on clean data).
    static let damageCodes: Set<FindingCode> = [
        FindingCode.truncated, FindingCode.corrupt, FindingCode.corruptData, FindingCode.unsupported,
    ]

    @Test func corpusIsPresent() {
        #expect(Self.expectations.count > 100)
    }

    @Test(arguments: Corpus.keys("jpeg/expected-jpeg.json"))
    func agreesWithDjpeg(_ path: String) throws {
        let expected = try #require(Self.expectations[path])
        let bytes = try Corpus.bytes("jpeg/" + path)
        let report = FileInspector.inspect(bytes: bytes, path: path).report
        let damage = report.findings.filter { Self.damageCodes.contains($0.code) }
        let valid = expected.bool("valid") == true
        #expect(damage.isEmpty == valid, "\(report.findings.map { "\($0.code): \($0.detail ?? "")" })")
        guard let width = expected.int("width") else { return }
        #expect(report.format.width == width)
        #expect(report.format.height == expected.int("height"))
        #expect(report.format.progressive == expected.bool("progressive"))
        if let header = try? JPEGCodec.readHeader(bytes).0 {
            #expect(header.components == expected.int("components"))
            #expect(header.arithmetic == expected.bool("arithmetic"))
            switch expected.string("color_space") {
            case "grayscale": #expect(header.colorSpace == "grayscale")
            case "RGB (YCbCr-coded)": #expect(["ycbcr", "rgb"].contains(header.colorSpace))
            case "CMYK/YCCK (Adobe APP14)": #expect(["cmyk", "ycck"].contains(header.colorSpace))
            default: break
            }
        }
    }

    @Test(arguments: validFiles)
    func scaledDecodeHasLibjpegDimensions(_ path: String) throws {
        let bytes = try Corpus.bytes("jpeg/" + path)
        let (header, _) = try JPEGCodec.readHeader(bytes)
        for denominator in [1, 2, 4, 8] {
            let (image, _) = try JPEGCodec.decode(bytes, scaleDenominator: denominator)
            #expect(image.width == (header.width + denominator - 1) / denominator)
            #expect(image.height == (header.height + denominator - 1) / denominator)
            #expect(image.pixels.count == image.width * image.height * image.channels)
        }
    }

    @Test func greyStaysGreyUnlessRGBIsAsked() throws {
        let bytes = try Corpus.bytes("jpeg/pillow_hopper_gray.jpg")
        #expect(try JPEGCodec.decode(bytes).0.channels == 1)
        #expect(try JPEGCodec.decode(bytes, forceRGB: true).0.channels == 3)
    }

    @Test func cmykDecodesToTheSamePictureAsRGB() throws {
        let cmyk = try JPEGCodec.decode(Corpus.bytes("jpeg/pillow_pil_sample_cmyk.jpg")).0
        let rgb = try JPEGCodec.decode(Corpus.bytes("jpeg/pillow_pil_sample_rgb.jpg")).0
        #expect(cmyk.channels == 3)
        #expect(ImageComparison.meanAbsoluteDifference(cmyk, rgb) < 12)
    }

    @Test func workingSizePicksTheLargestScaleThatKeepsEnoughPixels() {
        #expect(JPEGCodec.scaleDenominator(width: 4000, height: 3000, targetLongSide: 1024) == 2)
        #expect(JPEGCodec.scaleDenominator(width: 8192, height: 6000, targetLongSide: 1024) == 8)
        #expect(JPEGCodec.scaleDenominator(width: 800, height: 600, targetLongSide: 1024) == 1)
        #expect(JPEGCodec.scaleDenominator(width: 4000, height: 3000, targetLongSide: nil) == 1)
    }
}

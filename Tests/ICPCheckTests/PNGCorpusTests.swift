import Testing

@testable import ICPCheck

/// Every file of `corpora/png` against `expected-png.json` (libpng 1.6.39's own verdict).
@Suite struct PNGCorpusTests {
    static let expectations = Corpus.expected("png/expected-png.json")

    @Test("corpus is present") func corpusIsPresent() {
        #expect(Self.expectations.count > 200)
    }

    @Test(arguments: Corpus.keys("png/expected-png.json"))
    func agreesWithLibpng(_ path: String) throws {
        let expected = try #require(Self.expectations[path])
        let bytes = try Corpus.bytes("png/" + path)
        let analysis = FileInspector.inspect(bytes: bytes, path: path)
        let report = analysis.report
        let errors = report.findings.filter { $0.severity == .error }
        let valid = expected.bool("valid") == true
        #expect(errors.isEmpty == valid, "findings: \(report.findings.map(\.code)) \(report.findings.map(\.detail))")
        #expect((analysis.image != nil) == valid)
        if !valid { #expect(!errors.isEmpty) }
        // Header fields: compared wherever the expected file read them from IHDR and we report them too.
        if let width = expected.int("width"), report.format.detected == .png {
            #expect(report.format.width == width)
            #expect(report.format.height == expected.int("height"))
            #expect(report.format.bitDepth == expected.int("bit_depth"))
            #expect(report.format.interlaced == expected.bool("interlaced"))
            let colorNames = [0: "grayscale", 2: "rgb", 3: "palette", 4: "grayscale_alpha", 6: "rgba"]
            if let type = expected.int("color_type"), let name = colorNames[type] {
                #expect(report.format.color == name)
            }
        }
        if valid, let image = analysis.image, let width = report.format.width, let height = report.format.height {
            // Large PNGs are shrunk while decoding, by the JPEG's rule (factor 1 below 2048 px).
            let factor = JPEGCodec.scaleDenominator(width: width, height: height, targetLongSide: 1024)
            #expect(report.measures["decode_scale"] == 1 / Double(factor))
            #expect(image.width == (width + factor - 1) / factor && image.height == (height + factor - 1) / factor)
            #expect(image.pixels.count == image.width * image.height * 3)
        }
    }
}

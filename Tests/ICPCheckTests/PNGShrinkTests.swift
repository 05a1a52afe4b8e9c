import Testing

@testable import ICPCheck

/// The shim decodes PNGs row by row and shrinks them on the way (the JPEG's 1/2, 1/4, 1/8 rule):
/// each output pixel must be the box mean of the full decode, interlaced or not, with alpha
/// composited over white first.
@Suite struct PNGShrinkTests {
    struct Layout: Sendable, CustomTestStringConvertible {
        var colorType: Int
        var bitDepth: Int
        var testDescription: String { "type \(colorType), \(bitDepth) bits" }
    }

    static let layouts = [
        Layout(colorType: 0, bitDepth: 8), Layout(colorType: 2, bitDepth: 8), Layout(colorType: 4, bitDepth: 8),
        Layout(colorType: 6, bitDepth: 8), Layout(colorType: 2, bitDepth: 16), Layout(colorType: 6, bitDepth: 16),
    ]

    /// Deterministic samples: smooth gradients with noise, alpha covering 0, 255 and values between.
    static func samples(width: Int, height: Int, layout: Layout) -> [UInt16] {
        let channels = PNGWriter.channels(ofType: layout.colorType)
        let maximum = (1 << layout.bitDepth) - 1
        var mutator = Mutator(seed: UInt64(layout.colorType * 100 + layout.bitDepth))
        var samples = [UInt16](repeating: 0, count: width * height * channels)
        for y in 0..<height {
            for x in 0..<width {
                for c in 0..<channels {
                    let smooth = (x * 7 + y * 3 + c * 50) % (maximum + 1)
                    let value = (smooth + mutator.below(maximum / 8 + 1)) % (maximum + 1)
                    let isAlpha = (layout.colorType == 4 && c == 1) || (layout.colorType == 6 && c == 3)
                    samples[(y * width + x) * channels + c] = UInt16(isAlpha ? [0, maximum, value][(x + y) % 3] : value)
                }
            }
        }
        return samples
    }

    /// The mean of each factor × factor block (fewer pixels at the right and bottom edges), rounded.
    static func boxMean(_ image: DecodedImage, factor: Int) -> DecodedImage {
        let width = (image.width + factor - 1) / factor, height = (image.height + factor - 1) / factor
        var pixels = [UInt8](repeating: 0, count: width * height * 3)
        for oy in 0..<height {
            for ox in 0..<width {
                let ys = oy * factor..<min(image.height, oy * factor + factor)
                let xs = ox * factor..<min(image.width, ox * factor + factor)
                for c in 0..<3 {
                    var sum = 0
                    for y in ys { for x in xs { sum += Int(image[x, y, c]) } }
                    let count = ys.count * xs.count
                    pixels[(oy * width + ox) * 3 + c] = UInt8((sum + count / 2) / count)
                }
            }
        }
        return DecodedImage(width: width, height: height, channels: 3, pixels: pixels)
    }

    @Test(arguments: layouts)
    func shrunkDecodeIsTheBoxMeanOfTheFullDecode(_ layout: Layout) throws {
        let width = 237, height = 173  // odd, so that the edge blocks are partial at every factor
        let samples = Self.samples(width: width, height: height, layout: layout)
        let plain = PNGWriter.png(
            width: width, height: height, bitDepth: layout.bitDepth, colorType: layout.colorType, interlaced: false,
            samples: samples)
        let interlaced = PNGWriter.png(
            width: width, height: height, bitDepth: layout.bitDepth, colorType: layout.colorType, interlaced: true,
            samples: samples)
        let full = try PNGCodec.decode(plain).0
        #expect(try PNGCodec.decode(interlaced).0 == full)
        for factor in [2, 4, 8] {
            let expected = Self.boxMean(full, factor: factor)
            #expect(try PNGCodec.decode(plain, scale: factor).0 == expected, "factor \(factor)")
            #expect(try PNGCodec.decode(interlaced, scale: factor).0 == expected, "interlaced, factor \(factor)")
        }
    }

    /// At factor 1 every pixel is the 8-bit sample composited over white with the rounding the
    /// decoder always used: (v·a + 255·(255 − a) + 127) / 255.
    @Test(arguments: [false, true])
    func fullSizeDecodeCompositesOverWhite(interlaced: Bool) throws {
        let width = 61, height = 43
        let layout = Layout(colorType: 6, bitDepth: 8)
        let samples = Self.samples(width: width, height: height, layout: layout)
        let png = PNGWriter.png(
            width: width, height: height, bitDepth: 8, colorType: 6, interlaced: interlaced, samples: samples)
        let image = try PNGCodec.decode(png).0
        var expected = [UInt8]()
        for i in 0..<width * height {
            let alpha = UInt32(samples[4 * i + 3])
            for c in 0..<3 {
                expected.append(UInt8((UInt32(samples[4 * i + c]) * alpha + 255 * (255 - alpha) + 127) / 255))
            }
        }
        #expect(image.pixels == expected)
    }

    /// Pictures narrower or shorter than the factor are one partial block across.
    @Test func picturesSmallerThanTheFactorShrinkToOneBlock() throws {
        let layout = Layout(colorType: 2, bitDepth: 8)
        for (width, height) in [(1, 1), (3, 20), (20, 3), (9, 1)] {
            let samples = Self.samples(width: width, height: height, layout: layout)
            for interlaced in [false, true] {
                let png = PNGWriter.png(
                    width: width, height: height, bitDepth: 8, colorType: 2, interlaced: interlaced, samples: samples)
                let full = try PNGCodec.decode(png).0
                #expect(try PNGCodec.decode(png, scale: 8).0 == Self.boxMean(full, factor: 8), "\(width)×\(height)")
            }
        }
    }

    /// Through the inspector: a 3001×2003 RGBA 16-bit interlaced PNG is decoded at half size (its
    /// long side stays ≥ 1024), and the picture is the box mean of the full decode.
    @Test func inspectorShrinksLargePNGsLikeJPEGs() throws {
        let width = 3001, height = 2003
        let layout = Layout(colorType: 6, bitDepth: 16)
        let png = PNGWriter.png(
            width: width, height: height, bitDepth: 16, colorType: 6, interlaced: true,
            samples: Self.samples(width: width, height: height, layout: layout))
        let analysis = FileInspector.inspect(bytes: png, path: "large.png")
        let image = try #require(analysis.image)
        #expect(analysis.report.measures["decode_scale"] == 0.5)
        #expect(image.width == 1501 && image.height == 1002)
        #expect(image == Self.boxMean(try PNGCodec.decode(png).0, factor: 2))
        #expect(analysis.report.findings.allSatisfy { $0.severity != .error })
    }

    /// Under twice the working size nothing changes: factor 1, as before.
    @Test func smallPNGsStayFullSize() throws {
        let analysis = FileInspector.inspect(bytes: try Corpus.bytes("png/pngsuite/basn6a16.png"), path: "a.png")
        #expect(analysis.report.measures["decode_scale"] == 1)
    }

    /// The text chunks libpng now skips unread do not hide the acTL that marks an APNG.
    @Test func apngIsStillReportedBesideSkippedChunks() throws {
        let text = PNGWriter.chunk("tEXt", Array("Comment\u{0}hello".utf8))
        let itxt = PNGWriter.chunk("iTXt", Array("XML:com.adobe.xmp\u{0}\u{0}\u{0}\u{0}\u{0}<x/>".utf8))
        let actl = PNGWriter.chunk("acTL", PNGWriter.bigEndian(2) + PNGWriter.bigEndian(0))
        let base = try Corpus.bytes("png/pngsuite/basn2c08.png")
        let png = PNGWriter.inserting(text + actl + itxt, into: base)
        let report = FileInspector.inspect(bytes: png, path: "a.png").report
        #expect(report.findings.map(\.code) == [FindingCode.animated])
        #expect(try PNGCodec.readHeader(png).0.animated)
        // The skipped chunks give no warning of their own.
        #expect(try PNGCodec.decode(PNGWriter.inserting(text + itxt, into: base)).1.warningCount == 0)
    }
}

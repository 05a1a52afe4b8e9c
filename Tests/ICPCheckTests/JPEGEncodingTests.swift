import Foundation
import Testing

@testable import ICPCheck

/// The thumbnail encoder: libjpeg's compressor through the guarded shim.
@Suite struct JPEGEncodingTests {
    @Test func colourPicturesSurviveEncodingCloseToTheirPixels() throws {
        let (original, _) = try JPEGCodec.decode(try Corpus.bytes("jpeg/ljt_testorig.jpg"), forceRGB: true)
        let encoded = try JPEGCodec.encode(original, quality: 85)
        #expect(ImageFormat.sniff(encoded) == .jpeg)
        let (decoded, _) = try JPEGCodec.decode(encoded)
        #expect([decoded.width, decoded.height, decoded.channels] as [Int] == [original.width, original.height, 3])
        #expect(ImageComparison.meanAbsoluteDifference(decoded, original) < 4)
        // A lower quality gives a smaller file.
        #expect(try JPEGCodec.encode(original, quality: 40).count < encoded.count)
    }

    @Test func greyPicturesStayGrey() throws {
        let (width, height) = (97, 61)
        let pixels = (0..<(width * height)).map { UInt8(($0 % width) * 255 / (width - 1)) }
        let grey = DecodedImage(width: width, height: height, channels: 1, pixels: pixels)
        let (decoded, _) = try JPEGCodec.decode(try JPEGCodec.encode(grey, quality: 90))
        #expect([decoded.width, decoded.height, decoded.channels] as [Int] == [width, height, 1])
        #expect(ImageComparison.meanAbsoluteDifference(decoded, grey) < 3)
    }

    @Test func whatCannotBeEncodedIsAnErrorNotACrash() {
        let rgba = DecodedImage(width: 2, height: 2, channels: 4, pixels: [UInt8](repeating: 9, count: 16))
        #expect(throws: ICPCheckError.self) { try JPEGCodec.encode(rgba, quality: 80) }
        let empty = DecodedImage(width: 0, height: 0, channels: 3, pixels: [])
        #expect(throws: ICPCheckError.self) { try JPEGCodec.encode(empty, quality: 80) }
    }
}

import Foundation
import Testing

@testable import ICPCheck

/// EXIF orientations 1–8 decode to the same upright picture.
@Suite struct OrientationTests {
    static let cases = [
        ("jpeg/orientation_landscape_", ".jpg", 1...8), ("jpeg/orientation_portrait_", ".jpg", 1...8),
        ("jpeg/pillow_hopper_orientation_", ".jpg", 2...8),
    ].flatMap { prefix, suffix, range in range.map { "\(prefix)\($0)\(suffix)" } }

    static func upright(_ path: String) throws -> DecodedImage {
        let analysis = FileInspector.inspect(bytes: try Corpus.bytes(path), path: path)
        return try #require(analysis.image)
    }

    @Test(arguments: cases)
    func decodesUpright(_ path: String) throws {
        let reference =
            path.contains("hopper") ? "jpeg/pillow_hopper.jpg" : path.replacingOccurrences(of: #"_\d\.jpg"#, with: "_1.jpg", options: .regularExpression)
        let image = try Self.upright(path)
        let expected = try Self.upright(reference)
        #expect(image.width == expected.width && image.height == expected.height)
        // Re-encoded by the corpus's authors, so not bit-identical: small average differences only.
        #expect(ImageComparison.meanAbsoluteDifference(image, expected) < 8)
    }

    @Test func everyOrientationIsAPermutationOfPixels() {
        let pixels = (0..<6).map { UInt8($0) }
        let stored = DecodedImage(width: 3, height: 2, channels: 1, pixels: pixels)
        // Stored:  0 1 2 / 3 4 5
        let expected: [Int: (Int, Int, [UInt8])] = [
            1: (3, 2, [0, 1, 2, 3, 4, 5]), 2: (3, 2, [2, 1, 0, 5, 4, 3]), 3: (3, 2, [5, 4, 3, 2, 1, 0]),
            4: (3, 2, [3, 4, 5, 0, 1, 2]), 5: (2, 3, [0, 3, 1, 4, 2, 5]), 6: (2, 3, [3, 0, 4, 1, 5, 2]),
            7: (2, 3, [5, 2, 4, 1, 3, 0]), 8: (2, 3, [2, 5, 1, 4, 0, 3]),
        ]
        for (orientation, (width, height, result)) in expected {
            let turned = stored.applyingOrientation(orientation)
            #expect(turned.width == width && turned.height == height, "orientation \(orientation)")
            #expect(turned.pixels == result, "orientation \(orientation)")
        }
        #expect(stored.applyingOrientation(0) == stored)
        #expect(stored.applyingOrientation(9) == stored)
    }
}

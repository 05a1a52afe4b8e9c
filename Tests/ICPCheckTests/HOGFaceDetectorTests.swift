import Foundation
import Testing

@testable import ICPCheck

/// dlib's HOG detector, the second opinion where the Haar cascade finds no face.
@Suite struct HOGFaceDetectorTests {
    @Test(arguments: FaceDetectorTests.portraits.keys.sorted())
    func findsTheFaceTheCascadeFinds(_ relative: String) throws {
        let image = try FaceDetectorTests.image(relative)
        let found = HOGFaceDetector.detect(image, minScore: 0)
        let cascade = try #require(try FaceDetectorTests.faces(in: image).first)
        #expect(found.count == 1, "\(relative): \(found)")
        // dlib's tighter box lies within the cascade's.
        let box = try #require(found.first?.box)
        #expect(cascade.overlapsMostOf(box) && box.height < cascade.height, "\(relative): \(box) vs \(cascade)")
    }

    /// Pictures with no face that are no page (on a page of print, where dlib sees faces in letters, it is not asked).
    @Test(arguments: ["photos/skimage_coffee.png", "photos/skimage_rocket.jpg"])
    func findsNoFaceWhereThereIsNone(_ relative: String) throws {
        #expect(HOGFaceDetector.detect(try FaceDetectorTests.image(relative), minScore: 0).isEmpty)
    }

    @Test func anEmptyOrHugePictureGivesNoFace() {
        let empty = DecodedImage(width: 1, height: 1, channels: 1, pixels: [0])
        #expect(HOGFaceDetector.detect(empty, minScore: 0).isEmpty)
        let flat = DecodedImage(width: 300, height: 200, channels: 1, pixels: [UInt8](repeating: 128, count: 300 * 200))
        #expect(HOGFaceDetector.detect(flat, minScore: 0).isEmpty)
    }

    /// It is asked only where the cascade found no face on a picture that is no page or card.
    @Test func looksOnlyWhereTheCascadeFoundNobody() throws {
        let rules = try RulesLoader.load()
        let astronaut = ContentMeasures.measure(try FaceDetectorTests.image("photos/skimage_astronaut.png"), cascades: .installed, rules: rules)
        #expect(astronaut.people.faces.count == 1 && astronaut.people.hogFaceCount == nil)
        let coffee = ContentMeasures.measure(try FaceDetectorTests.image("photos/skimage_coffee.png"), cascades: .installed, rules: rules)
        #expect(coffee.people.faces.isEmpty && coffee.people.hogFaceCount == 0)
        let page = ContentMeasures.measure(try FaceDetectorTests.image("photos/ocrmypdf_typewriter.png"), cascades: .installed, rules: rules)
        #expect(page.people.hogFaceCount == nil)
    }
}

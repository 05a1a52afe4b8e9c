import Foundation
import Testing

@testable import ICPCheck

/// A person holding their ID card up is a hand-held ID photo, whether the card is held by the chest
/// or beside the face; the same person without the card, the card alone and a page are not.
@Suite(.serialized) struct HandheldPhotoTests {
    static let portrait = DocumentTests.decoded("Samples/APP-101-ready-enterprise/幕布照片.jpg")

    static func report(_ image: DecodedImage) -> FileReport {
        DocumentTests.report(image, role: .unknown, isEntity: nil)
    }

    static func holding(at x: Double, _ y: Double, width: Double) -> DecodedImage {
        let (w, h) = (Double(portrait.width), Double(portrait.height))
        return ImageEditing.pasted(DocumentTests.idFront, into: portrait, x: Int(x * w), y: Int(y * h), width: Int(width * w))
    }

    @Test(arguments: [(0.3, 0.68, 0.4), (0.02, 0.4, 0.3), (0.68, 0.45, 0.3)])
    func cardHeldUp(x: Double, y: Double, width: Double) {
        let report = Self.report(Self.holding(at: x, y, width: width))
        #expect(report.measures["held_card"] == 1, "\(report.measures)")
        #expect(report.role == .handheldIDPhoto && report.roleSource == .content)
        #expect(report.contentKind == "photo")
    }

    @Test func noCardNoHandheld() {
        let portrait = Self.report(Self.portrait)
        #expect(portrait.measures["held_card"] == 0)
        #expect(portrait.role == .administratorPhoto)
        // The card's own printed photo is not a person holding it.
        let card = Self.report(DocumentTests.idFront)
        #expect(card.measures["held_card"] == 0)
        #expect(card.role == .idCardFront)
        #expect(Self.report(DocumentTests.statement).measures["held_card"] == 0)
    }
}

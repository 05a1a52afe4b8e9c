import Foundation
import Testing

@testable import ICPCheck

/// Each rule-based file finding, on a file that triggers it and one that does not.
@Suite struct FileRuleCheckTests {
    static let checkedAt = Date(timeIntervalSince1970: 1_780_000_000)  // 2026-05-28

    static func findings(_ corpusPath: String, as role: MaterialRole, rules: Rules, bytes: [UInt8]? = nil, now: Date = checkedAt)
        throws -> Set<FindingCode>
    {
        let data = try bytes ?? Corpus.bytes(corpusPath)
        let analysis = FileInspector.inspect(bytes: data, path: "file." + (corpusPath.split(separator: ".").last ?? ""))
        return Set(FileRuleJudge(rules: rules, now: now).findings(for: analysis.report, role: role, editing: analysis.editing).map(\.code))
    }

    /// ljt_testorig.jpg with its JFIF density set to `dpi` dots per inch.
    static func jpeg(dpi: UInt16) throws -> [UInt8] {
        var bytes = try Corpus.bytes("jpeg/ljt_testorig.jpg")
        try #require(bytes[6..<11].elementsEqual("JFIF".utf8 + [0]))
        bytes[13] = 1
        bytes.replaceSubrange(14..<18, with: [UInt8(dpi >> 8), UInt8(dpi & 0xFF), UInt8(dpi >> 8), UInt8(dpi & 0xFF)])
        return bytes
    }

    @Test func formatNotAccepted() throws {
        let tencent = try TestRules.relaxed(profile: "tencent")
        #expect(try Self.findings("png/pngsuite/basn2c08.png", as: .administratorPhoto, rules: tencent).contains(FindingCode.formatNotAccepted))
        #expect(!(try Self.findings("png/pngsuite/basn2c08.png", as: .subjectCertificate, rules: tencent).contains(FindingCode.formatNotAccepted)))
    }

    @Test func byteLimits() throws {
        var rules = try TestRules.relaxed()
        rules.materials["subject_certificate"]?.maxBytes = 6000
        rules.materials["subject_certificate"]?.minBytes = 6000
        #expect(try Self.findings(ApplicationTests.photo, as: .subjectCertificate, rules: rules).contains(FindingCode.fileTooLargeForRole))
        #expect(try Self.findings("jpeg/ljt_testorig.jpg", as: .subjectCertificate, rules: rules).contains(FindingCode.fileTooSmall))
        let defaults = try TestRules.relaxed()
        let none = try Self.findings(ApplicationTests.photo, as: .subjectCertificate, rules: defaults)
        #expect(none.isDisjoint(with: [FindingCode.fileTooLargeForRole, FindingCode.fileTooSmall]))
    }

    @Test func pixelLimits() throws {
        let rules = try RulesLoader.load()
        #expect(try Self.findings(ApplicationTests.photo, as: .subjectCertificate, rules: rules).contains(FindingCode.imageTooSmall))
        #expect(!(try Self.findings("exif/gps_DSCN0010.jpg", as: .idCardFront, rules: rules).contains(FindingCode.imageTooSmall)))
        // 640×480 is enough for an ID card (500×300) but not for the photo (800×600).
        #expect(try Self.findings("exif/gps_DSCN0010.jpg", as: .administratorPhoto, rules: rules).contains(FindingCode.imageTooSmall))
    }

    @Test func lowDPIOnlyWhenARealResolutionIsRecorded() throws {
        let rules = try TestRules.relaxed()
        #expect(try Self.findings("", as: .subjectCertificate, rules: rules, bytes: Self.jpeg(dpi: 100)).contains(FindingCode.lowDPI))
        #expect(!(try Self.findings("", as: .subjectCertificate, rules: rules, bytes: Self.jpeg(dpi: 300)).contains(FindingCode.lowDPI)))
        #expect(!(try Self.findings("", as: .subjectCertificate, rules: rules, bytes: Self.jpeg(dpi: 72)).contains(FindingCode.lowDPI)))
        #expect(!(try Self.findings("", as: .administratorPhoto, rules: rules, bytes: Self.jpeg(dpi: 100)).contains(FindingCode.lowDPI)))
    }

    @Test func colourRequired() throws {
        let rules = try TestRules.relaxed()
        #expect(try Self.findings("jpeg/pillow_hopper_gray.jpg", as: .subjectCertificate, rules: rules).contains(FindingCode.notColor))
        #expect(!(try Self.findings("jpeg/pillow_hopper_gray.jpg", as: .other, rules: rules).contains(FindingCode.notColor)))
        #expect(!(try Self.findings(ApplicationTests.photo, as: .subjectCertificate, rules: rules).contains(FindingCode.notColor)))
    }

    @Test func editedBySoftware() throws {
        let rules = try TestRules.relaxed()
        // Canon_40D.jpg was scaled down with GIMP.
        #expect(try Self.findings("exif/Canon_40D.jpg", as: .administratorPhoto, rules: rules).contains(FindingCode.editedBySoftware))
        #expect(!(try Self.findings("exif/gps_DSCN0010.jpg", as: .administratorPhoto, rules: rules).contains(FindingCode.editedBySoftware)))
    }

    @Test func gpsIsAPrivacyWarning() throws {
        let rules = try TestRules.relaxed()
        #expect(try Self.findings("exif/gps_DSCN0010.jpg", as: .administratorPhoto, rules: rules).contains(FindingCode.gpsPresent))
        #expect(!(try Self.findings("exif/Canon_40D.jpg", as: .administratorPhoto, rules: rules).contains(FindingCode.gpsPresent)))
    }

    @Test func thumbnailOfAnotherShape() throws {
        let rules = try TestRules.relaxed()
        // Canon_40D.jpg (100×68, a 160×108 thumbnail), cropped to 100×100 as an editor would leave it:
        // its frame header says 100×100 and the thumbnail keeps the old shape.
        var cropped = try Corpus.bytes("exif/Canon_40D.jpg")
        let afterExif = try #require(JPEGMarkers(cropped).exif).endIndex
        let sof = try #require((afterExif..<cropped.count - 1).first { cropped[$0] == 0xFF && cropped[$0 + 1] == 0xC0 })
        cropped.replaceSubrange(sof + 5..<sof + 7, with: [0, 100])
        #expect(try Self.findings("", as: .other, rules: rules, bytes: cropped).contains(FindingCode.thumbnailAspectMismatch))
        #expect(!(try Self.findings("exif/Canon_40D.jpg", as: .other, rules: rules).contains(FindingCode.thumbnailAspectMismatch)))
        // A 16:9 photo with the DCF 160×120 thumbnail is how cameras work, not a sign of editing.
        #expect(!(try Self.findings("exif/tests_45-gps_ifd.jpg", as: .other, rules: rules).contains(FindingCode.thumbnailAspectMismatch)))
    }

    @Test func photoWithoutCamera() throws {
        var rules = try TestRules.relaxed()
        rules.photo.requireCamera = true
        #expect(try Self.findings(ApplicationTests.photo, as: .administratorPhoto, rules: rules).contains(FindingCode.noCameraEXIF))
        #expect(!(try Self.findings("exif/Canon_40D.jpg", as: .administratorPhoto, rules: rules).contains(FindingCode.noCameraEXIF)))
        #expect(!(try Self.findings(ApplicationTests.photo, as: .subjectCertificate, rules: rules).contains(FindingCode.noCameraEXIF)))
    }

    @Test func photoAge() throws {
        let rules = try TestRules.relaxed()
        // Canon_40D.jpg was taken on 2008-05-30.
        #expect(try Self.findings("exif/Canon_40D.jpg", as: .administratorPhoto, rules: rules).contains(FindingCode.photoTooOld))
        let soonAfter = try #require(FileRuleJudge.exifDate("2008:06:15 12:00:00"))
        #expect(!(try Self.findings("exif/Canon_40D.jpg", as: .administratorPhoto, rules: rules, now: soonAfter).contains(FindingCode.photoTooOld)))
        #expect(FileRuleJudge.exifDate("0000:00:00 00:00:00") == nil)
    }
}

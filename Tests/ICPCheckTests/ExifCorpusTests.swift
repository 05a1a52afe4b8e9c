import Testing

@testable import ICPCheck

/// EXIF fields against `expected-exif.json` (exiftool), counted over (file, field) pairs.
@Suite struct ExifCorpusTests {
    static let expectations = Corpus.expected("exif/expected-exif.json")

    /// exiftool's `flat` field names and how to read the same field from our summary.
    static let fields: [(String, @Sendable (ExifSummary) -> JSONValue?)] = [
        ("Make", { $0.make.map(JSONValue.string) }),
        ("Model", { $0.model.map(JSONValue.string) }),
        ("Software", { $0.software.map(JSONValue.string) }),
        ("DateTimeOriginal", { $0.datetimeOriginal.map(JSONValue.string) }),
        ("CreateDate", { $0.createDate.map(JSONValue.string) }),
        ("ModifyDate", { $0.modifyDate.map(JSONValue.string) }),
        ("Orientation", { $0.orientation.map { .number(Double($0)) } }),
        ("XResolution", { $0.xResolution.map(JSONValue.number) }),
        ("YResolution", { $0.yResolution.map(JSONValue.number) }),
        ("ResolutionUnit", { $0.resolutionUnit.map { .number(Double($0)) } }),
        ("GPSLatitude", { $0.gpsLatitude.map(JSONValue.number) }),
        ("GPSLongitude", { $0.gpsLongitude.map(JSONValue.number) }),
        ("ThumbnailLength", { $0.thumbnailBytes.map { .number(Double($0)) } }),
    ]

    static func agree(_ ours: JSONValue?, _ theirs: JSONValue?) -> Bool {
        switch (ours, theirs) {
        case (nil, nil): return true
        case (.string(let a), .string(let b)):
            // exiftool trims trailing spaces and NULs, as we do.
            return a == b
        case (.number(let a), .number(let b)): return abs(a - b) <= 1e-6 * max(1, abs(b))
        // exiftool's JSON writes a numeric-looking string (Software "1.00") as a number.
        case (.string(let a), .number(let b)): return Double(a) == b
        default: return false
        }
    }

    @Test func agreesWithExiftoolOnAtLeast99PercentOfFields() throws {
        #expect(Self.expectations.count > 40)
        var pairs = 0
        var disagreements: [String] = []
        for (path, record) in Self.expectations.sorted(by: { $0.key < $1.key }) {
            let flat = record.object("flat") ?? [:]
            let report = FileInspector.inspect(bytes: try Corpus.bytes("exif/" + path), path: path).report
            let summary = report.exif ?? ExifSummary()
            for (name, read) in Self.fields {
                let ours = read(summary)
                let theirs = flat[name]
                if ours == nil && theirs == nil { continue }
                pairs += 1
                if !Self.agree(ours, theirs) { disagreements.append("\(path) \(name): ours \(String(describing: ours)) exiftool \(String(describing: theirs))") }
            }
        }
        let agreement = 1 - Double(disagreements.count) / Double(max(1, pairs))
        #expect(pairs > 400)
        #expect(agreement >= 0.99, "agreement \(agreement) over \(pairs) pairs:\n\(disagreements.joined(separator: "\n"))")
    }

    @Test func gpsIsSignedDecimalDegrees() throws {
        let report = FileInspector.inspect(bytes: try Corpus.bytes("exif/gps_DSCN0010.jpg"), path: "x.jpg").report
        let exif = try #require(report.exif)
        let expected = try #require(Self.expectations["gps_DSCN0010.jpg"]?.object("flat"))
        #expect(exif.hasGPS)
        #expect(abs(try #require(exif.gpsLatitude) - (expected.double("GPSLatitude") ?? .nan)) < 1e-6)
        #expect(abs(try #require(exif.gpsLongitude) - (expected.double("GPSLongitude") ?? .nan)) < 1e-6)
    }

    @Test func filesWithoutExifReportNone() throws {
        let report = FileInspector.inspect(bytes: try Corpus.bytes("jpeg/ljt_testorig.jpg"), path: "a.jpg").report
        #expect(report.exif == nil)
    }

    @Test func exifIsReadEvenWhenTheImageDataIsCutOff() throws {
        let whole = try Corpus.bytes("exif/Canon_40D.jpg")
        let complete = FileInspector.inspect(bytes: whole, path: "a.jpg").report
        // Keep the EXIF segment and a little more, drop the image data.
        let exifEnd = try #require(JPEGMarkers(whole).exif).endIndex
        let cut = FileInspector.inspect(bytes: Array(whole[..<(exifEnd + 200)]), path: "a.jpg").report
        #expect(cut.exif != nil)
        #expect(cut.exif == complete.exif)
        #expect(cut.findings.contains { $0.severity == .error })
    }
}

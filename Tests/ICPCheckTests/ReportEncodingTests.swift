import Foundation
import Testing

@testable import ICPCheck

@Suite struct ReportEncodingTests {
    static func json(_ path: String) throws -> [String: Any] {
        let report = FileInspector.inspect(bytes: try Corpus.bytes(path), path: path).report
        let data = try ManifestJSON.encode(report)
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test func fileEntryHasTheManifestKeys() throws {
        // A text file whose last line ends, as every manifest and summary written.
        #expect(try ManifestJSON.encode(FileInspector.inspect(bytes: [0xFF], path: "x.jpg").report).last == UInt8(ascii: "\n"))
        let entry = try Self.json("exif/gps_DSCN0010.jpg")
        #expect(
            Set(entry.keys)
                == ["path", "bytes", "sha256", "role", "role_source", "content_kind", "format", "exif", "measures", "reading", "overlays", "findings"])
        let exif = try #require(entry["exif"] as? [String: Any])
        #expect(
            Set(exif.keys) == [
                "orientation", "make", "model", "datetime_original", "create_date", "modify_date", "software",
                "x_resolution", "y_resolution", "resolution_unit", "gps_latitude", "gps_longitude", "has_gps",
                "thumbnail_bytes", "has_thumbnail",
            ])
        #expect(exif["has_gps"] as? Bool == true)
        let format = try #require(entry["format"] as? [String: Any])
        #expect(Set(format.keys) == ["detected", "extension_matches", "width", "height", "bit_depth", "color", "progressive", "dpi"])
    }

    @Test func absentValuesAreNullNotMissing() throws {
        let entry = try Self.json("png/pngsuite/basn0g08.png")
        #expect(entry["exif"] is NSNull)
        let format = try #require(entry["format"] as? [String: Any])
        #expect(format["interlaced"] as? Bool == false)
        #expect(format["progressive"] == nil)
        #expect(format["dpi"] is NSNull)
    }

    @Test func findingsCarryBothLanguages() throws {
        let entry = try Self.json("png/pngsuite/xcrn0g04.png")
        let findings = try #require(entry["findings"] as? [[String: Any]])
        let first = try #require(findings.first)
        #expect(first["code"] as? String == FindingCode.unsupported.rawValue)
        #expect((first["message"] as? String)?.isEmpty == false)
        #expect((first["message_zh"] as? String)?.isEmpty == false)
        #expect(first["severity"] as? String == "error")
    }
}

import Foundation
import Testing

@testable import ICPCheck

@Suite struct FileInspectorTests {
    /// The first bytes of each format that icpcheck recognises but does not accept (WebP is decoded
    /// all the same, to look at: these few bytes of it are damage too).
    static let magic: [(ImageFormat, [UInt8], String)] = [
        (.heic, [0, 0, 0, 0x18] + Array("ftypheic".utf8) + [0, 0, 0, 0], "IMG_0001.HEIC"),
        (.webp, Array("RIFF".utf8) + [0x24, 0, 0, 0] + Array("WEBPVP8 ".utf8), "a.webp"),
        (.pdf, Array("%PDF-1.7\n".utf8), "scan.pdf"),
        (.gif, Array("GIF89a".utf8) + [1, 0, 1, 0, 0, 0, 0], "a.gif"),
        (.bmp, Array("BM".utf8) + [UInt8](repeating: 0, count: 20), "a.bmp"),
        (.tiff, [0x49, 0x49, 0x2A, 0x00, 8, 0, 0, 0], "a.tif"),
        (.zip, [0x50, 0x4B, 0x03, 0x04] + [UInt8](repeating: 0, count: 26), "materials.zip"),
        (.unknown, Array("hello, reviewer".utf8), "notes.txt"),
    ]

    @Test(arguments: 0..<magic.count)
    func recognisesUnsupportedFormats(_ index: Int) {
        let (format, bytes, name) = Self.magic[index]
        let report = FileInspector.inspect(bytes: bytes, path: name).report
        #expect(report.format.detected == format)
        #expect(report.format.extensionMatches == (format != .unknown))
        #expect(report.findings.first?.code == FindingCode.unsupported)
        #expect(report.findings.map(\.code).dropFirst() == (format == .webp ? [FindingCode.truncated] : []))
        #expect(report.findings.first?.severity == .error)
    }

    @Test func extensionMismatchIsAWarningAndTheFileIsStillChecked() throws {
        let analysis = FileInspector.inspect(bytes: try Corpus.bytes("jpeg/ljt_testorig.jpg"), path: "license.PNG")
        #expect(analysis.report.format.detected == .jpeg)
        #expect(analysis.report.findings.map(\.code) == [FindingCode.extensionMismatch])
        #expect(analysis.image != nil)
        let upper = FileInspector.inspect(bytes: try Corpus.bytes("jpeg/ljt_testorig.jpg"), path: "PHOTO.JPEG").report
        #expect(upper.format.extensionMatches)
    }

    @Test func hashesTheWholeFile() throws {
        let report = FileInspector.inspect(bytes: Array("abc".utf8), path: "a.txt").report
        #expect(report.sha256 == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hexDigest(of: []) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        let million = [UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)
        #expect(SHA256.hexDigest(of: million) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    // MARK: - Files on disk

    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("icpcheck-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func fileProblemsBecomeFindings() throws {
        let folder = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let empty = folder.appendingPathComponent("empty.jpg")
        #expect(FileManager.default.createFile(atPath: empty.path, contents: Data()))
        let big = folder.appendingPathComponent("big.jpg")
        try Data(try Corpus.bytes("jpeg/pillow_hopper.jpg")).write(to: big)
        let small = InspectOptions(limits: DecodeLimits(maxFileBytes: 1000))
        let cases: [(String, InspectOptions, FindingCode)] = [
            (empty.path, InspectOptions(), FindingCode.empty),
            (folder.path, InspectOptions(), FindingCode.notRegularFile),
            (folder.appendingPathComponent("missing.jpg").path, InspectOptions(), FindingCode.unreadable),
            (big.path, small, FindingCode.fileTooLarge),
        ]
        for (path, options, code) in cases {
            let report = FileInspector.inspect(fileAt: path, reportedAs: "shown/name.jpg", options: options).report
            #expect(report.path == "shown/name.jpg")
            #expect(report.findings.map(\.code) == [code], "\(path)")
        }
        let tooBig = FileInspector.inspect(fileAt: big.path, options: small).report
        #expect(tooBig.bytes == 6412 || tooBig.bytes > 1000)
        #expect(tooBig.sha256 == nil)
    }

    @Test func inputFilesAreNeverModified() throws {
        let folder = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("photo.jpg")
        let original = try Corpus.bytes("jpeg/pillow_hopper_orientation_6.jpg")
        try Data(original).write(to: file)
        let before = try FileManager.default.attributesOfItem(atPath: file.path)
        let report = FileInspector.inspect(fileAt: file.path).report
        let after = try FileManager.default.attributesOfItem(atPath: file.path)
        #expect([UInt8](try Data(contentsOf: file)) == original)
        #expect(before[.modificationDate] as? Date == after[.modificationDate] as? Date)
        #expect(report.sha256 == SHA256.hexDigest(of: original))
    }

    @Test func batchKeepsInputOrder() async throws {
        let paths = ["jpeg/ljt_testorig.jpg", "png/pngsuite/xcrn0g04.png", "exif/Canon_40D.jpg", "nope.jpg"].map {
            Corpus.url($0).path
        }
        let reports = await FileBatch.inspect(paths: paths, jobs: 2)
        #expect(reports.map(\.path) == paths)
        #expect(reports[0].findings.isEmpty)
        #expect(reports[1].findings.first?.severity == .error)
        #expect(reports[3].findings.map(\.code) == [FindingCode.unreadable])
    }
}

extension FileInspectorTests {
    @Test func harmlessPNGWarningsAreInfo() throws {
        let report = FileInspector.inspect(bytes: try Corpus.bytes("png/misc/skimage_page.png"), path: "page.png").report
        let finding = try #require(report.findings.first { $0.code == FindingCode.ancillaryChunkWarning })
        #expect(finding.severity == .info)
        #expect(finding.detail?.contains("iCCP") == true)
        #expect(FileInspector.inspect(bytes: try Corpus.bytes("png/pngsuite/basn2c08.png"), path: "a.png").report.findings.isEmpty)
    }

    @Test func damagedEXIFIsInfoAndTheRestIsStillRead() throws {
        let report = FileInspector.inspect(bytes: try Corpus.bytes("jpeg/pillow_exif_gps.jpg"), path: "a.jpg").report
        let finding = try #require(report.findings.first { $0.code == FindingCode.exifCorrupt })
        #expect(finding.severity == .info)
        #expect(report.exif != nil)
        #expect(!FileInspector.inspect(bytes: try Corpus.bytes("exif/Canon_40D.jpg"), path: "a.jpg").report.findings
            .contains { $0.code == FindingCode.exifCorrupt })
    }

    /// A document or archive uploaded in a picture's place is said as what it is, with what to
    /// upload instead, in both languages.
    @Test func aPDFZipOrHEICSaysWhatToUploadInstead() {
        let cases: [(bytes: [UInt8], path: String, english: String, chinese: String)] = [
            (Array("%PDF-1.7\n%âãÏÓ\n1 0 obj".utf8), "核验单.pdf", "PDF document", "PDF 文档"),
            ([0x50, 0x4B, 0x03, 0x04] + [UInt8](repeating: 0, count: 40), "materials.zip", "ZIP archive", "解压"),
            ([0, 0, 0, 0x18] + Array("ftypheic".utf8) + [UInt8](repeating: 0, count: 20), "photo.heic", "HEIC photo", "HEIC 照片"),
        ]
        for (bytes, path, english, chinese) in cases {
            let finding = FileInspector.inspect(bytes: bytes, path: path).report.findings.first { $0.code == FindingCode.unsupported }
            #expect(finding?.message.contains(english) == true, "\(path): \(finding?.message ?? "no finding")")
            #expect(finding?.messageZh.contains(chinese) == true, "\(path): \(finding?.messageZh ?? "no finding")")
            #expect(finding?.message.contains("save or export") == false)
        }
    }
}

import Foundation
import Glibc
import Testing

@testable import ICPCheck

/// Listing upload folders: what is checked, what is skipped and said, what is never touched.
@Suite struct ScannerTests {
    @Test func litterIsIgnoredAndNestedFilesAreFound() throws {
        let uploads = try TestUploads()
        let photo = ApplicationTests.photo
        try uploads.application(
            "APP-1",
            files: [".DS_Store": photo, "Thumbs.db": photo, "__MACOSX/._photo.jpg": photo, ".hidden.jpg": photo,
                    "scans/statement.jpg": photo, "photo.jpg": photo],
            form: "{}")
        try uploads.application(".trash", files: ["photo.jpg": photo])
        let applications = try ApplicationScanner.applications(in: uploads.root.path)
        #expect(applications.map(\.name) == ["APP-1"])
        let contents = ApplicationScanner.scan(applications[0])
        #expect(contents.files.map(\.relativePath) == ["photo.jpg", "scans/statement.jpg"])
        #expect(contents.formBytes == Array("{}".utf8))
    }

    @Test func linksOutOfTheFolderAreNotFollowed() throws {
        let uploads = try TestUploads()
        let folder = try uploads.application("APP-1", files: ["photo.jpg": ApplicationTests.photo])
        let outside = try uploads.application("elsewhere", files: ["secret.jpg": ApplicationTests.photo])
        try FileManager.default.createSymbolicLink(
            atPath: folder.appendingPathComponent("license.jpg").path, withDestinationPath: outside.appendingPathComponent("secret.jpg").path)
        try FileManager.default.createSymbolicLink(
            atPath: folder.appendingPathComponent("statement.jpg").path, withDestinationPath: folder.appendingPathComponent("photo.jpg").path)
        let contents = ApplicationScanner.scan(ApplicationFolder(path: folder.path))
        #expect(contents.files.map(\.relativePath) == ["photo.jpg", "statement.jpg"])
        #expect(contents.findings.map(\.code) == [FindingCode.linkOutside])
    }

    @Test func namesThatAreNotUTF8AreCheckedAndSaid() async throws {
        let uploads = try TestUploads()
        let folder = try uploads.application("APP-1", files: [:])
        // "身份证" in GBK, as old Windows archives store it.
        let gbkName: [UInt8] = [0xC9, 0xED, 0xB7, 0xDD, 0xD6, 0xA4] + Array(".jpg".utf8)
        let bytes = try Corpus.bytes(ApplicationTests.photo)
        let path = Array(folder.path.utf8) + [0x2F] + gbkName + [0]
        let descriptor = path.withUnsafeBufferPointer {
            $0.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_WRONLY | O_CREAT, 0o644) }
        }
        try #require(descriptor >= 0)
        _ = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress!, bytes.count) }
        close(descriptor)
        let manifest = await TestRules.check(folder, rules: try TestRules.relaxed())
        let file = try #require(manifest.files.first)
        #expect(file.findings.contains { $0.code == FindingCode.nameNotUTF8 })
        #expect(file.sha256 == SHA256.hexDigest(of: bytes))
    }

    @Test func emptyAndDamagedFilesGetFindingsAndTheBatchGoesOn() async throws {
        let uploads = try TestUploads()
        try uploads.application("APP-1", files: ["license.png": "png/pngsuite/xcsn0g01.png"], raw: ["statement.jpg": []])
        try uploads.application("APP-2", files: ApplicationTests.complete)
        let out = uploads.root.appendingPathComponent("out").path
        let summary = try await Batch.run(uploads: uploads.root.path, output: out, options: CheckOptions(rules: try TestRules.relaxed()))
        #expect(summary.applications.map(\.application) == ["APP-1", "APP-2"])
        let first = try JSONDecoder().decode(Manifest.self, from: Data(contentsOf: URL(fileURLWithPath: out + "/APP-1.json")))
        #expect(first.file("statement.jpg")?.findings.map(\.code).contains(FindingCode.empty) == true)
        #expect(first.file("license.png")?.findings.map(\.code).contains(FindingCode.corrupt) == true)
        #expect(first.verdict == .notReady)
    }

    @Test func inputsAreNeverModified() async throws {
        let uploads = try TestUploads()
        let folder = try uploads.application("APP-1", files: ApplicationTests.complete, form: ApplicationTests.form())
        func snapshot() throws -> [String: Date] {
            let paths = try FileManager.default.subpathsOfDirectory(atPath: folder.path)
            return try Dictionary(uniqueKeysWithValues: paths.map {
                ($0, try FileManager.default.attributesOfItem(atPath: folder.path + "/" + $0)[.modificationDate] as! Date)
            })
        }
        let before = try snapshot()
        _ = try await Batch.run(uploads: uploads.root.path, output: uploads.root.path + "/../out-\(UUID().uuidString)",
                                options: CheckOptions(rules: try TestRules.relaxed()))
        #expect(try snapshot() == before)
    }
}

extension ScannerTests {
    @Test func folderNestedTooDeepIsSaid() throws {
        let uploads = try TestUploads()
        let deep = (1...10).map { "d\($0)" }.joined(separator: "/")
        let folder = try uploads.application("APP-1", files: ["\(deep)/photo.jpg": ApplicationTests.photo, "photo.jpg": ApplicationTests.photo])
        let contents = ApplicationScanner.scan(ApplicationFolder(path: folder.path))
        #expect(contents.files.map(\.relativePath) == ["photo.jpg"])
        #expect(contents.findings.map(\.code) == [FindingCode.folderTooDeep])
    }

    /// /proc files announce 0 bytes and then deliver more: the same as a file written while read.
    @Test func fileThatChangesWhileReadIsSaid() {
        let report = FileInspector.inspect(fileAt: "/proc/self/status").report
        #expect(report.findings.map(\.code).contains(FindingCode.changedWhileReading))
        let stable = FileInspector.inspect(fileAt: Corpus.url(ApplicationTests.photo).path).report
        #expect(!stable.findings.map(\.code).contains(FindingCode.changedWhileReading))
    }
}

extension ScannerTests {
    /// As root every folder is readable, so a folder that vanished stands in for one that cannot be opened.
    @Test func folderThatCannotBeListedIsSaid() throws {
        let contents = ApplicationScanner.scan(ApplicationFolder(path: "/nonexistent/APP-1"))
        #expect(contents.files.isEmpty)
        #expect(contents.findings.map(\.code) == [FindingCode.folderUnreadable])
        #expect(contents.findings.first?.severity == .error)
    }
}

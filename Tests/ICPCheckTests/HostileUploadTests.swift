import Foundation
import Glibc
import Testing

@testable import ICPCheck

/// Uploads that are not plain files and folders: pipes, sockets, devices, links out of the
/// uploads tree. Each gets a finding; none is waited on or followed.
@Suite struct HostileUploadTests {
    /// A FIFO blocks `open` until a writer comes; as an image and as the form, the batch must still
    /// finish (a deadline turns a hang into a failure) and write its summary.
    @Test func fifosInAnApplicationGetFindingsAndTheBatchFinishes() throws {
        let (uploads, rules) = try BatchTests.uploads(count: 2)
        let folder = uploads.root.appendingPathComponent("APP-0000")
        try FileManager.default.removeItem(at: folder.appendingPathComponent("application.json"))
        #expect(mkfifo(folder.appendingPathComponent("application.json").path, 0o644) == 0)
        #expect(mkfifo(folder.appendingPathComponent("extra.jpg").path, 0o644) == 0)
        let out = uploads.root.path + "-out"
        defer { try? FileManager.default.removeItem(atPath: out) }
        let result = try BatchTests.run(["batch", uploads.root.path, "--out", out, "--rules", rules.path], deadline: 120)
        #expect(result.status == 1)
        let summary = try JSONDecoder().decode(BatchSummary.self, from: Data(contentsOf: URL(fileURLWithPath: out + "/summary.json")))
        #expect(summary.applications.count == 2)
        let manifest = try Self.manifest(out + "/APP-0000.json")
        #expect(manifest.file("extra.jpg")?.findings.map(\.code).contains(FindingCode.notRegularFile) == true)
        #expect(manifest.findings.contains { $0.code == FindingCode.formInvalid && ($0.detail ?? "").contains("FIFO") })
        // `check` and `inspect` do not wait either.
        #expect(try BatchTests.run(["check", folder.path, "--rules", rules.path], deadline: 120).status == 1)
        #expect(try BatchTests.run(["inspect", folder.appendingPathComponent("extra.jpg").path], deadline: 60).status == 1)
        #expect(try BatchTests.run(["rules", "--rules", folder.appendingPathComponent("application.json").path], deadline: 60).status == 2)
    }

    @Test func socketsDevicesAndFoldersAreNotRead() throws {
        let uploads = try TestUploads()
        let folder = try uploads.application("APP-1")
        let socketPath = folder.appendingPathComponent("photo.jpg").path
        let socket = try Self.bindSocket(at: socketPath)
        defer { close(socket) }
        for (path, kind) in [(socketPath, "socket"), ("/dev/null", "character_device"), (folder.path, "directory")] {
            #expect(throws: ICPCheckError.self) { try FileReader.read(path: Array(path.utf8), maxBytes: 1 << 20) }
            let report = FileInspector.inspect(fileAt: path).report
            #expect(report.findings.map(\.code) == [FindingCode.notRegularFile], "\(path)")
            #expect(report.findings.first?.detail == kind)
        }
    }

    /// A link among the uploads' applications is not entered, wherever it points: nothing under it
    /// is read or named in any output.
    @Test func linkedApplicationFolderIsNotEntered() async throws {
        let uploads = try TestUploads()
        try uploads.application("APP-1", files: ["photo.jpg": ApplicationTests.photo])
        let elsewhere = try TestUploads()
        try elsewhere.application("private", files: ["secret-name.jpg": ApplicationTests.photo])
        try FileManager.default.createSymbolicLink(
            atPath: uploads.root.appendingPathComponent("APP-x").path,
            withDestinationPath: elsewhere.root.appendingPathComponent("private").path)
        try FileManager.default.createSymbolicLink(
            atPath: uploads.root.appendingPathComponent("APP-y").path, withDestinationPath: uploads.root.appendingPathComponent("APP-1").path)
        let out = uploads.root.path + "-out"
        defer { try? FileManager.default.removeItem(atPath: out) }
        let summary = try await Batch.run(uploads: uploads.root.path, output: out, options: CheckOptions(rules: try TestRules.relaxed()))
        #expect(summary.applications.map(\.application) == ["APP-1", "APP-x", "APP-y"])
        for name in ["APP-x", "APP-y"] {
            let manifest = try Self.manifest(out + "/\(name).json")
            #expect(manifest.files.isEmpty)
            #expect(manifest.findings.first?.code == FindingCode.applicationLink)
            #expect(manifest.verdict == .notReady)
        }
        for name in try FileManager.default.contentsOfDirectory(atPath: out) where !name.hasPrefix(".") {
            #expect(!(try String(contentsOfFile: out + "/" + name, encoding: .utf8)).contains("secret-name"))
        }
    }

    /// A link inside an application to a file inside it is read at its target; the target itself
    /// swapped for a link is refused by `O_NOFOLLOW`.
    @Test func readingFollowsNoLinkItWasNotGiven() throws {
        let uploads = try TestUploads()
        let folder = try uploads.application("APP-1", files: ["photo.jpg": ApplicationTests.photo])
        let link = folder.appendingPathComponent("copy.jpg").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: folder.appendingPathComponent("photo.jpg").path)
        let scanned = ApplicationScanner.scan(ApplicationFolder(path: folder.path)).files
        #expect(scanned.map(\.relativePath) == ["copy.jpg", "photo.jpg"])
        #expect(scanned[0].rawPath == scanned[1].rawPath || String(decoding: scanned[0].rawPath, as: UTF8.self).hasSuffix("/photo.jpg"))
        #expect(throws: ICPCheckError.self) { try FileReader.read(path: Array(link.utf8), maxBytes: 1 << 20) }
    }

    static func manifest(_ path: String) throws -> Manifest {
        try JSONDecoder().decode(Manifest.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
    }

    /// A listening Unix socket at `path`.
    static func bindSocket(at path: String) throws -> Int32 {
        let descriptor = Glibc.socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        try #require(descriptor >= 0)
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { buffer in
            for (index, byte) in path.utf8.prefix(buffer.count - 1).enumerated() { buffer[index] = byte }
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        try #require(bound == 0)
        return descriptor
    }
}

import Foundation
import Glibc
import Testing

@testable import ICPCheck

/// Where a batch may write, what it removes, and what two runs on one output do to each other.
@Suite struct OutputFolderTests {
    /// Every file under `root` (links as their target text) with its SHA-256, to prove nothing changed.
    static func fingerprint(_ root: URL, skipping skipped: String? = nil) throws -> [String: String] {
        var result: [String: String] = [:]
        let enumerator = FileManager.default.enumerator(atPath: root.path)!
        while let path = enumerator.nextObject() as? String {
            if let skipped, path == skipped || path.hasPrefix(skipped + "/") { continue }
            let full = root.path + "/" + path
            if let target = try? FileManager.default.destinationOfSymbolicLink(atPath: full) {
                result[path] = "link:" + target
            } else if let data = FileManager.default.contents(atPath: full) {
                result[path] = SHA256.hexDigest(of: [UInt8](data))
            } else {
                result[path] = "folder"
            }
        }
        return result
    }

    /// An output that is, contains or lies inside the uploads or an application is refused with exit
    /// 2 before any work, and no input file changes, even one named like a temporary file.
    @Test func misplacedOutputIsRefusedAndNoInputChanges() throws {
        let (uploads, rules) = try BatchTests.uploads(count: 2)
        try uploads.application("APP-2024.tmp-01", files: ["photo.jpg": ApplicationTests.photo])
        try uploads.application("APP-0000", raw: ["scan.tmp-2.jpg": [1, 2, 3], "x.json.tmp-99999999-1": [4]])
        let before = try Self.fingerprint(uploads.root)
        let root = uploads.root.path
        for out in [root, root + "/.", root + "/APP-0000", root + "/APP-0000/out", root + "/APP-0000/a/b", root + "/..",
                    root + "/APP-2024.tmp-01"]
        {
            let result = try BatchTests.run(["batch", root, "--out", out, "--rules", rules.path], deadline: 120)
            #expect(result.status == 2, "\(out)")
            #expect(result.error.contains("output.misplaced"), "\(out): \(result.error)")
        }
        #expect(try Self.fingerprint(uploads.root) == before)
    }

    /// A new immediate sub-folder of the uploads is allowed and is not an application, in this run
    /// or a later one with another output.
    @Test func outputInsideTheUploadsIsNotAnApplication() async throws {
        let (uploads, _) = try BatchTests.uploads(count: 2)
        let before = try Self.fingerprint(uploads.root)
        let options = CheckOptions(rules: try TestRules.relaxed())
        let first = try await Batch.run(uploads: uploads.root.path, output: uploads.root.path + "/_out", options: options)
        #expect(first.applications.map(\.application) == ["APP-0000", "APP-0001"])
        #expect(first.excludedFolders == ["_out"])
        #expect(try Self.fingerprint(uploads.root, skipping: "_out") == before)
        let second = try await Batch.run(uploads: uploads.root.path, output: uploads.root.path + "/_out2", options: options)
        #expect(second.applications.map(\.application) == ["APP-0000", "APP-0001"])
        #expect(second.excludedFolders == ["_out", "_out2"])
    }

    @Test func outputThatCannotBeWrittenIsSaidBeforeAnyWork() throws {
        let (uploads, rules) = try BatchTests.uploads(count: 1)
        // Even root cannot create files in /proc; a path below a file cannot be a folder.
        let file = uploads.root.path + "-file"
        try Data([1]).write(to: URL(fileURLWithPath: file))
        defer { try? FileManager.default.removeItem(atPath: file) }
        for out in ["/proc", file + "/out"] {
            let result = try BatchTests.run(["batch", uploads.root.path, "--out", out, "--rules", rules.path], deadline: 60)
            #expect(result.status == 2, "\(out)")
            #expect(result.error.contains("output.write_failed"), "\(out): \(result.error)")
        }
    }

    /// Folders `summary` and `_summary`, and two names that differ only in bytes that are not
    /// UTF-8: one manifest each, and the summary names the file each was written to.
    @Test func everyApplicationGetsItsOwnManifest() async throws {
        let uploads = try TestUploads()
        for name in ["summary", "_summary", "APP%C9"] { try uploads.application(name, files: ["photo.jpg": ApplicationTests.photo]) }
        for byte: UInt8 in [0xC9, 0xCA] {
            let path = Array(uploads.root.appendingPathComponent("APP").path.utf8) + [byte]
            #expect(DirectoryListing.withCString(path) { mkdir($0, 0o755) } == 0)
        }
        let out = uploads.root.path + "-out"
        defer { try? FileManager.default.removeItem(atPath: out) }
        let summary = try await Batch.run(uploads: uploads.root.path, output: out, options: CheckOptions(rules: try TestRules.relaxed()))
        let manifests = try FileManager.default.contentsOfDirectory(atPath: out).filter { $0.hasSuffix(".json") && $0 != "summary.json" }
        #expect(summary.applications.count == 5)
        #expect(manifests.count == 5)
        #expect(Set(summary.applications.compactMap(\.manifest)) == Set(manifests))
        for row in summary.applications {
            let manifest = try HostileUploadTests.manifest(out + "/" + (row.manifest ?? "?"))
            #expect(manifest.application == row.application)
        }
        #expect(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/summary.json"))) is [String: Any])
    }

    @Test func manifestNamesAreInjectiveStableAndShortEnough() {
        let long = Array(String(repeating: "申", count: 120).utf8)
        let names: [[UInt8]] = [
            Array("summary".utf8), Array("_summary".utf8), Array("APP".utf8) + [0xC9], Array("APP".utf8) + [0xCA],
            Array("APP%C9".utf8), long, long + [0x41], Array("a".utf8),
        ]
        let assigned = ManifestFileNames.assign(names)
        #expect(Set(assigned).count == names.count)
        #expect(!assigned.contains("summary.json"))
        #expect(assigned.allSatisfy { $0.utf8.count + ".tmp-4294967295-9223372036854775807".utf8.count <= 255 })
        #expect(assigned[1] == "_summary.json" && assigned[7] == "a.json" && assigned[4] == "APP%C9.json")
        #expect(assigned[2].hasPrefix("APP%C9~") && assigned[3].hasPrefix("APP%CA~"))
        // The same folder keeps its name whatever else the batch holds.
        #expect(ManifestFileNames.assign([names[2]]) == [assigned[2]])
        // A literal name equal to another's encoded form still gets a file of its own.
        let encoded = String(assigned[2].dropLast(5))
        let clash = ManifestFileNames.assign([Array(encoded.utf8), names[2]])
        #expect(Set(clash).count == 2)
    }

    /// Start-up removes the temporary files of ended runs and nothing else; a complete run removes
    /// the manifests of applications that are gone, and no file it did not write.
    @Test func clearingUpRemovesOnlyWhatThisToolWrote() async throws {
        let (uploads, _) = try BatchTests.uploads(count: 3)
        let out = uploads.root.path + "-out"
        defer { try? FileManager.default.removeItem(atPath: out) }
        let options = CheckOptions(rules: try TestRules.relaxed())
        _ = try await Batch.run(uploads: uploads.root.path, output: out, options: options)
        try FileManager.default.removeItem(at: uploads.root.appendingPathComponent("APP-0002"))
        // Process 1 is alive in any container; this test's own id stands for a run that reused it.
        let kept = ["notes.json", "APP-2024.tmp-01/inner.jpg", "scan.tmp-2.jpg", "APP-0000.json.tmp-1-1",
                    "APP-0000.json.tmp-x-1", "folder.json.tmp-999999999-1/inner"]
        let removed = ["APP-0001.json.tmp-999999999-7", "summary.csv.tmp-999999999-1", "APP-0000.json.tmp-\(getpid())-1"]
        for path in kept + removed {
            let url = URL(fileURLWithPath: out + "/" + path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data([1]).write(to: url)
        }
        let summary = try await Batch.run(uploads: uploads.root.path, output: out, options: options)
        #expect(summary.applications.count == 2)
        let left = Set(try FileManager.default.subpathsOfDirectory(atPath: out))
        for path in kept { #expect(left.contains(path), "\(path)") }
        for path in removed { #expect(!left.contains(path), "\(path)") }
        #expect(!left.contains("APP-0002.json"))
        #expect(left.contains("APP-0000.json") && left.contains("APP-0001.json"))
    }

    /// The second run on a locked output fails at once and touches nothing; the survivor's summary
    /// agrees with the manifests present.
    @Test func twoBatchesOnOneOutputDoNotMix() async throws {
        // Distinct files: the first run must check each, not take 39 applications' reports from the cache.
        let (uploads, rules) = try BatchTests.uploads(count: 40, distinct: true)
        let (other, _) = try BatchTests.uploads(count: 1)
        let out = uploads.root.path + "-out"
        defer { try? FileManager.default.removeItem(atPath: out) }
        let first = Process()
        first.executableURL = BatchTests.executable
        first.arguments = ["batch", uploads.root.path, "--out", out, "--rules", rules.path, "--jobs", "1"]
        first.standardOutput = FileHandle.nullDevice
        first.standardError = FileHandle.nullDevice
        try first.run()
        // Once the first run holds the lock (it has written a manifest), start the second.
        for _ in 0..<2000 where !(FileManager.default.fileExists(atPath: out + "/APP-0000.json")) {
            try await Task.sleep(for: .milliseconds(10))
        }
        let second = try BatchTests.run(["batch", other.root.path, "--out", out, "--rules", rules.path], deadline: 120)
        let firstWasRunning = first.isRunning
        first.waitUntilExit()
        #expect(first.terminationStatus == 0)
        if firstWasRunning {
            #expect(second.status == 2)
            #expect(second.error.contains("output.locked"), "\(second.error)")
        }
        let summary = try JSONDecoder().decode(BatchSummary.self, from: Data(contentsOf: URL(fileURLWithPath: out + "/summary.json")))
        let manifests = try FileManager.default.contentsOfDirectory(atPath: out).filter { $0.hasSuffix(".json") && $0 != "summary.json" }
        #expect(Set(summary.applications.compactMap(\.manifest)) == Set(manifests))
        #expect(summary.applications.count == 40)
    }

    @Test func temporaryNamesAreKnownExactly() {
        #expect(AtomicFile.writer(ofTemporary: "APP-1.json.tmp-123-4") == 123)
        #expect(AtomicFile.writer(ofTemporary: "summary.csv.tmp-7-0") == 7)
        // The report's pages and thumbnails, in its own folders only.
        #expect(AtomicFile.writer(ofTemporary: "APP-1.html.tmp-5-2", kinds: [".html", ".jpg"]) == 5)
        #expect(AtomicFile.writer(ofTemporary: "APP-1.html.tmp-5-2") == nil)
        for name in ["APP-2024.tmp-01", "scan.tmp-2.jpg", "APP-1.json.tmp-123", "APP-1.json.tmp-12a-4", "a.jpg.tmp-1-1",
                     ".json.tmp-1-1", "APP.json.tmp--1-1", "APP.json.tmp-0-1"]
        {
            #expect(AtomicFile.writer(ofTemporary: name) == nil, "\(name)")
        }
    }

    @Test func canonicalPathsResolveWhatExists() throws {
        let uploads = try TestUploads()
        let real = String(decoding: DirectoryListing.realPath(Array(uploads.root.path.utf8))!, as: UTF8.self)
        let link = uploads.root.path + "-link"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: uploads.root.path)
        defer { try? FileManager.default.removeItem(atPath: link) }
        func canonical(_ path: String) -> String { String(decoding: DirectoryListing.canonicalPath(Array(path.utf8)), as: UTF8.self) }
        #expect(canonical(link + "/new/./a/../b") == real + "/new/b")
        #expect(canonical(link + "/../") == String(real[..<real.lastIndex(of: "/")!]))
        #expect(canonical("/") == "/")
        #expect(canonical("/nonexistent-icpcheck/x/..") == "/nonexistent-icpcheck")
    }
}

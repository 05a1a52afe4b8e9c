import Foundation

@testable import ICPCheck

/// Temporary upload folders built from corpus files, removed when the test ends.
final class TestUploads {
    let root: URL

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("icpcheck-uploads-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    /// Creates an application folder; `files` maps a relative path to a corpus path (or raw bytes).
    @discardableResult
    func application(_ name: String, files: [String: String] = [:], raw: [String: [UInt8]] = [:], form: String? = nil) throws -> URL {
        let folder = root.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (path, source) in files { try write(try Self.bytes(source), to: folder.appendingPathComponent(path)) }
        for (path, bytes) in raw { try write(bytes, to: folder.appendingPathComponent(path)) }
        if let form { try write(Array(form.utf8), to: folder.appendingPathComponent("application.json")) }
        return folder
    }

    /// A corpus file, or one of the project's own sample files (`Samples/…`).
    static func bytes(_ source: String) throws -> [UInt8] {
        guard source.hasPrefix("Samples/") else { return try Corpus.bytes(source) }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        return [UInt8](try Data(contentsOf: root.appendingPathComponent(source)))
    }

    private func write(_ bytes: [UInt8], to url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
    }
}

/// Rules for tests: the defaults with the size limits relaxed so that small corpus files pass,
/// unless a test sets its own.
enum TestRules {
    static func relaxed(profile: String? = nil) throws -> Rules {
        var rules = try RulesLoader.load(profile: profile)
        for key in rules.materials.keys {
            rules.materials[key]?.minLongSide = 1
            rules.materials[key]?.minShortSide = 1
            rules.materials[key]?.minBytes = 1
        }
        rules.photo.requireCamera = false
        return rules
    }

    /// Checks an application folder. Pages and cards are read only when `read` says so: the tests
    /// of roles, requirements and the form do not need it, and reading has tests of its own.
    static func check(_ folder: URL, rules: Rules, now: Date = Date(), read: ReadMode = .off) async -> Manifest {
        await ApplicationChecker.check(
            ApplicationFolder(path: folder.path), options: CheckOptions(rules: rules, jobs: 2, now: now, read: read))
    }
}

extension Manifest {
    func requirement(_ id: Requirement.ID) -> Requirement? { requirements.first { $0.id == id } }
    var codes: Set<FindingCode> { Set(allFindings.map(\.code)) }
    func file(_ path: String) -> FileReport? { files.first { $0.path == path } }
}

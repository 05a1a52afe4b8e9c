import Foundation
import Testing

@testable import ICPCheck

/// `icpcheck batch` and `icpcheck check` as a user runs them: outputs, exit codes, interruption.
@Suite struct BatchTests {
    /// The `icpcheck` executable built beside the test bundle.
    static var executable: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("icpcheck")
    }

    /// Runs `icpcheck`; one still running after `deadline` seconds is killed, and the test fails
    /// instead of hanging.
    static func run(_ arguments: [String], deadline: Int = 600) throws -> (status: Int32, output: String, error: String) {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let output = Pipe()
        // A file, not a pipe: nothing reads it while the process runs, so it must not fill up.
        let errorFile = FileManager.default.temporaryDirectory.appendingPathComponent("icpcheck-stderr-\(UUID().uuidString)")
        try Data().write(to: errorFile)
        defer { try? FileManager.default.removeItem(at: errorFile) }
        process.standardOutput = output
        process.standardError = try FileHandle(forWritingTo: errorFile)
        try process.run()
        let watchdog = DispatchWorkItem { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
        DispatchQueue.global().asyncAfter(deadline: .now() + .seconds(deadline), execute: watchdog)
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        watchdog.cancel()
        #expect(process.terminationReason == .exit, "icpcheck \(arguments.joined(separator: " ")) did not finish within \(deadline) s")
        let errorText = (try? String(contentsOf: errorFile, encoding: .utf8)) ?? ""
        return (process.terminationStatus, String(decoding: data, as: UTF8.self), errorText)
    }

    /// An uploads folder with `count` applications, each ready under relaxed size rules.
    static func uploads(count: Int, broken: Int = 0) throws -> (TestUploads, rules: URL) {
        let uploads = try TestUploads()
        for index in 0..<count {
            var files = ApplicationTests.complete
            if index < broken { files["核验单.jpg"] = nil }
            try uploads.application(String(format: "APP-%04d", index), files: files, form: ApplicationTests.form())
        }
        let rules = uploads.root.appendingPathComponent("relaxed.yaml")
        try """
            materials:
              default: {min_bytes: 1, min_long_side: 1, min_short_side: 1}
              authenticity_statement: {min_long_side: 1, min_short_side: 1}
              subject_certificate: {min_long_side: 1, min_short_side: 1}
              administrator_photo: {min_long_side: 1, min_short_side: 1}
            photo: {require_camera: false}
            """.write(to: rules, atomically: true, encoding: .utf8)
        return (uploads, rules)
    }

    @Test func batchWritesManifestsAndSummariesWithExitCodes() throws {
        let (uploads, rules) = try Self.uploads(count: 3)
        let out = uploads.root.path + "-out"
        defer { try? FileManager.default.removeItem(atPath: out) }
        let ready = try Self.run(["batch", uploads.root.path, "--out", out, "--rules", rules.path, "--lang", "en"])
        #expect(ready.status == 0, "\(ready.output)")
        #expect(ready.output.contains("3 ready"))
        let names = try FileManager.default.contentsOfDirectory(atPath: out).sorted()
        #expect(names == [".icpcheck.lock", "APP-0000.json", "APP-0001.json", "APP-0002.json", "summary.csv", "summary.json"])
        let csv = try String(contentsOfFile: out + "/summary.csv", encoding: .utf8)
        #expect(csv.split(separator: "\n").first == "application,verdict,files,errors,warnings,missing,manifest")
        #expect(csv.contains("APP-0001,ready,5,0,0,,APP-0001.json"))
        let summary = try JSONDecoder().decode(BatchSummary.self, from: Data(contentsOf: URL(fileURLWithPath: out + "/summary.json")))
        #expect(summary.counts["ready"] == 3)

        try FileManager.default.removeItem(at: uploads.root.appendingPathComponent("APP-0001/核验单.jpg"))
        let notReady = try Self.run(["batch", uploads.root.path, "--out", out, "--rules", rules.path])
        #expect(notReady.status == 1)
        #expect(try String(contentsOfFile: out + "/summary.csv", encoding: .utf8).contains("APP-0001,not_ready,4,1,0,authenticity_statement"))
    }

    @Test func usageAndFatalErrorsExitWithTwo() throws {
        let (uploads, _) = try Self.uploads(count: 1)
        let bad = uploads.root.appendingPathComponent("bad.yaml")
        try "photo: {max_age_dayz: 3}\n".write(to: bad, atomically: true, encoding: .utf8)
        #expect(try Self.run(["batch", uploads.root.path, "--out", uploads.root.path + "/o", "--rules", bad.path]).status == 2)
        #expect(try Self.run(["batch", "/nonexistent/uploads", "--out", uploads.root.path + "/o"]).status == 2)
        #expect(try Self.run(["batch", uploads.root.path]).status == 2)
        #expect(try Self.run(["batch", uploads.root.path, "--out", uploads.root.path + "/o", "--jobs", "0"]).status == 2)
        #expect(try Self.run(["check", "/nonexistent/app"]).status == 2)
        #expect(try Self.run(["rules", "--profile", "nosuchcloud"]).status == 2)
    }

    @Test func checkPrintsAChecklistInChineseOrEnglishOrTheManifest() throws {
        let (uploads, rules) = try Self.uploads(count: 1, broken: 1)
        let folder = uploads.root.appendingPathComponent("APP-0000").path
        let chinese = try Self.run(["check", folder, "--rules", rules.path])
        #expect(chinese.status == 1)
        #expect(chinese.output.contains("缺少"))
        let english = try Self.run(["check", folder, "--rules", rules.path, "--lang", "en"])
        #expect(english.output.contains("Missing: the authenticity statement"))
        let json = try Self.run(["check", folder, "--rules", rules.path, "--json"])
        let manifest = try JSONDecoder().decode(Manifest.self, from: Data(json.output.utf8))
        #expect(manifest.verdict == .notReady)
        #expect(manifest.schema == "icpcheck.manifest/1")
    }

    @Test func rulesCommandPrintsTheEffectiveRules() throws {
        let defaults = try Self.run(["rules"])
        #expect(defaults.status == 0)
        #expect(defaults.output.hasPrefix("# icpcheck rules"))
        let tencent = try Self.run(["rules", "--profile", "tencent"])
        #expect(tencent.output.contains("profile: tencent"))
    }

    /// Killed half-way, a batch leaves only complete manifests; a rerun completes the rest.
    @Test func interruptedBatchLeavesOnlyCompleteManifests() async throws {
        let (uploads, rules) = try Self.uploads(count: 120)
        let out = uploads.root.path + "-out"
        defer { try? FileManager.default.removeItem(atPath: out) }
        let process = Process()
        process.executableURL = Self.executable
        // Without reading: this is about the batch's files, and 120 applications must pass quickly.
        process.arguments = ["batch", uploads.root.path, "--out", out, "--rules", rules.path, "--read", "off"]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        // Wait until some manifests exist, then kill without warning.
        for _ in 0..<400 {
            let count = (try? FileManager.default.contentsOfDirectory(atPath: out).filter { $0.hasSuffix(".json") }.count) ?? 0
            if count >= 10 { break }
            try await Task.sleep(for: .milliseconds(10))
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        let written = try FileManager.default.contentsOfDirectory(atPath: out).filter { $0.hasSuffix(".json") }
        #expect(!written.isEmpty)
        for name in written {
            let data = try Data(contentsOf: URL(fileURLWithPath: out + "/" + name))
            #expect(throws: Never.self) { try JSONSerialization.jsonObject(with: data) }
        }
        let rerun = try Self.run(["batch", uploads.root.path, "--out", out, "--rules", rules.path, "--read", "off"])
        #expect(rerun.status == 0)
        let manifests = try FileManager.default.contentsOfDirectory(atPath: out).filter { $0.hasPrefix("APP-") && $0.hasSuffix(".json") }
        #expect(manifests.count == 120)
        #expect(try FileManager.default.contentsOfDirectory(atPath: out).allSatisfy { !$0.contains(".tmp-") })
    }
}

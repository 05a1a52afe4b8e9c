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
    static func run(
        _ arguments: [String], environment: [String: String] = [:], deadline: Int = 600
    ) throws -> (status: Int32, output: String, error: String) {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if !environment.isEmpty { process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 } }
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
    /// - Parameter distinct: each application's files differ in their bytes (a JPEG comment naming
    ///   the application), as real uploads do, so none shares a report in the cache with another's.
    static func uploads(count: Int, broken: Int = 0, distinct: Bool = false) throws -> (TestUploads, rules: URL) {
        let uploads = try TestUploads()
        for index in 0..<count {
            var files = ApplicationTests.complete
            if index < broken { files["核验单.jpg"] = nil }
            let name = String(format: "APP-%04d", index)
            if distinct {
                let raw = try files.mapValues { commented(try TestUploads.bytes($0), name) }
                try uploads.application(name, raw: raw, form: ApplicationTests.form())
            } else {
                try uploads.application(name, files: files, form: ApplicationTests.form())
            }
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

    /// A JPEG with a comment segment (which no decoder shows) after its start marker.
    static func commented(_ jpeg: [UInt8], _ text: String) -> [UInt8] {
        let comment = Array(text.utf8)
        let length = comment.count + 2
        return Array(jpeg.prefix(2)) + [0xFF, 0xFE, UInt8(length >> 8), UInt8(length & 0xFF)] + comment + Array(jpeg.dropFirst(2))
    }

    static func summary(in out: String) throws -> BatchSummary {
        try JSONDecoder().decode(BatchSummary.self, from: Data(contentsOf: URL(fileURLWithPath: out + "/summary.json")))
    }

    /// The manifests of an output folder, without the time they were written.
    static func manifests(in out: String) throws -> [String: String] {
        let names = try FileManager.default.contentsOfDirectory(atPath: out).filter { $0.hasPrefix("APP-") && $0.hasSuffix(".json") }
        return try Dictionary(uniqueKeysWithValues: names.map { name in
            let text = try String(contentsOfFile: out + "/" + name, encoding: .utf8)
            return (name, text.split(separator: "\n").filter { !$0.contains("\"checked_at\"") }.joined(separator: "\n"))
        })
    }

    /// A re-run over unchanged uploads takes every report from the cache and writes the same
    /// manifests; a changed file, or changed rules, is checked again; a damaged cache is set aside
    /// with a warning and rebuilt; `--no-cache` and `--cache PATH` do what they say.
    @Test func reRunsTakeUnchangedReportsFromTheCache() throws {
        let (uploads, rules) = try Self.uploads(count: 4, distinct: true)
        let out = uploads.root.path + "-out"
        defer { try? FileManager.default.removeItem(atPath: out) }
        let run = { (extra: [String]) in try Self.run(["batch", uploads.root.path, "--out", out, "--rules", rules.path, "--read", "off", "--lang", "en"] + extra) }
        #expect(try run([]).status == 0)
        #expect(try Self.summary(in: out).cache == CacheSummary(path: out + "/.icpcheck-cache.sqlite", hits: 0, misses: 20, setAside: nil))
        let first = try Self.manifests(in: out)
        #expect(first.count == 4)

        let again = try run([])
        #expect(again.output.contains("Cache: 20 of 20 files checked before"))
        #expect(try Self.summary(in: out).cache?.hits == 20)
        #expect(try Self.manifests(in: out) == first)

        // One file changed: only it is checked again.
        let licence = uploads.root.appendingPathComponent("APP-0001/营业执照.jpg")
        try Data(Self.commented(try TestUploads.bytes(ApplicationTests.licence), "changed")).write(to: licence)
        #expect(try run([]).status == 0)
        #expect(try Self.summary(in: out).cache.map { [$0.hits, $0.misses] } == [19, 1])
        let changed = try Self.manifests(in: out)
        #expect(changed != first)

        // Other rules: every file is checked again.
        let stricter = uploads.root.appendingPathComponent("stricter.yaml")
        try (String(contentsOf: rules, encoding: .utf8) + "\nreading: {min_validity_days: 91}\n").write(to: stricter, atomically: true, encoding: .utf8)
        #expect(try Self.run(["batch", uploads.root.path, "--out", out, "--rules", stricter.path, "--read", "off"]).status == 0)
        #expect(try Self.summary(in: out).cache?.misses == 20)

        // A damaged cache is never trusted: moved aside, said, and rebuilt.
        let cacheFile = out + "/.icpcheck-cache.sqlite"
        for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: cacheFile + suffix) }
        try Data(repeating: 0x5A, count: 8192).write(to: URL(fileURLWithPath: cacheFile))
        let damaged = try run([])
        #expect(damaged.status == 0)
        #expect(damaged.output.contains("Warning: the cache file was damaged"))
        let rebuilt = try #require(try Self.summary(in: out).cache)
        #expect(rebuilt.misses == 20 && rebuilt.hits == 0)
        #expect(FileManager.default.fileExists(atPath: try #require(rebuilt.setAside)))
        #expect(try Self.manifests(in: out) == changed)

        #expect(try run(["--no-cache"]).status == 0)
        #expect(try Self.summary(in: out).cache == nil)
        let elsewhere = uploads.root.path + "-cache.sqlite"
        defer { try? FileManager.default.removeItem(atPath: elsewhere) }
        #expect(try run(["--cache", elsewhere]).status == 0)
        #expect(try Self.summary(in: out).cache?.path == elsewhere)
        #expect(FileManager.default.fileExists(atPath: elsewhere))
        // A cache that cannot be made is said before any work.
        let nowhere = try run(["--cache", uploads.root.path + "-no-such-folder/cache.sqlite"])
        #expect(nowhere.status == 2)
        #expect(nowhere.error.contains("cache cannot be created"))
    }

    @Test func batchWritesManifestsAndSummariesWithExitCodes() throws {
        let (uploads, rules) = try Self.uploads(count: 3)
        let out = uploads.root.path + "-out"
        defer { try? FileManager.default.removeItem(atPath: out) }
        let ready = try Self.run(["batch", uploads.root.path, "--out", out, "--rules", rules.path, "--lang", "en"])
        #expect(ready.status == 0, "\(ready.output)")
        #expect(ready.output.contains("3 ready"))
        let names = try FileManager.default.contentsOfDirectory(atPath: out).sorted()
        #expect(names == [".icpcheck-cache.sqlite", ".icpcheck.lock", "APP-0000.json", "APP-0001.json", "APP-0002.json", "summary.csv", "summary.json"])
        let csv = try String(contentsOfFile: out + "/summary.csv", encoding: .utf8)
        #expect(csv.split(separator: "\n").first == """
            application,verdict,files,errors,warnings,missing,manifest,error_codes,warning_codes,\
            first_error_code,first_error_file,first_error_zh,first_error_en,manifest_path
            """)
        #expect(csv.contains("APP-0001,ready,5,0,0,,APP-0001.json,,,,,,,\(out)/APP-0001.json\n"))
        let summary = try JSONDecoder().decode(BatchSummary.self, from: Data(contentsOf: URL(fileURLWithPath: out + "/summary.json")))
        #expect(summary.counts["ready"] == 3)

        try FileManager.default.removeItem(at: uploads.root.appendingPathComponent("APP-0001/核验单.jpg"))
        let notReady = try Self.run(["batch", uploads.root.path, "--out", out, "--rules", rules.path])
        #expect(notReady.status == 1)
        #expect(try String(contentsOfFile: out + "/summary.csv", encoding: .utf8).contains("APP-0001,not_ready,4,1,0,authenticity_statement"))
    }

    /// An operator routes work by the summary: each row names its codes, its first error (file and
    /// messages) and its manifest; the closing lines count codes instead of listing applications;
    /// `--jsonl` streams the rows; `--fail-on error` lets an application that only needs review pass.
    @Test func summaryRowsRouteWorkAndFailOnChoosesTheExitStatus() throws {
        let (uploads, rules) = try Self.uploads(count: 3, broken: 1)
        // APP-0002's photo was saved by an editor: a warning only.
        try uploads.application("APP-0002", files: ["幕布照片.jpg": "Samples/APP-105-edited-photo/幕布照片.jpg"])
        let out = uploads.root.path + "-out"
        defer { try? FileManager.default.removeItem(atPath: out) }
        let run = try Self.run(["batch", uploads.root.path, "--out", out, "--rules", rules.path, "--lang", "en", "--read", "off", "--csv-bom"])
        #expect(run.status == 1)
        // Counts and codes, not a line per application.
        #expect(run.output.contains("Checked 3 applications: 1 ready, 1 needs review, 1 not ready"))
        #expect(run.output.contains("requirement.missing"))
        #expect(!run.output.contains("APP-0000"))

        let summary = try JSONDecoder().decode(BatchSummary.self, from: Data(contentsOf: URL(fileURLWithPath: out + "/summary.json")))
        let rows = Dictionary(uniqueKeysWithValues: summary.applications.map { ($0.application, $0) })
        let missing = try #require(rows["APP-0000"])
        #expect(missing.errorCodes == ["requirement.missing"])
        #expect(missing.firstError?.code == "requirement.missing")
        #expect(missing.firstError?.file == nil)
        #expect(missing.firstError?.messageZh.contains("缺少") == true)
        #expect(missing.manifestPath == out + "/APP-0000.json")
        let edited = try #require(rows["APP-0002"])
        #expect(edited.verdict == .needsReview)
        #expect(edited.errorCodes.isEmpty && edited.firstError == nil)
        #expect(edited.warningCodes == ["exif.edited"])

        let csv = try Data(contentsOf: URL(fileURLWithPath: out + "/summary.csv"))
        #expect(Array(csv.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let csvRows = String(decoding: csv.dropFirst(3), as: UTF8.self).split(separator: "\n")
        #expect(csvRows.contains { $0.hasPrefix("APP-0002,needs_review,5,0,1,,APP-0002.json,,exif.edited,,,,,") })

        let verbose = try Self.run(["batch", uploads.root.path, "--out", out, "--rules", rules.path, "--lang", "en", "--read", "off", "--verbose"])
        #expect(verbose.output.contains("APP-0000: not ready (1 error, 0 warnings), missing Authenticity statement"))
        let chinese = try Self.run(["batch", uploads.root.path, "--out", out, "--rules", rules.path, "--read", "off", "--verbose"])
        #expect(chinese.output.contains("APP-0000：未就绪（错误 1，提醒 0），缺少真实性核验单（承诺书）"))
        // In Chinese the kinds of problem are named in words; the codes are in summary.csv.
        #expect(chinese.output.contains("缺少必需材料") && !chinese.output.contains("requirement.missing"))

        let stream = try Self.run(["batch", uploads.root.path, "--out", out, "--rules", rules.path, "--read", "off", "--jsonl"])
        let lines = stream.output.split(separator: "\n").map { Data($0.utf8) }
        let streamed = try lines.map { try JSONDecoder().decode(SummaryRow.self, from: $0) }
        #expect(streamed.map(\.application).sorted() == ["APP-0000", "APP-0001", "APP-0002"])
        #expect(Set(streamed.map(\.verdict)) == [.ready, .needsReview, .notReady])
        #expect(stream.error.contains("已检查 3 个申请"))

        // Only the not-ready application fails the step with --fail-on error; without it, any not ready.
        try FileManager.default.removeItem(at: uploads.root.appendingPathComponent("APP-0000"))
        let lenient = try Self.run(["batch", uploads.root.path, "--out", out, "--rules", rules.path, "--read", "off", "--fail-on", "error"])
        #expect(lenient.status == 0, "\(lenient.output)")
        #expect(try Self.run(["batch", uploads.root.path, "--out", out, "--rules", rules.path, "--read", "off"]).status == 1)
        let check = uploads.root.appendingPathComponent("APP-0002").path
        #expect(try Self.run(["check", check, "--rules", rules.path, "--read", "off", "--fail-on", "error"]).status == 0)
        #expect(try Self.run(["check", check, "--rules", rules.path, "--read", "off"]).status == 1)
    }

    /// An uploads folder with no application folder is a usage error that says what it found, and
    /// leaves no output folder behind.
    @Test func uploadsWithoutApplicationFoldersAreAUsageError() throws {
        let uploads = try TestUploads()
        let out = uploads.root.path + "-out"
        let empty = try Self.run(["batch", uploads.root.path, "--out", out])
        #expect(empty.status == 2)
        #expect(empty.error.contains("batch.no_applications"))
        #expect(!FileManager.default.fileExists(atPath: out))
        // One application's files given where the folder of applications belongs.
        for (name, source) in ApplicationTests.complete {
            try Data(try TestUploads.bytes(source)).write(to: uploads.root.appendingPathComponent(name))
        }
        let loose = try Self.run(["batch", uploads.root.path, "--out", out])
        #expect(loose.status == 2)
        #expect(loose.error.contains("only 5 loose files"))
        #expect(loose.error.contains("icpcheck check"))
        #expect(!FileManager.default.fileExists(atPath: out))
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
        let (uploads, rules) = try Self.uploads(count: 120, distinct: true)
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
        let written = try FileManager.default.contentsOfDirectory(atPath: out).filter { $0.hasPrefix("APP-") && $0.hasSuffix(".json") }
        #expect(!written.isEmpty)
        for name in written {
            let data = try Data(contentsOf: URL(fileURLWithPath: out + "/" + name))
            #expect(throws: Never.self) { try JSONSerialization.jsonObject(with: data) }
        }
        let rerun = try Self.run(["batch", uploads.root.path, "--out", out, "--rules", rules.path, "--read", "off"])
        #expect(rerun.status == 0)
        // The cache the killed run left is sound, and holds the reports it finished.
        let cache = try #require(try Self.summary(in: out).cache)
        #expect(cache.setAside == nil)
        #expect(cache.hits >= 5 * written.count)
        let manifests = try FileManager.default.contentsOfDirectory(atPath: out).filter { $0.hasPrefix("APP-") && $0.hasSuffix(".json") }
        #expect(manifests.count == 120)
        #expect(try FileManager.default.contentsOfDirectory(atPath: out).allSatisfy { !$0.contains(".tmp-") })
    }
}

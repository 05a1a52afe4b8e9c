import ArgumentParser
import Foundation
import Testing

@testable import ICPCheck
@testable import icpcheck

/// What `--help` and usage errors tell a new user: the exit statuses as they are, each default and
/// each list of values once, every label `eval` reads, and the usage of the subcommand at fault.
@Suite struct CLIHelpTests {
    static let commands: [any ParsableCommand.Type] = [
        BatchCommand.self, MergeCommand.self, CheckCommand.self, Inspect.self, RulesCommand.self, EvalCommand.self,
    ]

    @Test func theExitStatusSaysWarningsFailByDefault() {
        let top = ICPCheckCommand.helpMessage(columns: 1000)
        #expect(top.contains("1 when an application is not ready or, by default, needs review for a warning"))
        for command in [CheckCommand.self, BatchCommand.self, MergeCommand.self] as [any ParsableCommand.Type] {
            let help = ICPCheckCommand.helpMessage(for: command, columns: 1000)
            #expect(help.contains("needs review for a warning") || help.contains("needs\nreview for a warning"), "\(command)")
            #expect(help.contains("with --fail-on error: only when"), "\(command)")
        }
    }

    /// One line per option at a wide terminal: its help text must not repeat what ArgumentParser
    /// appends (the default, the values).
    @Test(arguments: 0..<commands.count)
    func eachDefaultAndEachListOfValuesIsPrintedOnce(index: Int) {
        let help = ICPCheckCommand.helpMessage(for: Self.commands[index], columns: 1000)
        for line in help.split(separator: "\n") where line.hasPrefix("  -") {
            #expect(line.ranges(of: "default").count <= 1, "\(line)")
            guard let values = line.range(of: "(values: ") else { continue }
            let listed = line[values.upperBound...].prefix { $0 != ";" && $0 != ")" }.split(separator: ", ")
            let before = line[..<values.lowerBound]
            #expect(listed.filter { before.contains(" \($0) ") || before.contains(" \($0).") || before.contains(" \($0),") }.count <= 1, "\(line)")
        }
    }

    @Test func evalHelpNamesEveryLabelItReads() {
        let help = ICPCheckCommand.helpMessage(for: EvalCommand.self, columns: 1000)
        for key in ImageLabel.CodingKeys.allCases.map(\.stringValue) + ExpectedReading.CodingKeys.allCases.map(\.stringValue) {
            #expect(help.contains(key), "eval --help does not name \(key)")
        }
    }

    /// A bad rules file or profile is the subcommand's usage error: exit 2 and that subcommand's usage.
    @Test func aBadProfileOrRulesFileShowsTheSubcommandsUsage() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("icpcheck-help-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let rules = folder.appendingPathComponent("rules.yaml")
        try Data("photo:\n  max_age_dayz: 30\n".utf8).write(to: rules)
        for arguments in [["check", folder.path, "--profile", "nosuchcloud"], ["check", folder.path, "--rules", rules.path],
                          ["batch", folder.path, "--out", folder.path, "--profile", "nosuchcloud"]] {
            let result = try BatchTests.run(arguments)
            #expect(result.status == 2)
            #expect(result.error.contains("Usage: icpcheck \(arguments[0]) "), "\(result.error)")
            #expect(result.error.contains("nosuchcloud") || result.error.contains("max_age_dayz"))
        }
    }
}

/// `inspect` for a person: measures grouped one group per line, and `--role` judging a file as
/// that material (an edited photo has no finding until it is the administrator photo).
@Suite struct InspectOutputTests {
    static let edited = "Samples/APP-105-edited-photo/幕布照片.jpg"

    @Test func measuresAreGroupedInShortLines() throws {
        let result = try BatchTests.run(["inspect", "--read", "off", Self.edited])
        #expect(result.status == 0)
        let lines = result.output.split(separator: "\n")
        #expect(lines.allSatisfy { $0.count <= 100 }, "\(lines.map(\.count).max() ?? 0)")
        #expect(lines.contains("  measures:"))
        for group in ["picture", "face", "backdrop", "page", "capture"] {
            #expect(lines.contains { $0.hasPrefix("    " + group + " ") }, "no \(group) line")
        }
        #expect(Set(MeasureGroups.grouped(["face_count", "backdrop_l", "seal_count", "glare_fraction", "mystery"]).map(\.0))
            == ["face", "backdrop", "seal", "capture", "other"])
    }

    @Test func roleJudgesAFileAsThatMaterial() throws {
        let plain = try BatchTests.run(["inspect", "--read", "off", Self.edited])
        #expect(!plain.output.contains("exif.edited"))
        let asPhoto = try BatchTests.run(["inspect", "--read", "off", "--role", "administrator_photo", Self.edited])
        #expect(asPhoto.output.contains("[warning] exif.edited:"))
        #expect(asPhoto.output.contains("role administrator_photo"))
        let json = try BatchTests.run(["inspect", "--json", "--read", "off", "--role", "administrator_photo", Self.edited])
        let reports = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [[String: Any]])
        #expect(reports.first?["role"] as? String == "administrator_photo" && reports.first?["role_source"] as? String == "declared")
        let bad = try BatchTests.run(["inspect", "--role", "selfie", Self.edited])
        #expect(bad.status == 2 && bad.error.contains("Usage: icpcheck inspect"))
    }
}

/// `make install`'s parts: where it puts each file (the Makefile, dry run), and what the binary
/// gives the man page generator and the shells.
@Suite struct InstallTests {
    @Test func installPutsEachFileUnderDestdirAndPrefix() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/make")
        process.arguments = ["-n", "install", "DESTDIR=/tmp/stage", "PREFIX=/opt/icp"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        for destination in ["/tmp/stage/opt/icp/bin/icpcheck", "/tmp/stage/opt/icp/share/man/man1/",
                            "/tmp/stage/opt/icp/share/bash-completion/completions/icpcheck",
                            "/tmp/stage/opt/icp/share/zsh/site-functions/_icpcheck"] {
            #expect(text.contains(destination), "make install puts nothing at \(destination)")
        }
        #expect(text.contains("generate-manual --multi-page"))
        // The man pages' EXIT STATUS is icpcheck's own, not the generator's "0 on success".
        #expect(text.contains("s/^\\.Ex -std$/0 when everything checked is ready; 1 when an application is not ready"))
    }

    @Test func completionScriptsAndManualSourceNameEverySubcommand() throws {
        let subcommands = ["batch", "merge", "check", "inspect", "rules", "eval"]
        for shell in ["bash", "zsh"] {
            let script = try BatchTests.run(["--generate-completion-script", shell])
            #expect(script.status == 0)
            for name in subcommands + ["--profile", "--fail-on"] { #expect(script.output.contains(name), "\(shell): \(name)") }
        }
        // What the man page plugin reads: the whole command tree with its help.
        let dump = try BatchTests.run(["--experimental-dump-help"])
        let tree = try #require(try JSONSerialization.jsonObject(with: Data(dump.output.utf8)) as? [String: Any])
        let command = try #require(tree["command"] as? [String: Any])
        let names = (command["subcommands"] as? [[String: Any]] ?? []).compactMap { $0["commandName"] as? String }
        #expect(Set(subcommands).isSubset(of: Set(names)))
        #expect((command["discussion"] as? String)?.contains("Exit status") == true)
    }
}

import Foundation
import ICPCheck
import Testing

@testable import icpcheck

/// What `check` shows in a real terminal (tmux, 80 columns): lines wrapped with a hanging indent,
/// marks and labels in colour, none with `NO_COLOR`. The captures are kept as golden files
/// (`Fixtures/terminal/`); `ICPCHECK_UPDATE_GOLDEN=1` writes them anew after a deliberate change.
@Suite(.serialized) struct TerminalTests {
    static let goldens = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/terminal")

    static let cases: [(sample: String, language: String, noColour: Bool)] = [
        ("APP-101-ready-enterprise", "zh", false),
        ("APP-105-edited-photo", "zh", false),
        ("APP-109-address-mismatch", "zh", false),
        ("APP-109-address-mismatch", "en", false),
        ("APP-105-edited-photo", "zh", true),
    ]

    @Test func checkInATerminalMatchesItsCaptures() throws {
        for (sample, language, noColour) in Self.cases {
            let name = "\(sample).\(language)\(noColour ? ".no-color" : "").txt"
            let capture = try Self.capture(
                ["check", SamplesTests.samples.appendingPathComponent(sample).path, "--lang", language, "--as-of", "2026-06-01"],
                environment: noColour ? ["NO_COLOR": "1"] : [:])
            let lines = capture.split(separator: "\n", omittingEmptySubsequences: false)
            #expect(lines.allSatisfy { Self.visibleColumns(String($0)) <= 80 }, "\(name): a line wider than the terminal")
            #expect(capture.contains("\u{1B}[") != noColour, "\(name): colour \(noColour ? "despite NO_COLOR" : "missing")")
            let golden = Self.goldens.appendingPathComponent(name)
            if ProcessInfo.processInfo.environment["ICPCHECK_UPDATE_GOLDEN"] == "1" {
                try FileManager.default.createDirectory(at: Self.goldens, withIntermediateDirectories: true)
                try capture.write(to: golden, atomically: true, encoding: .utf8)
            }
            #expect(capture == (try String(contentsOf: golden, encoding: .utf8)), "\(name) differs from its golden capture")
        }
    }

    @Test func longLinesWrapWithAHangingIndent() {
        let style = TerminalStyle(colours: false, width: 30)
        let chinese = style.line("    ", "[错误] ", nil, "文件经 Adobe Photoshop 2024 处理，审核会拒绝修改过的图片，请上传原图。")
        let lines = chinese.split(separator: "\n").map(String.init)
        #expect(lines.count > 1 && lines.allSatisfy { TerminalStyle.columns($0) <= 30 })
        // Continuation lines start under the text; a closing mark never starts a line.
        #expect(lines.dropFirst().allSatisfy { $0.hasPrefix("           ") && !$0.dropFirst(11).hasPrefix("，") && !$0.dropFirst(11).hasPrefix("。") })
        #expect(chinese.replacingOccurrences(of: "[错误]", with: "").filter { $0 != " " && $0 != "\n" }
                == "文件经 Adobe Photoshop 2024 处理，审核会拒绝修改过的图片，请上传原图。".filter { $0 != " " })
        // Latin text breaks between words only.
        let english = TerminalStyle.wrap("The file was saved by an editing program; upload the original.", width: 20)
        #expect(english == ["The file was saved", "by an editing", "program; upload the", "original."])
        #expect(TerminalStyle(colours: true, width: nil).paint("✗", .red) == "\u{1B}[31m✗\u{1B}[0m")
        #expect(TerminalStyle.plain.paint("✗", .red) == "✗")
    }

    /// The progress line fits the terminal whatever the application's name, and says the rate and
    /// the time left.
    @Test func theProgressLineFitsTheTerminal() throws {
        let row = try Self.row(String(repeating: "很长的申请名称", count: 20), .notReady)
        let line = ProgressLine.render(done: 30, total: 120, last: row, elapsed: 10, width: 80, language: .zh)
        #expect(TerminalStyle.columns(line) <= 79 && line.hasSuffix("…"))
        #expect(line.hasPrefix("30/120  3.0 个/秒  剩余 30s  很长"))
        let english = ProgressLine.render(done: 30, total: 7230, last: try Self.row("APP-1", .ready), elapsed: 10, width: 80, language: .en)
        #expect(english == "30/7230  3.0/s  40:00 left  APP-1: ready")
        #expect(ProgressLine.duration(3_909) == "1:05:09")
    }

    static func row(_ application: String, _ verdict: Verdict) throws -> SummaryRow {
        let json = #"{"application": "\#(application)", "verdict": "\#(verdict.rawValue)", "files": 5, "errors": 0, "warnings": 0, "#
            + #""error_codes": [], "warning_codes": [], "missing": []}"#
        return try JSONDecoder().decode(SummaryRow.self, from: Data(json.utf8))
    }

    // MARK: tmux

    /// Runs `icpcheck` in a detached tmux session 80 columns wide and returns the screen, with its
    /// colours as escape sequences, once the command has finished.
    static func capture(_ arguments: [String], environment: [String: String]) throws -> String {
        let socket = "icpcheck-test-\(UUID().uuidString)"
        let marker = "__icpcheck_done__"
        // The runner's own NO_COLOR (if any) is dropped: only the case's environment counts.
        let exports = environment.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        let command = "env -u NO_COLOR \(exports) \(BatchTests.executable.path) " + arguments.map { "'\($0)'" }.joined(separator: " ")
            + "; echo \(marker); sleep 600"
        try tmux(socket, ["new-session", "-d", "-x", "80", "-y", "200", command])
        defer { _ = try? tmux(socket, ["kill-server"]) }
        let deadline = Date().addingTimeInterval(300)
        while Date() < deadline {
            let screen = try tmux(socket, ["capture-pane", "-p", "-e", "-S", "0", "-E", "199"])
            if let end = screen.range(of: marker) {
                let lines = screen[..<end.lowerBound].split(separator: "\n", omittingEmptySubsequences: false)
                    .map { String($0).replacingOccurrences(of: #"\s+$"#, with: "", options: .regularExpression) }
                return lines.reversed().drop { $0.isEmpty }.reversed().joined(separator: "\n") + "\n"
            }
            Thread.sleep(forTimeInterval: 0.5)
        }
        Issue.record("icpcheck did not finish in tmux within 300 s")
        return ""
    }

    /// Runs tmux on its own server (`-L socket`) through the shell, and returns what it printed.
    @discardableResult
    static func tmux(_ socket: String, _ arguments: [String]) throws -> String {
        let quoted = (["/usr/bin/tmux", "-L", socket, "-f", "/dev/null"] + arguments).map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }
        // The server `new-session` starts must not hold the pipe, or reading it never ends.
        let command = "TERM=xterm-256color LANG=C.UTF-8 " + quoted.joined(separator: " ") + " 2>/dev/null"
            + (arguments.first == "new-session" ? " >/dev/null" : "")
        guard let stream = popen(command, "r") else { throw CocoaError(.fileReadUnknown) }
        var output = Data()
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = fread(&buffer, 1, buffer.count, stream)
            if count == 0 { break }
            output.append(contentsOf: buffer[0..<count])
        }
        pclose(stream)
        return String(decoding: output, as: UTF8.self)
    }

    /// Columns a captured line takes on the screen, its escape sequences left out.
    static func visibleColumns(_ line: String) -> Int {
        TerminalStyle.columns(line.replacingOccurrences(of: "\u{1B}\\[[0-9;]*m", with: "", options: .regularExpression))
    }
}

import ArgumentParser
import Foundation
import ICPCheck

struct BatchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch",
        abstract: "Checks every application folder under UPLOADS and writes one manifest each.",
        discussion: """
            Writes DIR/<application>.json, DIR/summary.json and DIR/summary.csv, each atomically. \
            Exit status: 0 when every application is ready, 1 when at least one is not, 2 on a usage or fatal error.
            """
    )

    @Argument(help: "Folder whose immediate sub-folders are applications.")
    var uploads: String

    @Option(name: .customLong("out"), help: "Folder for the manifests and the summary.")
    var output: String

    @Option(help: "Files checked at once (default: one per core).")
    var jobs: Int = FileBatch.defaultJobs

    @OptionGroup var ruleOptions: RuleOptions

    @OptionGroup var readingOptions: ReadingOptions

    @Option(help: "Language of the closing summary: zh or en.")
    var lang: Language = .zh

    func validate() throws {
        if jobs < 1 { throw ValidationError("--jobs must be at least 1.") }
    }

    func run() async throws {
        let options = CheckOptions(
            rules: try ruleOptions.load(), jobs: jobs, read: readingOptions.read.mode, asOf: try readingOptions.day())
        let showProgress = standardErrorIsTerminal
        let summary = try await Batch.run(uploads: uploads, output: output, options: options) { progress in
            guard showProgress else { return }
            printError("\r\(progress.done)/\(progress.total) \(progress.last.application): \(progress.last.verdict.rawValue)\u{1B}[K", terminator: "")
        }
        if showProgress { printError("") }
        print(SummaryText.render(summary, language: lang, output: output))
        if summary.applications.contains(where: { $0.verdict != .ready }) { throw ExitCode(1) }
    }
}

import ArgumentParser
import Foundation
import ICPCheck

struct BatchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch",
        abstract: "Checks every application folder under UPLOADS and writes one manifest each.",
        discussion: """
            Writes DIR/<application>.json, DIR/summary.json and DIR/summary.csv, each atomically; with --html \
            also the review report, DIR/report/index.html. \
            Exit status: 0 when every application is ready, 1 when at least one is not ready or needs \
            review for a warning (with --fail-on error: only when one is not ready), 2 on a usage or fatal error (an uploads folder with no \
            application folder is one).
            """
    )

    @Argument(help: "Folder whose immediate sub-folders are applications.")
    var uploads: String

    @Option(name: .customLong("out"), help: "Folder for the manifests and the summary.")
    var output: String

    @Option(help: "Files checked at once (one per core).")
    var jobs: Int = FileBatch.defaultJobs

    @OptionGroup var ruleOptions: RuleOptions

    @OptionGroup var readingOptions: ReadingOptions

    @OptionGroup var summaryOptions: SummaryOptions

    @Option(help: ArgumentHelp(
        "Check only part I of N (0 ≤ I < N; auto: I from JOB_COMPLETION_INDEX) and write summary-I-of-N.json; join the parts with icpcheck merge.",
        valueName: "I/N"))
    var shard: String?

    @Option(help: ArgumentHelp("The cache of file reports (default: DIR/.icpcheck-cache.sqlite).", valueName: "path"))
    var cache: String?

    @Flag(name: .customLong("no-cache"), help: "Check every file again, and keep no cache.")
    var noCache = false

    @Flag(help: "Write one summary line (JSON) per application to stdout as it finishes; the closing summary goes to stderr.")
    var jsonl = false

    @Flag(help: "Also write the review report: DIR/report/index.html, a page per application with thumbnails and what was found on them.")
    var html = false

    func validate() throws {
        if jobs < 1 { throw ValidationError("--jobs must be at least 1.") }
        if noCache && cache != nil { throw ValidationError("--cache and --no-cache exclude each other.") }
        _ = try part()
    }

    func run() async throws {
        let options = CheckOptions(
            rules: try ruleOptions.load(), jobs: jobs, read: readingOptions.read.mode, asOf: try readingOptions.day())
        let showProgress = standardErrorIsTerminal
        let (jsonl, language, started) = (jsonl, summaryOptions.lang, Date())
        let width = TerminalStyle.columns(ofDescriptor: 2) ?? 80
        let summary = try await Batch.run(uploads: uploads, output: output, options: options, shard: try part(), cache: cacheLocation, csvByteOrderMark: summaryOptions.csvBOM, html: html) { progress in
            if jsonl, let line = try? ManifestJSON.encodeLine(progress.last) {
                if showProgress { printError("\r\u{1B}[K", terminator: "") }
                FileHandle.standardOutput.write(line)
            }
            guard showProgress else { return }
            let line = ProgressLine.render(
                done: progress.done, total: progress.total, last: progress.last, elapsed: Date().timeIntervalSince(started), width: width,
                language: language)
            printError("\r" + line + "\u{1B}[K", terminator: "")
        }
        if showProgress { printError("") }
        let closing = summaryOptions.closingLines(summary, output: output)
        if jsonl { printError(closing) } else { print(closing) }
        try summaryOptions.exit(for: summary)
    }
}

extension BatchCommand {
    /// The part `--shard` names; nil for the whole batch.
    func part() throws -> Shard? {
        do { return try shard.map { text throws(ShardError) in try Shard(parsing: text, environment: ProcessInfo.processInfo.environment) } } catch {
            throw ValidationError(error.description)
        }
    }

    var cacheLocation: ReportCacheLocation { noCache ? .off : cache.map { .file($0) } ?? .outputFolder }
}


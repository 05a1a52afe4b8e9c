import ArgumentParser
import Foundation
import ICPCheck

struct MergeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Joins the outputs of a batch's shards (batch --shard I/N) into one summary.",
        discussion: """
            Writes DIR/summary.json and DIR/summary.csv, each atomically; the manifests stay in the shards' folders, \
            which the rows' manifest_path names. Exit status: 0 when every application is ready (with --fail-on error: \
            none is not_ready), 1 when at least one is not, 2 when a shard is missing, given twice or of another split.
            """
    )

    @Argument(help: "The shards' output folders.")
    var shards: [String]

    @Option(name: .customLong("out"), help: "Folder for the merged summary.")
    var output: String

    @Option(help: "Language of the closing summary: zh or en.")
    var lang: Language = .zh

    @Option(name: .customLong("fail-on"), help: ArgumentHelp(
        "Exit with 1 when an application has an error (error: not_ready) or also a warning (warning: needs_review).", valueName: "error|warning"))
    var failOn: FailOnChoice = .warning

    @Flag(name: .customLong("csv-bom"), help: "Start summary.csv with a UTF-8 byte order mark (for Excel on Chinese Windows).")
    var csvBOM = false

    @Flag(help: "List every application that is not ready in the closing summary.")
    var verbose = false

    func run() async throws {
        let summary = try Merge.run(shardFolders: shards, output: output, csvByteOrderMark: csvBOM)
        print(SummaryText.render(summary, language: lang, output: output, verbose: verbose))
        if summary.applications.contains(where: { failOn.value.fails($0.verdict) }) { throw ExitCode(1) }
    }
}

import ArgumentParser
import Foundation
import ICPCheck

struct MergeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Joins the outputs of a batch's shards (batch --shard I/N) into one summary.",
        discussion: """
            Writes DIR/summary.json and DIR/summary.csv, each atomically; the manifests stay in the shards' folders, \
            which the rows' manifest_path names. Where the shards wrote review pages (batch --html), also \
            DIR/report/index.html, linking to them. Exit status: 0 when every application is ready, 1 when at least one is not \
            ready or needs review for a warning (with --fail-on error: only when one is not ready), 2 when a shard is missing, given twice or of another split.
            """
    )

    @Argument(help: "The shards' output folders.")
    var shards: [String]

    @Option(name: .customLong("out"), help: "Folder for the merged summary.")
    var output: String

    @OptionGroup var summaryOptions: SummaryOptions

    func run() async throws {
        let summary = try Merge.run(shardFolders: shards, output: output, csvByteOrderMark: summaryOptions.csvBOM)
        print(summaryOptions.closingLines(summary, output: output))
        try summaryOptions.exit(for: summary)
    }
}

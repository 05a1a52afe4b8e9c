import ArgumentParser
import ICPCheck

/// The options of the commands that end with a batch summary (`batch`, `merge`): its language,
/// which verdicts fail the run, the CSV's byte order mark, and whether every application is listed.
struct SummaryOptions: ParsableArguments {
    @Option(help: "Language of the closing summary.")
    var lang: Language = .zh

    @Option(name: .customLong("fail-on"), help: FailOnChoice.help)
    var failOn: FailOnChoice = .warning

    @Flag(name: .customLong("csv-bom"), help: "Start summary.csv with a UTF-8 byte order mark (for Excel on Chinese Windows).")
    var csvBOM = false

    @Flag(help: "List every application that is not ready in the closing summary.")
    var verbose = false

    func closingLines(_ summary: BatchSummary, output: String) -> String {
        SummaryText.render(summary, language: lang, output: output, verbose: verbose)
    }

    /// Exit status 1 when an application's verdict fails the run (`--fail-on`).
    func exit(for summary: BatchSummary) throws {
        if summary.applications.contains(where: { failOn.value.fails($0.verdict) }) { throw ExitCode(1) }
    }
}

/// `--fail-on`'s values (the library's `FailOn`).
enum FailOnChoice: String, ExpressibleByArgument, CaseIterable {
    case error, warning

    var value: FailOn { self == .error ? .error : .warning }

    static let help = ArgumentHelp(
        "Exit with 1 when an application is not ready (error), or also when it needs review for a warning (warning).")
}

import ArgumentParser
import Foundation
import ICPCheck

/// `--rules` and `--profile`, shared by every command that applies rules.
struct RuleOptions: ParsableArguments {
    @Option(help: "A rules file (YAML or JSON) merged over the embedded defaults.")
    var rules: String?

    @Option(help: ArgumentHelp(
        "Provider profile: " + RulesLoader.profileNames.joined(separator: ", ") + " (the rules' own profile, generic, unless given).",
        valueName: "name"))
    var profile: String?

    /// Loading here, while the arguments are parsed, makes a bad file or profile a usage error of the
    /// subcommand, shown with its own usage.
    func validate() throws {
        _ = try load()
    }

    func load() throws -> Rules {
        do {
            return try RulesLoader.load(file: rules.map { URL(fileURLWithPath: $0) }, profile: profile)
        } catch let error as RulesError {
            throw ValidationError(error.description)
        }
    }
}

/// The language of the readable output.
enum Language: String, ExpressibleByArgument, CaseIterable {
    case zh, en
}

/// Writes to standard error (the C `stderr` global is not concurrency-safe in Swift 6).
func printError(_ text: String, terminator: String = "\n") {
    FileHandle.standardError.write(Data((text + terminator).utf8))
}

/// Whether standard error is a terminal (progress lines only make sense there).
var standardErrorIsTerminal: Bool { isatty(2) == 1 }

/// `--read`'s values (the library's `ReadMode`).
enum ReadChoice: String, ExpressibleByArgument, CaseIterable {
    case auto, off

    var mode: ReadMode { self == .auto ? .auto : .off }
}

/// `--read` and `--as-of`, shared by the commands that read pages and cards.
struct ReadingOptions: ParsableArguments {
    @Option(help: "Read pages and ID cards with Tesseract (auto: pages, cards and files with a document's role).")
    var read: ReadChoice = .auto

    @Option(name: .customLong("as-of"), help: ArgumentHelp(
        "Count validity periods and photo age from this day (YYYY-MM-DD, China time) instead of today.", valueName: "date"))
    var asOf: String?

    /// The start of the `--as-of` day in China (UTC+8); nil when not given.
    func day() throws -> Date? {
        guard let asOf else { return nil }
        let style = Date.ISO8601FormatStyle(timeZone: TimeZone(identifier: "Asia/Shanghai")!).year().month().day()
        guard let date = try? style.parse(asOf) else {
            throw ValidationError("--as-of wants a date as YYYY-MM-DD, not \(asOf).")
        }
        return date
    }
}

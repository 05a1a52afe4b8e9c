import ArgumentParser
import Foundation
import ICPCheck

/// `--rules` and `--profile`, shared by every command that applies rules.
struct RuleOptions: ParsableArguments {
    @Option(help: "A rules file (YAML or JSON) merged over the embedded defaults.")
    var rules: String?

    @Option(help: "Provider profile: generic, aliyun, tencent, huawei or volcengine.")
    var profile: String?

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

import ArgumentParser
import Foundation
import ICPCheck

@main
struct ICPCheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "icpcheck",
        abstract: "Checks ICP filing uploads (statements, licences, ID cards, photos) before a reviewer does.",
        discussion: """
            Exit status: 0 when everything checked is ready; 1 when an application is not ready or, by \
            default, needs review for a warning (check, batch and merge with --fail-on error: only when one is \
            not ready; inspect: when a file has an error finding); 2 on a usage or fatal error.
            """,
        version: ICPCheckVersion.current,
        subcommands: [BatchCommand.self, MergeCommand.self, CheckCommand.self, Inspect.self, RulesCommand.self, EvalCommand.self]
    )

    /// Usage errors and fatal errors both exit with 2 (ArgumentParser's own default is 64 and 1).
    static func main(_ arguments: [String]?) async {
        ProcessTuning.reuseFreedMemory()
        do {
            var command = try parseAsRoot(arguments)
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            if error is ExitCode || exitCode(for: error) == .success {
                exit(withError: error)
            }
            FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
            Foundation.exit(2)
        }
    }

    static func main() async {
        await main(nil)
    }
}

import ArgumentParser
import ICPCheck

struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "Prints the effective rules: the embedded defaults (with their comments), or merged with --rules and --profile."
    )

    @OptionGroup var ruleOptions: RuleOptions

    func run() throws {
        let rules = try ruleOptions.load()
        if ruleOptions.rules == nil && ruleOptions.profile == nil {
            print(RulesLoader.defaultDocument)
        } else {
            print(try RulesLoader.document(rules))
        }
    }
}

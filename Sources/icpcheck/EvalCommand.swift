import ArgumentParser
import Foundation
import ICPCheck

struct EvalCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Scores the heuristics on labelled images: precision, recall, confusion tables, misclassified files.",
        discussion: """
            Each LABELS file is JSON mapping image paths (relative to it) to what a person saw; every key \
            is optional, and a heuristic is scored only on the images labelled for it:
              label           portrait, not_portrait, document or id_card
              faces_visible   how many faces can be seen (0, 1, 2, …)
              plain_backdrop  true or false ("mostly" is read as unsure and not scored)
              backdrop        blue, white, grey, other or none
              role            a material role, such as administrator_photo or id_card_front
              seal, greyscale, glare, blurry, cut_off, screen   true or false (documents)
              ink             black or blue (statements)
              id_side         front, back or both (ID cards)
              reading         {title, id_numbers, credit_codes, names, valid_from, valid_until, signed_on}
              clean           true for a clean capture (reading is also scored on these apart)
            Other keys (notes, uncertain, …) are ignored.
            """
    )

    @Argument(help: "The labels file.")
    var labels: [String]

    @OptionGroup var ruleOptions: RuleOptions

    @Flag(help: "Print the tables as JSON.")
    var json = false

    func run() async throws {
        let rules = try ruleOptions.load()
        for file in labels {
            let report = try await Evaluation.run(labelsFile: URL(fileURLWithPath: file), rules: rules)
            if json {
                FileHandle.standardOutput.write(try ManifestJSON.encode(report))
            } else {
                print(EvaluationText.render(report, source: file))
            }
        }
    }
}

/// Confusion tables as text.
enum EvaluationText {
    static func render(_ report: EvaluationReport, source: String) -> String {
        var lines = ["\(source): \(report.images) labelled images"]
        for table in report.tables where table.truePositives + table.falsePositives + table.trueNegatives + table.falseNegatives > 0 {
            lines.append("")
            lines.append("  \(table.heuristic): precision \(percent(table.precision)), recall \(percent(table.recall)),"
                + " accuracy \(percent(table.accuracy))")
            lines.append("                 predicted yes   predicted no")
            lines.append("    labelled yes  \(pad(table.truePositives))\(pad(table.falseNegatives))")
            lines.append("    labelled no   \(pad(table.falsePositives))\(pad(table.trueNegatives))")
            for miss in table.misclassified { lines.append("    ✗ \(miss)") }
        }
        if !report.reading.isEmpty {
            lines.append("")
            lines.append("  reading (read right of expected; wrong = read but not printed there):")
            for score in report.reading {
                lines.append("    \(score.subset.padding(toLength: 6, withPad: " ", startingAt: 0)) \(score.field.padding(toLength: 13, withPad: " ", startingAt: 0))"
                    + " \(score.right)/\(score.expected) (\(percent(score.rate))), wrong \(score.wrong)")
            }
            for score in report.reading where score.subset == "all" {
                for miss in score.misses { lines.append("    ✗ \(miss)") }
            }
        }
        return lines.joined(separator: "\n")
    }

    private static func percent(_ value: Double?) -> String { value.map { String(format: "%.2f", $0) } ?? "n/a" }
    private static func pad(_ value: Int) -> String { String(value).padding(toLength: 16, withPad: " ", startingAt: 0) }
}

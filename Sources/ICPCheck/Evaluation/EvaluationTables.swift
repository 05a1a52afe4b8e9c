/// The heuristics `icpcheck eval` scores, one confusion table each.
struct EvaluationTables {
    var facePresent = ConfusionTable(heuristic: "face present")
    var multipleFaces = ConfusionTable(heuristic: "two or more faces")
    var portrait = ConfusionTable(heuristic: "portrait (content_kind)")
    var plainBackdrop = ConfusionTable(heuristic: "plain backdrop (portraits)")
    var backdropColours: [String: ConfusionTable] = [:]
    /// (path, labelled role, role the pipeline gave).
    var roleResults: [(String, String, String)] = []

    var all: [ConfusionTable] {
        [facePresent, multipleFaces, portrait, plainBackdrop] + backdropColours.keys.sorted().map { backdropColours[$0]! }
            + roleTables
    }

    /// One table per labelled role, over every image that has a role label.
    private var roleTables: [ConfusionTable] {
        Set(roleResults.map(\.1)).sorted().map { role in
            var table = ConfusionTable(heuristic: "role \(role)")
            for (path, expected, predicted) in roleResults {
                table.add(expected: expected == role, predicted: predicted == role, path: path, detail: "labelled \(expected), got \(predicted)")
            }
            return table
        }
    }

    mutating func score(_ report: FileReport, label: ImageLabel, path: String, rules: Rules) {
        let faces = Int(report.measures["face_count"] ?? 0)
        let detail = "faces \(faces), content \(report.contentKind ?? "none")"
        if let visible = label.facesVisible {
            facePresent.add(expected: visible >= 1, predicted: faces >= 1, path: path, detail: detail)
            multipleFaces.add(expected: visible >= 2, predicted: faces >= 2, path: path, detail: detail)
        }
        if let kind = label.label {
            portrait.add(expected: kind == "portrait", predicted: report.contentKind == "portrait", path: path, detail: detail)
        }
        let backdrop = rules.portrait.backdrop
        let area = report.measures["backdrop_area_fraction"] ?? 0, border = report.measures["backdrop_border_fraction"] ?? 0
        let found = area >= backdrop.minAreaFraction && border >= backdrop.minBorderFraction
        if label.label == "portrait", let plain = label.plainBackdrop {
            plainBackdrop.add(expected: plain, predicted: found, path: path, detail: "area \(rounded(area)), border \(rounded(border))")
        }
        if let colour = label.backdrop {
            let measured = PortraitAnalysisColour.name(report.measures, rules: backdrop)
            for name in Set(backdrop.colors.keys).union([colour]) where name != "none" {
                backdropColours[name, default: ConfusionTable(heuristic: "backdrop \(name)")]
                    .add(expected: colour == name, predicted: found && measured == name, path: path, detail: "measured \(measured ?? "none")")
            }
        }
        if let role = label.role { roleResults.append((path, role, report.role?.rawValue ?? "unknown")) }
    }

    private func rounded(_ value: Double) -> String { String(Int((value * 100).rounded())) + "%" }
}

/// The rules' colour name of the measured backdrop colour.
enum PortraitAnalysisColour {
    static func name(_ measures: [String: Double], rules: BackdropRules) -> String? {
        guard let l = measures["backdrop_l"], let a = measures["backdrop_a"], let b = measures["backdrop_b"] else { return nil }
        let colour = LabColor(l: l, a: a, b: b)
        return rules.colors.keys.sorted().first { rules.colors[$0]!.contains(colour) }
    }
}

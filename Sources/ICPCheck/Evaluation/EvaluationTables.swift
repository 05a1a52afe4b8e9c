/// The heuristics `icpcheck eval` scores, one confusion table each.
struct EvaluationTables {
    var facePresent = ConfusionTable(heuristic: "face present")
    var multipleFaces = ConfusionTable(heuristic: "two or more faces")
    var portrait = ConfusionTable(heuristic: "portrait (content_kind)")
    var plainBackdrop = ConfusionTable(heuristic: "plain backdrop (portraits)")
    var backdropColours: [String: ConfusionTable] = [:]
    var document = ConfusionTable(heuristic: "document or ID card (content_kind)")
    var idFront = ConfusionTable(heuristic: "ID card front")
    var idBack = ConfusionTable(heuristic: "ID card back")
    /// Keyed by finding code (or "seal", "seal_in_colour"), in `documentConditions` order.
    var conditions: [String: ConfusionTable] = [:]
    /// (path, labelled role, role the pipeline gave).
    var roleResults: [(String, String, String)] = []

    var all: [ConfusionTable] {
        [facePresent, multipleFaces, portrait, plainBackdrop] + backdropColours.keys.sorted().map { backdropColours[$0]! }
            + [document, idFront, idBack] + Self.documentConditions.compactMap { conditions[$0.code] } + roleTables
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

    /// The document labels and the finding each is scored against (a seal by `seal_count`).
    static let documentConditions: [(code: String, name: String, label: @Sendable (ImageLabel) -> Bool?)] = [
        ("seal", "red seal", { $0.seal }),
        // A seal on a greyscale picture shows grey: no colour test can see it (doc.greyscale reports the picture).
        ("seal_in_colour", "red seal (colour pictures only)", { $0.greyscale == true ? nil : $0.seal }),
        (FindingCode.docGreyscale.rawValue, "greyscale (doc.greyscale)", { $0.greyscale }),
        (FindingCode.glare.rawValue, "glare (doc.glare)", { $0.glare }),
        (FindingCode.docBlurry.rawValue, "blurry (doc.blurry)", { $0.blurry }),
        (FindingCode.borderCutOff.rawValue, "cut off (doc.border_cut_off)", { $0.cutOff }),
        (FindingCode.screenCapture.rawValue, "screen re-shot (doc.screen_capture)", { $0.screen }),
        (FindingCode.inkNotBlack.rawValue, "blue ink (doc.ink_not_black)", { $0.ink.map { $0 == "blue" } }),
    ]

    mutating func score(_ report: FileReport, observed: Set<String>, label: ImageLabel, path: String, rules: Rules) {
        scoreDocument(report, observed: observed, label: label, path: path)
        // A face turned aside is a face present (the frontal detector found none there).
        let faces = Int(report.measures["face_count"] ?? 0) + Int(report.measures["profile_face_count"] ?? 0)
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
            // A page or card has no backdrop, whatever the photo printed on it stands before.
            let isDocument = ["document", "id_card"].contains(report.contentKind)
            let measured = isDocument ? nil : PortraitAnalysisColour.name(report.measures, rules: backdrop)
            for name in Set(backdrop.colors.keys).union([colour]) where name != "none" {
                backdropColours[name, default: ConfusionTable(heuristic: "backdrop \(name)")]
                    .add(expected: colour == name, predicted: found && measured == name, path: path, detail: "measured \(measured ?? "none")")
            }
        }
        if let role = label.role { roleResults.append((path, role, report.role?.rawValue ?? "unknown")) }
    }

    private mutating func scoreDocument(_ report: FileReport, observed: Set<String>, label: ImageLabel, path: String) {
        let kind = report.contentKind ?? "none"
        let m = report.measures
        let detail = "content \(kind), glyphs \(Int(m["glyph_count"] ?? 0)), paper \(rounded(m["paper_fraction"] ?? 0))"
        if let expected = label.label {
            document.add(expected: expected == "document" || expected == "id_card", predicted: kind == "document" || kind == "id_card",
                         path: path, detail: detail)
        }
        if let side = label.idSide ?? (label.label.map { _ in "none" }) {
            idFront.add(expected: side == "front" || side == "both", predicted: m["id_front"] == 1, path: path, detail: "id_side \(side)")
            idBack.add(expected: side == "back" || side == "both", predicted: m["id_back"] == 1, path: path, detail: "id_side \(side)")
        }
        for condition in Self.documentConditions {
            guard let expected = condition.label(label) else { continue }
            let predicted = condition.code.hasPrefix("seal") ? (m["seal_count"] ?? 0) > 0 : observed.contains(condition.code)
            conditions[condition.code, default: ConfusionTable(heuristic: condition.name)]
                .add(expected: expected, predicted: predicted, path: path, detail: detail)
        }
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

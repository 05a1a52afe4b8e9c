package import Foundation

/// Precision and recall of the heuristics on labelled images (`icpcheck eval`).
///
/// A labels file maps image paths (relative to the file) to what a person saw in them:
/// `{"photo.jpg": {"label": "portrait", "faces_visible": 1, "plain_backdrop": true, "backdrop": "blue",
/// "role": "administrator_photo"}}`. `label` is `portrait`, `not_portrait`, `document`, `id_card` or
/// `not_document`. Documents may also carry `seal`, `greyscale`, `glare`, `blurry`, `cut_off` and
/// `screen` (true or false), `ink` (`black` or `blue`) and, for ID cards, `id_side` (`front`,
/// `back` or `both`). Every key is optional, and a heuristic is scored only on the images labelled for it.
package enum Evaluation {
    /// A labels file names a few thousand images at most.
    static let maxLabelsBytes = 64 << 20

    package static func run(labelsFile: URL, rules: Rules, jobs: Int = FileBatch.defaultJobs) async throws -> EvaluationReport {
        let data = Data(try FileReader.read(namedPath: labelsFile.path, maxBytes: maxLabelsBytes).bytes)
        let labels = try JSONDecoder().decode([String: ImageLabel].self, from: data)
        let folder = labelsFile.deletingLastPathComponent()
        let paths = labels.keys.sorted()
        let results = await FileBatch.map(paths, jobs: jobs) {
            check(folder.appendingPathComponent($0).path, shownAs: $0, rules: rules)
        }
        var tables = EvaluationTables()
        var reading = ReadingScores()
        for (path, (report, observed)) in zip(paths, results) {
            let label = labels[path]!
            tables.score(report, observed: observed, label: label, path: path, rules: rules)
            if let expected = label.reading { reading.score(
                report.reading, expected: expected, clean: label.clean == true, path: path, minNameConfidence: rules.reading.minNameConfidence) }
        }
        return EvaluationReport(images: paths.count, tables: tables.all, reading: reading.all)
    }

    /// The file as the pipeline sees an unnamed upload: role unknown, so the pixels may give one;
    /// with the codes of the document findings its pixels support whatever its role.
    /// Labelled validity periods are judged as of this day, so the scores do not change with the date.
    static let asOf = (date: Date(timeIntervalSince1970: 1_796_486_400), year: 2026)  // 2026-12-06 UTC+8

    static func check(_ path: String, shownAs name: String, rules: Rules) -> (FileReport, Set<String>) {
        let analysis = FileInspector.inspect(fileAt: path, reportedAs: name)
        let content = analysis.image.map { ContentMeasures.measure($0, cascades: .installed, rules: rules) }
        let reading = ReadingStage.read(analysis, content: content, role: .unknown, rules: rules, mode: .auto, latestBirthYear: asOf.year)
        let (report, observed) = FileJudge(rules: rules, now: asOf.date)
            .judgePixels(analysis.report, role: .unknown, editing: analysis.editing, content: content, reading: reading)
        return (report, Set(observed.map(\.code.rawValue)))
    }
}

/// What a person saw in one image.
struct ImageLabel: Codable, Sendable {
    var label: String?
    var facesVisible: Int?
    /// true, false or "mostly" (read as unsure, not scored).
    var plainBackdrop: Bool?
    var backdrop: String?
    var role: String?
    var seal: Bool?
    var greyscale: Bool?
    var glare: Bool?
    var blurry: Bool?
    var cutOff: Bool?
    var screen: Bool?
    var ink: String?
    var idSide: String?
    var reading: ExpectedReading?
    /// A clean capture: no blur, glare, photocopy, cut or tiny size (reading is scored on these apart).
    var clean: Bool?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case label, backdrop, role, seal, greyscale, glare, blurry, screen, ink, reading, clean
        case facesVisible = "faces_visible"
        case plainBackdrop = "plain_backdrop"
        case cutOff = "cut_off"
        case idSide = "id_side"
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        label = try container.decodeIfPresent(String.self, forKey: .label)
        facesVisible = try container.decodeIfPresent(Int.self, forKey: .facesVisible)
        plainBackdrop = try? container.decodeIfPresent(Bool.self, forKey: .plainBackdrop)
        backdrop = try container.decodeIfPresent(String.self, forKey: .backdrop)
        role = try container.decodeIfPresent(String.self, forKey: .role)
        seal = try container.decodeIfPresent(Bool.self, forKey: .seal)
        greyscale = try container.decodeIfPresent(Bool.self, forKey: .greyscale)
        glare = try container.decodeIfPresent(Bool.self, forKey: .glare)
        blurry = try container.decodeIfPresent(Bool.self, forKey: .blurry)
        cutOff = try container.decodeIfPresent(Bool.self, forKey: .cutOff)
        screen = try container.decodeIfPresent(Bool.self, forKey: .screen)
        ink = try container.decodeIfPresent(String.self, forKey: .ink)
        idSide = try container.decodeIfPresent(String.self, forKey: .idSide)
        reading = try container.decodeIfPresent(ExpectedReading.self, forKey: .reading)
        clean = try container.decodeIfPresent(Bool.self, forKey: .clean)
    }
}

/// A two-class confusion table with the files it got wrong.
package struct ConfusionTable: Sendable, Codable {
    package var heuristic: String
    package var truePositives = 0, falsePositives = 0, trueNegatives = 0, falseNegatives = 0
    package var misclassified: [String] = []

    package var precision: Double? { ratio(truePositives, truePositives + falsePositives) }
    package var recall: Double? { ratio(truePositives, truePositives + falseNegatives) }
    package var accuracy: Double? { ratio(truePositives + trueNegatives, truePositives + trueNegatives + falsePositives + falseNegatives) }

    mutating func add(expected: Bool, predicted: Bool, path: String, detail: String) {
        switch (expected, predicted) {
        case (true, true): truePositives += 1
        case (false, false): trueNegatives += 1
        case (false, true):
            falsePositives += 1
            misclassified.append("\(path): false positive (\(detail))")
        case (true, false):
            falseNegatives += 1
            misclassified.append("\(path): false negative (\(detail))")
        }
    }

    private func ratio(_ part: Int, _ whole: Int) -> Double? { whole > 0 ? Double(part) / Double(whole) : nil }
}

/// The confusion tables of every heuristic over a labels file.
package struct EvaluationReport: Sendable, Codable {
    package var images: Int
    package var tables: [ConfusionTable]
    package var reading: [ReadingScore]
}

/// How well the reading does on labelled pages and cards (`icpcheck eval` with `reading` labels):
/// per field, how many expected values were read right, and how many values were read that the
/// label does not have (a wrong number is the one mistake reading must never make).
package struct ReadingScore: Sendable, Codable {
    package var field: String
    /// `all`, or `clean` (the images labelled clean: no blur, glare, copy, cut or tiny size).
    package var subset: String
    package var expected = 0, right = 0, wrong = 0
    package var misses: [String] = []

    package var rate: Double? { expected > 0 ? Double(right) / Double(expected) : nil }
}

/// The expected reading of a labelled image.
struct ExpectedReading: Codable, Sendable {
    var title: String?
    var idNumbers: [String]?
    var creditCodes: [String]?
    var names: [String: String]?
    var validFrom: String?
    var validUntil: String?
    var signedOn: String?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case title, names
        case idNumbers = "id_numbers"
        case creditCodes = "credit_codes"
        case validFrom = "valid_from"
        case validUntil = "valid_until"
        case signedOn = "signed_on"
    }
}

struct ReadingScores {
    private var scores: [String: ReadingScore] = [:]
    static let fields = ["title", "id_numbers", "credit_codes", "names", "sure_names", "valid_from", "valid_until", "signed_on"]

    var all: [ReadingScore] {
        ["all", "clean"].flatMap { subset in Self.fields.compactMap { scores["\(subset) \($0)"] } }
    }

    /// - Parameter minNameConfidence: names read at least this sure are compared with the form
    ///   (`sure_names`): a wrong one there is a false `read.name_mismatch`.
    mutating func score(_ reading: Reading?, expected: ExpectedReading, clean: Bool, path: String, minNameConfidence: Double) {
        for subset in clean ? ["all", "clean"] : ["all"] {
            compare("title", subset, expected: expected.title.map { [$0] }, got: reading?.title.map { [$0.rawValue] } ?? [], path: path)
            compare("id_numbers", subset, expected: expected.idNumbers, got: reading?.idNumbers ?? [], path: path)
            compare("credit_codes", subset, expected: expected.creditCodes, got: reading?.creditCodes ?? [], path: path)
            for (key, name) in (expected.names ?? [:]).sorted(by: { $0.key < $1.key }) {
                compare("names", subset, expected: [name], got: reading?.names[key].map { [$0] } ?? [], path: "\(path) \(key)")
                let sure = (reading?.nameConfidence[key] ?? 0) >= minNameConfidence ? reading?.names[key] : nil
                compare("sure_names", subset, expected: [name], got: sure.map { [$0] } ?? [], path: "\(path) \(key)")
            }
            compare("valid_from", subset, expected: expected.validFrom.map { [$0] }, got: reading?.validFrom.map { [$0] } ?? [], path: path)
            compare("valid_until", subset, expected: expected.validUntil.map { [$0] }, got: reading?.validUntil.map { [$0] } ?? [], path: path)
            compare("signed_on", subset, expected: expected.signedOn.map { [$0] }, got: reading?.signedOn.map { [$0] } ?? [], path: path)
        }
    }

    /// Each expected value read is right; each value read that was not expected is wrong (for
    /// numbers, even where nothing was expected: the label lists every number printed legibly).
    private mutating func compare(_ field: String, _ subset: String, expected: [String]?, got: [String], path: String) {
        let isNumber = field == "id_numbers" || field == "credit_codes"
        guard expected != nil || (isNumber && !got.isEmpty) else { return }
        let wanted = expected ?? []
        var score = scores["\(subset) \(field)"] ?? ReadingScore(field: field, subset: subset)
        score.expected += wanted.count
        score.right += wanted.filter(got.contains).count
        let extra = got.filter { !wanted.contains($0) }
        score.wrong += extra.count
        if subset == "all" {
            for value in wanted where !got.contains(value) { score.misses.append("\(path): \(field) \(value) not read") }
            for value in extra { score.misses.append("\(path): \(field) read \(value), wrong") }
        }
        scores["\(subset) \(field)"] = score
    }
}

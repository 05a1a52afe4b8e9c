/// The lines Tesseract read on one page or card, in a form the field readers search: each line's
/// text without whitespace (Tesseract puts spaces between Chinese characters) and full-width
/// letters and digits folded to ASCII.
struct ReadPage: Sendable {
    struct Line: Sendable {
        var text: String
        var confidence: Double
        var box: PixelBox
    }

    var lines: [Line]

    init(_ lines: [TextLine]) {
        self.lines = lines.map { Line(text: Self.compact($0.text), confidence: $0.confidence, box: $0.box) }
            .filter { !$0.text.isEmpty }
    }

    static func compact(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.compactMap { scalar in
            if scalar.properties.isWhitespace { return nil }
            // Full-width ASCII (U+FF01–FF5E) folds to ASCII, so digits and colons read either way match.
            if (0xFF01...0xFF5E).contains(scalar.value) { return Unicode.Scalar(scalar.value - 0xFEE0) }
            return scalar
        }))
    }

    /// The value printed after the first of `labels` found at the start of a line (a short prefix
    /// of stray marks allowed): the rest of that line, or, when the label stands alone as in a
    /// table's cell, the nearest line to its right on the same row.
    func value(after labels: [String]) -> (text: String, confidence: Double, line: Line)? {
        for label in labels {
            for line in lines {
                guard let range = Self.labelRange(label, in: line.text) else { continue }
                let rest = Self.trimmingSeparators(String(line.text[range.upperBound...]))
                if !rest.isEmpty { return (rest, line.confidence, line) }
                if let beside = lineRight(of: line) { return (Self.trimmingSeparators(beside.text), beside.confidence, beside) }
            }
        }
        return nil
    }

    /// Where `label` starts a line: within its first two characters, allowing one misread
    /// character in labels of four or more, and stray marks between its characters (姓.名).
    static func labelRange(_ label: String, in text: String) -> Range<String.Index>? {
        let wanted = Array(label)
        // The line's characters that may be part of a label, with where each is.
        let kept = text.indices.filter { !isStrayMark(text[$0]) }
        guard kept.count >= wanted.count else { return nil }
        for start in 0...min(2, kept.count - wanted.count) {
            let window = kept[start..<(start + wanted.count)].map { text[$0] }
            let misses = zip(window, wanted).filter { $0 != $1 }.count
            if misses == 0 || (misses == 1 && wanted.count >= 4) {
                return kept[start]..<text.index(after: kept[start + wanted.count - 1])
            }
        }
        return nil
    }

    /// Marks Tesseract reads from specks and lines between a label's characters.
    private static func isStrayMark(_ character: Character) -> Bool {
        character.isPunctuation || character.isSymbol || "-_|".contains(character)
    }

    /// Whether any line contains `keyword` (one misread character allowed in keywords of four or more).
    func firstLine(containing keyword: String) -> Line? {
        lines.first { Self.contains(keyword, in: $0.text) }
    }

    static func contains(_ keyword: String, in text: String) -> Bool { range(of: keyword, in: text) != nil }

    /// Where `keyword` is in `text`, the first place, allowing one misread character in keywords of four or more.
    static func range(of keyword: String, in text: String) -> Range<String.Index>? {
        let characters = Array(text), wanted = Array(keyword)
        guard !wanted.isEmpty, characters.count >= wanted.count else { return nil }
        var approximate: Int?
        for start in 0...(characters.count - wanted.count) {
            var misses = 0
            for offset in 0..<wanted.count where characters[start + offset] != wanted[offset] {
                misses += 1
                if misses > 1 { break }
            }
            if misses == 0 { return range(start, wanted.count, in: text) }
            if misses == 1 && wanted.count >= 4 && approximate == nil { approximate = start }
        }
        return approximate.map { range($0, wanted.count, in: text) }
    }

    private static func range(_ start: Int, _ length: Int, in text: String) -> Range<String.Index> {
        let lower = text.index(text.startIndex, offsetBy: start)
        return lower..<text.index(lower, offsetBy: length)
    }

    /// The nearest line to the right of `line` that shares most of its height.
    private func lineRight(of line: Line) -> Line? {
        lines.filter { other in
            let overlap = min(line.box.y + line.box.height, other.box.y + other.box.height) - max(line.box.y, other.box.y)
            return other.box.x >= line.box.x + line.box.width - line.box.height / 2
                && Double(overlap) >= 0.5 * Double(min(line.box.height, other.box.height))
        }.min { $0.box.x < $1.box.x }
    }

    private static func trimmingSeparators(_ text: String) -> String {
        let separators: Set<Character> = [":", "：", ";", ".", "、", "|", "_", "-", "—", "'", "\"", ",", "，"]
        return String(text.drop { separators.contains($0) }.reversed().drop { separators.contains($0) }.reversed())
    }
}

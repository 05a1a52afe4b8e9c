/// The lines Tesseract read on one page or card, in a form the field readers search: each line's
/// text without whitespace (Tesseract puts spaces between Chinese characters) and full-width
/// letters and digits folded to ASCII.
struct ReadPage: Sendable {
    struct Line: Sendable {
        var text: String
        var confidence: Double
        var box: PixelBox
        var numberBox: PixelBox?
        var words: [ReadWord] = []
    }

    var lines: [Line]

    init(_ lines: [TextLine]) {
        self.lines = lines.map { Line(text: Self.compact($0.text), confidence: $0.confidence, box: $0.box, numberBox: $0.numberBox, words: $0.words) }
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

    /// The lines of one row of the page (boxes that share most of their height) as one line, left
    /// to right: a label and its value stand in one row even where Tesseract's layout split them
    /// into blocks. Where a wide gap separates two boxes (another column), `|` stands between them.
    static func rows(_ lines: [TextLine]) -> [TextLine] {
        var rows: [[TextLine]] = []
        for line in lines.sorted(by: { ($0.box.y, $0.box.x) < ($1.box.y, $1.box.x) }) {
            if let index = rows.firstIndex(where: { row in row.contains { sharesRow($0.box, line.box) } }) {
                rows[index].append(line)
            } else {
                rows.append([line])
            }
        }
        return rows.map { TextLine(words: $0) }
    }

    private static func sharesRow(_ a: PixelBox, _ b: PixelBox) -> Bool {
        let overlap = min(a.y + a.height, b.y + b.height) - max(a.y, b.y)
        return Double(overlap) >= 0.5 * Double(max(a.height, b.height))
    }

    /// The value printed after the first of `labels` found at the start of a line or of one of its
    /// columns (a short prefix of stray marks allowed): the rest of that column, or, when the label
    /// stands alone, the nearest line to its right on the same row.
    func value(after labels: [String]) -> (text: String, confidence: Double, line: Line)? {
        for label in labels {
            for line in lines {
                // A label spaced out (名    称) is split by column marks: matched across them at the line's start.
                if let range = Self.labelRange(label, in: line.text) {
                    let rest = Self.trimmingSeparators(String(line.text[range.upperBound...]))
                    if !rest.isEmpty { return (rest, line.confidence, line) }
                }
                var segmentStart = line.text.startIndex
                while segmentStart < line.text.endIndex {
                    let segmentEnd = line.text[segmentStart...].firstIndex(of: "|") ?? line.text.endIndex
                    let segment = String(line.text[segmentStart..<segmentEnd])
                    if let range = Self.labelRange(label, in: segment) {
                        let rest = Self.trimmingSeparators(String(segment[range.upperBound...]) + String(line.text[segmentEnd...]))
                        if !rest.isEmpty { return (rest, line.confidence, line) }
                        if let beside = lineRight(of: line) { return (Self.trimmingSeparators(beside.text), beside.confidence, beside) }
                    }
                    segmentStart = segmentEnd < line.text.endIndex ? line.text.index(after: segmentEnd) : segmentEnd
                }
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
            // A faint label's first character is often misread (站名 for 姓名): enough at the line's start.
            let firstMisread = misses == 1 && wanted.count == 2 && start == 0 && window.first != wanted.first
                && DocumentFields.isHan(window.first!)
            if misses == 0 || (misses == 1 && wanted.count >= 4) || firstMisread {
                return kept[start]..<text.index(after: kept[start + wanted.count - 1])
            }
        }
        return nil
    }

    /// Marks Tesseract reads from specks and lines between a label's characters.
    private static func isStrayMark(_ character: Character) -> Bool {
        character.isPunctuation || character.isSymbol || "-_|".contains(character)
    }

    /// Whether `text` contains `keyword` (one misread character allowed in keywords of four or more).
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
        let separators: Set<Character> = [":", "：", ";", ".", "、", "|", "_", "-", "—", "'", "\"", ",", "，", "“", "”"]
        return String(text.drop { separators.contains($0) }.reversed().drop { separators.contains($0) }.reversed())
    }
}

import Foundation

/// How text is laid out for where it goes: on a terminal, marks and labels in colour (red error,
/// yellow warning, green pass) unless `NO_COLOR` is set, and lines wrapped to its width with a
/// hanging indent; elsewhere (a file, a pipe) plain lines as they are.
struct TerminalStyle {
    enum Colour: String {
        case red = "31", yellow = "33", green = "32", dim = "2"
    }

    var colours: Bool
    /// Columns to wrap at; nil: no wrapping.
    var width: Int?

    static let plain = TerminalStyle(colours: false, width: nil)

    /// The style of standard output: see https://no-color.org for `NO_COLOR`.
    static func standardOutput(environment: [String: String] = ProcessInfo.processInfo.environment) -> TerminalStyle {
        guard isatty(1) == 1 else { return .plain }
        let columns = columns(ofDescriptor: 1) ?? Int(environment["COLUMNS"] ?? "")
        let noColour = environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        return TerminalStyle(colours: !noColour, width: columns.map { max(40, $0) })
    }

    /// The width of the terminal on a file descriptor; nil when it is none.
    static func columns(ofDescriptor descriptor: Int32) -> Int? {
        var size = winsize()
        return ioctl(descriptor, UInt(TIOCGWINSZ), &size) == 0 && size.ws_col > 0 ? Int(size.ws_col) : nil
    }

    func paint(_ text: String, _ colour: Colour?) -> String {
        guard colours, let colour, !text.isEmpty else { return text }
        return "\u{1B}[\(colour.rawValue)m\(text)\u{1B}[0m"
    }

    /// `head` (painted in `colour`) then `body`, wrapped so that continuation lines start under the
    /// body: Chinese text may break between any two characters (not before its closing
    /// punctuation), other text between words.
    func line(_ indent: String, _ head: String, _ colour: Colour?, _ body: String) -> String {
        let lead = indent + head
        let hanging = String(repeating: " ", count: Self.columns(lead))
        let available = width.map { max(10, $0 - Self.columns(lead)) }
        let wrapped = available.map { Self.wrap(body, width: $0) } ?? [body]
        let first = indent + paint(head, colour) + (wrapped.first ?? "")
        return ([first] + wrapped.dropFirst().map { hanging + $0 }).joined(separator: "\n")
    }

    /// `text` in lines of at most `width` columns (a single unit wider than that stands alone).
    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = [], current = "", currentWidth = 0
        for unit in units(text) {
            let unitWidth = columns(unit)
            if currentWidth + unitWidth > width, !current.isEmpty {
                lines.append(String(current.reversed().drop { $0 == " " }.reversed()))
                current = ""
                currentWidth = 0
                if unit.allSatisfy({ $0 == " " }) { continue }
            }
            current += unit
            currentWidth += unitWidth
        }
        if !current.isEmpty || lines.isEmpty { lines.append(current) }
        return lines
    }

    /// The pieces a line may break between: a Latin word with the spaces after it, or one wide
    /// character with any closing punctuation that follows it.
    private static func units(_ text: String) -> [String] {
        var units: [String] = []
        for character in text {
            if let last = units.last {
                let lastCharacter = last.last!
                let joinsLast = closingPunctuation.contains(character)
                    || (!isWide(character) && !isWide(lastCharacter) && !(lastCharacter == " " && character != " "))
                if joinsLast {
                    units[units.count - 1].append(character)
                    continue
                }
            }
            units.append(String(character))
        }
        return units
    }

    private static let closingPunctuation: Set<Character> = ["，", "。", "、", "；", "：", "）", "」", "』", "”", "！", "？", ",", ".", ";", ":", ")"]

    private static func isWide(_ character: Character) -> Bool {
        character.unicodeScalars.contains { isWide($0) }
    }

    private static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return (0x1100...0x115F).contains(value) || (0x2E80...0xA4CF).contains(value) || (0xAC00...0xD7A3).contains(value)
            || (0xF900...0xFAFF).contains(value) || (0xFE30...0xFE4F).contains(value) || (0xFF00...0xFF60).contains(value)
            || (0xFFE0...0xFFE6).contains(value)
    }

    /// Columns a terminal gives the text: two for each wide (East Asian) character.
    static func columns(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + (isWide($1) ? 2 : 1) }
    }
}

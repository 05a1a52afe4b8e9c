/// The rules for personal website names (ICP-REQUIREMENTS.md "Personal website names").
struct NamingRules: Codable, Sendable, Equatable {
    /// Fewest characters a name may have.
    var minLength: Int
    /// Words a name may not start with (national or place prefixes: 中国, 中华, …).
    var forbiddenPrefixes: [String]
    /// Words a name may not contain at all (enterprise words, sensitive words).
    var forbiddenWords: [String]
    /// Words that imply pre-approval or another form, refused for individuals (论坛, 新闻, …).
    var individualForbiddenWords: [String]
    /// Per province (canonical English name): the name must match one of these regular expressions.
    var provincePatterns: [String: [String]]
    enum CodingKeys: String, CodingKey { case minLength = "min_length", forbiddenPrefixes = "forbidden_prefixes", forbiddenWords = "forbidden_words", individualForbiddenWords = "individual_forbidden_words", provincePatterns = "province_patterns" }
}

/// One reason a personal website name would be refused.
struct WebsiteNameProblem: Sendable, Equatable {
    /// What is wrong with the name.
    enum Kind: String, Sendable, Equatable {
        /// Fewer characters than `NamingRules.minLength`.
        case tooShort
        /// Nothing but digits.
        case onlyDigits
        /// Nothing but Latin letters.
        case onlyLatinLetters
        /// A character other than a CJK ideograph, Latin letter, digit, space or middle dot; `word` holds them.
        case specialSymbols
        /// The name is, or contains, a domain name ("abc.com", "www.x.cn"); `word` holds it.
        case looksLikeDomain
        /// Starts with a national or place prefix; `word` is the prefix.
        case forbiddenPrefix
        /// Contains an enterprise or sensitive word; `word` is the word.
        case forbiddenWord
        /// Contains a word that implies pre-approval or another form, refused for individuals; `word` is the word.
        case impliesPreApproval
        /// The province has name patterns and the name matches none of them.
        case provincePattern
    }

    var kind: Kind
    /// The offending word, prefix, symbols or domain, where there is one.
    var word: String?

    init(kind: Kind, word: String? = nil) {
        self.kind = kind
        self.word = word
    }
}

/// Checks the name of an individual's website against the naming rules.
enum WebsiteNameCheck {
    /// Every problem with `name`, in the order of `WebsiteNameProblem.Kind`; empty when the name passes.
    ///
    /// The name is trimmed of surrounding whitespace first and its length counted in characters. Words are
    /// compared ignoring case. A province pattern matches if it is found anywhere in the name (anchor it with `^`
    /// and `$` to match the whole name); a pattern that does not compile as a regular expression never matches,
    /// so a province whose patterns all fail to compile refuses every name. Pattern keys may be any spelling
    /// `Province.named(_:)` accepts.
    static func problems(name: String, province: Province?, rules: NamingRules) -> [WebsiteNameProblem] {
        let name = trimmed(name)
        var problems: [WebsiteNameProblem] = []
        if name.count < rules.minLength { problems.append(.init(kind: .tooShort)) }

        // Spaces and middle dots separate words; they do not make "123 456" more than digits.
        let significant = name.filter { !isSeparator($0) }
        if !significant.isEmpty && significant.allSatisfy(isDigit) { problems.append(.init(kind: .onlyDigits)) }
        if !significant.isEmpty && significant.allSatisfy(isLatinLetter) {
            problems.append(.init(kind: .onlyLatinLetters))
        }

        let domain = domainName(in: name)
        // The dots of a domain are reported as the domain, not again as symbols.
        var symbols = ""
        for character in significant where !isCJK(character) && !isDigit(character) && !isLatinLetter(character) {
            if domain != nil && character == "." { continue }
            if !symbols.contains(character) { symbols.append(character) }
        }
        if !symbols.isEmpty { problems.append(.init(kind: .specialSymbols, word: symbols)) }
        if let domain { problems.append(.init(kind: .looksLikeDomain, word: domain)) }

        let lowered = name.lowercased()
        for prefix in rules.forbiddenPrefixes where !prefix.isEmpty && lowered.hasPrefix(prefix.lowercased()) {
            problems.append(.init(kind: .forbiddenPrefix, word: prefix))
        }
        for word in rules.forbiddenWords where !word.isEmpty && lowered.contains(word.lowercased()) {
            problems.append(.init(kind: .forbiddenWord, word: word))
        }
        for word in rules.individualForbiddenWords where !word.isEmpty && lowered.contains(word.lowercased()) {
            problems.append(.init(kind: .impliesPreApproval, word: word))
        }

        if let province {
            let patterns = rules.provincePatterns.filter { Province.named($0.key) == province }.values.flatMap { $0 }
            if !patterns.isEmpty && !patterns.contains(where: { matches(name, pattern: $0) }) {
                problems.append(.init(kind: .provincePattern))
            }
        }
        return problems
    }

    private static func matches(_ name: String, pattern: String) -> Bool {
        guard let regex = try? Regex(pattern) else { return false }
        return name.contains(regex)
    }

    /// The first run of Latin letters, digits and hyphens with dots that ends in a top-level domain of letters.
    private static func domainName(in name: String) -> String? {
        guard let regex = try? Regex("(?i)[a-z0-9-]+(\\.[a-z0-9-]+)*\\.[a-z]{2,}"),
            let match = name.firstMatch(of: regex)
        else { return nil }
        return String(name[match.range])
    }

    private static func isSeparator(_ character: Character) -> Bool {
        // Space, ideographic space, middle dot and katakana middle dot (used in transliterated names).
        [" ", "\u{3000}", "\u{00B7}", "\u{30FB}"].contains(character)
    }

    /// ASCII and full-width digits; not 一, 二, … which Unicode also counts as numbers.
    private static func isDigit(_ character: Character) -> Bool {
        guard let scalar = character.unicodeScalars.first, character.unicodeScalars.count == 1 else { return false }
        return (0x30...0x39).contains(scalar.value) || (0xFF10...0xFF19).contains(scalar.value)
    }

    /// ASCII and full-width Latin letters.
    private static func isLatinLetter(_ character: Character) -> Bool {
        guard let scalar = character.unicodeScalars.first, character.unicodeScalars.count == 1 else { return false }
        let ranges: [ClosedRange<UInt32>] = [0x41...0x5A, 0x61...0x7A, 0xFF21...0xFF3A, 0xFF41...0xFF5A]
        return ranges.contains { $0.contains(scalar.value) }
    }

    /// CJK unified ideographs (basic, extensions A–G, compatibility) and 〇.
    private static func isCJK(_ character: Character) -> Bool {
        guard let scalar = character.unicodeScalars.first, character.unicodeScalars.count == 1 else { return false }
        let ranges: [ClosedRange<UInt32>] = [
            0x3007...0x3007, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF,
            0x20000...0x2A6DF, 0x2A700...0x2EBEF, 0x2F800...0x2FA1F, 0x30000...0x3134F,
        ]
        return ranges.contains { $0.contains(scalar.value) }
    }

    private static func trimmed(_ text: String) -> String {
        let start = text.firstIndex { !$0.isWhitespace } ?? text.endIndex
        let end = text.lastIndex { !$0.isWhitespace }.map { text.index(after: $0) } ?? start
        return String(text[start..<end])
    }
}

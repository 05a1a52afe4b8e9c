/// Roles from file names: English, Chinese and pinyin keywords from the rules.
struct RoleNaming: Sendable {
    /// What a file name says: a role, or an ID card with its side when the name gives one.
    enum Guess: Sendable, Equatable {
        case role(MaterialRole)
        case idCard(front: Bool?)
    }

    let roleKeywords: [RoleKeywords]
    let sideKeywords: [String: [String]]

    init(rules: Rules) {
        roleKeywords = rules.roleKeywords
        sideKeywords = rules.idSideKeywords
    }

    /// The guess for a file name (extension and folders ignored); nil when no keyword matches.
    func guess(fileName: String) -> Guess? {
        let name = Self.stem(fileName).lowercased()
        let words = Self.latinWords(name)
        let side = self.side(name, words)
        for entry in roleKeywords where entry.keywords.contains(where: { Self.matches($0, name, words) }) {
            if entry.role == "id_card" { return side.map(\.guess) ?? .idCard(front: nil) }
            if let role = MaterialRole(rawValue: entry.role) { return .role(role) }
        }
        // "front.jpg" and "背面.png" are ID card sides even without an ID keyword.
        return side?.guess
    }

    /// What a name says of an ID card's sides.
    private enum Side {
        case front, back, both

        var guess: Guess {
            switch self {
            case .front: .idCard(front: true)
            case .back: .idCard(front: false)
            case .both: .role(.idCardBothSides)
            }
        }
    }

    /// Both sides where the name says so (正反面, whose 反面 alone would say the back) or names each side.
    private func side(_ name: String, _ words: Set<String>) -> Side? {
        let says = { (side: String) in self.sideKeywords[side]?.contains { Self.matches($0, name, words) } == true }
        switch (says("both"), says("front"), says("back")) {
        case (true, _, _), (false, true, true): return .both
        case (false, true, false): return .front
        case (false, false, true): return .back
        case (false, false, false): return nil
        }
    }

    /// Short Latin keywords (pinyin abbreviations such as `sfz`) match whole words only, so that
    /// `id` does not match inside `video`; the others match anywhere.
    static func matches(_ keyword: String, _ name: String, _ words: Set<String>) -> Bool {
        let keyword = keyword.lowercased()
        if keyword.count <= 4 && keyword.allSatisfy({ $0.isASCII && $0.isLetter }) { return words.contains(keyword) }
        return name.contains(keyword)
    }

    /// Runs of Latin letters; digits, punctuation and Chinese characters separate them.
    static func latinWords(_ name: String) -> Set<String> {
        Set(name.split { !($0.isASCII && $0.isLetter) }.map(String.init))
    }

    /// The last path component without its extension.
    static func stem(_ path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return name }
        return String(name[..<dot])
    }
}

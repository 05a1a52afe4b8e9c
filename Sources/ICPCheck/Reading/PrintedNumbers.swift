/// The identity numbers in a line of read text: runs of exactly 18 number-like characters whose
/// check characters are right and whose structure is possible. A number read wrongly almost
/// always fails its check character, so what passes is taken as printed; what fails is dropped.
enum PrintedNumbers {
    enum Kind: Sendable {
        /// Resident ID number, GB 11643: 17 digits and `0-9X`.
        case residentID
        /// Unified social credit code, GB 32100: 18 of `0-9A-HJ-NP-RTUWXY`.
        case creditCode

        /// The characters Tesseract may read when it reads only this kind of number.
        var alphabet: String {
            switch self {
            case .residentID: "0123456789X"
            case .creditCode: "0123456789ABCDEFGHJKLMNPQRTUWXY"
            }
        }
    }

    /// The numbers of `kind` in `text` (whitespace is ignored, since Tesseract often splits a long
    /// number); a run of number-like characters longer than 18 holds none, as it may be two numbers.
    /// - Parameter latestBirthYear: an ID number born after this year was read wrongly.
    static func find(_ kind: Kind, in text: String, latestBirthYear: Int) -> [String] {
        var found: [String] = []
        for run in runs(of: kind, in: text) where run.count == 18 {
            let number = String(run)
            if isPlausible(number, kind: kind, latestBirthYear: latestBirthYear), !found.contains(number) { found.append(number) }
        }
        return found
    }

    /// The numbers of `kind` that a run of 19 characters in `text` gives with one of them taken out
    /// (a narrow glyph read twice, a speck read as a digit): candidates only, to be taken where
    /// another read of the same line gives the same number.
    static func repaired(_ kind: Kind, in text: String, latestBirthYear: Int) -> [String] {
        var found: [String] = []
        for run in runs(of: kind, in: text) where run.count == 19 {
            for index in run.indices {
                var shorter = run
                shorter.remove(at: index)
                let number = String(shorter)
                if isPlausible(number, kind: kind, latestBirthYear: latestBirthYear), !found.contains(number) { found.append(number) }
            }
        }
        return found
    }

    /// The runs of `kind`'s characters in `text` as long as a number or one longer (18 or 19), as read.
    static func numberRuns(_ kind: Kind, in text: String) -> [String] {
        runs(of: kind, in: text).filter { (18...19).contains($0.count) }.map { String($0) }
    }

    /// Whether the organisation code inside a credit code (characters 9–17, GB 11714) has its own
    /// check character right: a second check, so a code read once is trusted only with both.
    static func hasOrganisationCheck(_ code: String) -> Bool {
        let characters = Array(code)
        guard characters.count == 18 else { return false }
        let weights = [3, 7, 9, 10, 5, 8, 4, 2]
        var sum = 0
        for (character, weight) in zip(characters[8..<16], weights) {
            // Digits are their value; letters A–Z are 10–35.
            guard let value = character.isNumber ? character.wholeNumberValue
                    : character.asciiValue.map({ Int($0) - 55 }), (0...35).contains(value) else { return false }
            sum += value * weight
        }
        let check = (11 - sum % 11) % 11
        return characters[16] == (check == 10 ? "X" : Character(String(check)))
    }

    /// Whether `number` passes its check characters and its structure.
    static func isPlausible(_ number: String, kind: Kind, latestBirthYear: Int) -> Bool {
        let characters = Array(number)
        guard characters.count == 18 else { return false }
        switch kind {
        case .residentID:
            // The first two digits are a province (11–15, 21–23, 31–37, 41–46, 50–54, 61–65, 71, 81–83).
            guard CheckCharacters.isValidResidentID(number), let province = Int(String(characters[0...1])),
                  let city = Int(String(characters[2...3])), let county = Int(String(characters[4...5])),
                  provinceCodes.contains(province), let year = Int(String(characters[6...9])), year <= latestBirthYear
            else { return false }
            // GB/T 2260: a municipality's second level is 01–03; a province's prefectures are numbered
            // from 01 (at most a few dozen), 90 for the counties it governs itself; counties from 01.
            let municipalities: Set<Int> = [11, 12, 31, 50]
            let cityPossible = municipalities.contains(province) ? (1...3).contains(city) : ((1...40).contains(city) || city == 90)
            return cityPossible && county >= 1
        case .creditCode:
            // The registering authority (1–9, A, N, Y), the kind of body (a digit) and a six-digit region code.
            guard CheckCharacters.isValidCreditCode(number), "123456789ANY".contains(characters[0]),
                  characters[1...7].allSatisfy({ $0.isASCII && $0.isNumber })
            else { return false }
            return true
        }
    }

    private static let provinceCodes: Set<Int> = Set(Array(11...15) + Array(21...23) + Array(31...37) + Array(41...46)
        + Array(50...54) + Array(61...65) + [71, 81, 82, 83])

    /// Maximal runs of characters that may be part of a number of `kind`, with the look-alikes
    /// Tesseract gives for them mapped back (`O` for 0, `l` for 1, full-width digits, `×` for X).
    private static func runs(of kind: Kind, in text: String) -> [[Character]] {
        var runs: [[Character]] = []
        var current: [Character] = []
        for character in text where !character.isWhitespace {
            if let mapped = numberCharacter(character, kind: kind) {
                current.append(mapped)
            } else if !current.isEmpty {
                runs.append(current)
                current = []
            }
        }
        if !current.isEmpty { runs.append(current) }
        return runs
    }

    private static func numberCharacter(_ character: Character, kind: Kind) -> Character? {
        var folded = character
        if let scalar = character.unicodeScalars.first, character.unicodeScalars.count == 1,
           (0xFF10...0xFF5A).contains(scalar.value) {
            // Full-width digits and letters.
            folded = Character(Unicode.Scalar(scalar.value - 0xFEE0)!)
        }
        let upper = Character(folded.uppercased())
        // Q is a credit code's own character; only in an ID number is it a misread 0.
        if let mapped = lookAlikes[upper], !(kind == .creditCode && upper == "Q") { return mapped }
        if upper.isASCII, upper.isNumber { return upper }
        switch kind {
        case .residentID: return upper == "X" ? "X" : nil
        case .creditCode: return kind.alphabet.contains(upper) ? upper : nil
        }
    }

    /// Letters never printed in these numbers, read for the digits they resemble.
    private static let lookAlikes: [Character: Character] = [
        "O": "0", "Q": "0", "I": "1", "!": "1", "Z": "2", "S": "5", "×": "X", "Ⅹ": "X",
    ]
}

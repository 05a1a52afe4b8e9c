/// Check-character validation of the identity numbers typed into a filing form.
///
/// A number that fails here was mistyped or invented; reviewers reject it before looking at any image.
enum CheckCharacters {
    /// The 31 characters of a unified social credit code; I, O, Z, S and V are left out so they are not misread.
    private static let creditCodeAlphabet = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")
    private static let creditCodeWeights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
    private static let residentIDWeights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    private static let residentIDCheckCharacters = Array("10X98765432")

    /// Whether `code` is an 18-character unified social credit code (统一社会信用代码, GB 32100-2015)
    /// whose last character is the right check character.
    ///
    /// Lower-case letters and surrounding whitespace are accepted, as people type them into forms.
    static func isValidCreditCode(_ code: String) -> Bool {
        let characters = Array(trimmed(code).uppercased())
        guard characters.count == 18 else { return false }
        var values: [Int] = []
        for character in characters {
            guard let value = creditCodeAlphabet.firstIndex(of: character) else { return false }
            values.append(value)
        }
        let sum = zip(values, creditCodeWeights).reduce(0) { $0 + $1.0 * $1.1 }
        // 31 − 0 would be 31, which the alphabet has no character for: it stands for 0.
        let check = (31 - sum % 31) % 31
        return values[17] == check
    }

    /// Whether `number` is an 18-character resident identity number (居民身份号码, GB 11643-1999):
    /// 17 digits holding a real birth date, then the ISO 7064 MOD 11-2 check character (a digit or X).
    ///
    /// A lower-case x and surrounding whitespace are accepted.
    static func isValidResidentID(_ number: String) -> Bool {
        let characters = Array(trimmed(number).uppercased())
        guard characters.count == 18 else { return false }
        var digits: [Int] = []
        for character in characters.prefix(17) {
            guard character.isASCII, let digit = character.wholeNumberValue else { return false }
            digits.append(digit)
        }
        // Characters 7–14 are the birth date, YYYYMMDD.
        let year = decimal(digits[6..<10])
        let month = decimal(digits[10..<12])
        let day = decimal(digits[12..<14])
        guard isDate(year: year, month: month, day: day) else { return false }
        let sum = zip(digits, residentIDWeights).reduce(0) { $0 + $1.0 * $1.1 }
        return characters[17] == residentIDCheckCharacters[sum % 11]
    }

    /// A calendar date of the Gregorian calendar between 1900 and 2100, leap years included.
    static func isDate(year: Int, month: Int, day: Int) -> Bool {
        guard (1900...2100).contains(year), (1...12).contains(month), day >= 1 else { return false }
        let isLeapYear = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let daysInMonth = [31, isLeapYear ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return day <= daysInMonth[month - 1]
    }

    private static func decimal(_ digits: ArraySlice<Int>) -> Int {
        digits.reduce(0) { $0 * 10 + $1 }
    }

    private static func trimmed(_ text: String) -> Substring {
        let start = text.firstIndex { !$0.isWhitespace } ?? text.endIndex
        let end = text.lastIndex { !$0.isWhitespace }.map { text.index(after: $0) } ?? start
        return text[start..<end]
    }
}

/// The fields of a read page: its title, names and validity period, found by the printed titles
/// and field labels of Chinese licences, ID cards, statements and domain certificates.
enum DocumentFields {
    /// Title keywords, each with the document it names. When several are on the page, the one
    /// printed largest is the title (a statement's table may mention 营业执照 as a kind of document).
    private static let titleKeywords: [(String, DocumentTitle)] = [
        ("营业执照", .businessLicence),
        ("真实性核验单", .authenticityStatement), ("核验单", .authenticityStatement),
        ("承诺书", .commitmentLetter),
        ("域名注册证书", .domainCertificate), ("域名证书", .domainCertificate),
        // A registrar's real-name page, uploaded as a screenshot (域名实名认证信息).
        ("域名实名", .domainCertificate),
        ("授权委托书", .authorizationLetter), ("授权书", .authorizationLetter),
    ]
    /// The labels of each ID card side (the cards have no title of their own on the front).
    private static let frontLabels = ["公民身份号码", "公民身份号", "姓名", "住址", "出生", "民族"]
    private static let backLabels = ["签发机关", "有效期限", "居民身份证"]
    /// Fields of a business licence (SAMR's 2019 layout, companies' and sole traders'), printed on no
    /// other document an application holds.
    private static let licenceLabels = ["经营范围", "注册资本", "成立日期", "营业期限", "组成形式", "经营场所", "登记机关"]

    /// The first characters of each title keyword: a line's head with one of them is read whole.
    static let titleStarts = ["营业", "网站备案", "真实性", "核验", "承诺", "域名", "授权", "居民身份"]

    /// Every label a field is found by, so the reader knows which lines to read whole.
    static let allLabels = frontLabels + backLabels + ["名称", "企业名称", "单位名称", "主办单位名称", "主办者名称", "网站负责人",
        "负责人姓名", "域名持有者", "注册所有人", "域名所有者", "持有者", "所有者", "注册者", "注册人", "营业期限", "有效期", "注册日期",
        "注册时间", "到期日期", "到期时间", "过期时间", "证件号码", "法定代表人"] + signingLabels

    /// The document a page's title says it is, or, for an ID card, its labels (on lines read at
    /// least `labelConfidence` sure: a page of noise read as text has label-like words too).
    static func title(of page: ReadPage, labelConfidence: Double = 0) -> DocumentTitle? {
        // A title stands alone in its column (营业执照（副本）, 网站备案承诺书); the same word in a
        // sentence or a field (营业执照（统一社会信用代码）) says less. Then the taller print wins.
        var best: (title: DocumentTitle, alone: Bool, height: Int)?
        for (keyword, title) in titleKeywords {
            for line in page.lines {
                for segment in line.text.split(separator: "|") where ReadPage.contains(keyword, in: String(segment)) {
                    let alone = segment.filter { isHan($0) || $0.isLetter || $0.isNumber }.count <= 2 * keyword.count + 2
                    if best == nil || (alone ? 1 : 0, line.box.height) > (best!.alone ? 1 : 0, best!.height) { best = (title, alone, line.box.height) }
                }
            }
        }
        if let best { return best.title }
        // A card's labels head their lines or columns; the same words inside a sentence (本人…居民身份证号码) are no card's.
        let startsColumn = { (label: String) in
            page.lines.contains { line in
                line.confidence >= labelConfidence && line.text.split(separator: "|").contains { ReadPage.labelRange(label, in: String($0)) != nil }
            }
        }
        // A licence whose large title was not read (Tesseract's layout can take big, spaced-out print
        // for a picture): two of the fields only a licence prints.
        if licenceLabels.filter(startsColumn).count >= 2 { return .businessLicence }
        let front = frontLabels.filter(startsColumn).count
        let back = backLabels.filter(startsColumn).count
        // Two labels of one side and none of the other: a card seen alone (a sheet of both sides has no one title).
        if front >= 2 && back == 0 { return .idCardFront }
        if back >= 2 && front == 0 { return .idCardBack }
        if front >= 1 && back == 0 && startsColumn("公民身份号码") { return .idCardFront }
        // A title printed large and spaced out (营  业  执  照) is often read in part: on the page's
        // tallest lines, half of a keyword's characters in order is enough. Weaker evidence than
        // labels (a card back's 居民身份证书… has half of 域名证书), so it comes last.
        let heights = page.lines.map(\.box.height).sorted()
        if let median = heights.isEmpty ? nil : heights[heights.count / 2] {
            for line in page.lines where Double(line.box.height) >= 1.5 * Double(median) {
                // The keyword most of whose characters the line has within a stretch twice the
                // keyword's length: a title's characters stand together; the same few scattered along
                // a line of fields (名…注册) are none.
                let text = Array(line.text)
                let scored = titleKeywords.filter { $0.0.count >= 3 }.map { keyword, title in
                    let span = 2 * keyword.count
                    let found = stride(from: 0, to: max(1, text.count - span + 1), by: 1).map { start in
                        commonSubsequence(Array(keyword), Array(text[start..<min(text.count, start + span)]))
                    }.max() ?? 0
                    return (title, Double(found) / Double(keyword.count))
                }
                if let best = scored.max(by: { $0.1 < $1.1 }), best.1 >= 0.5 { return best.0 }
            }
        }
        return nil
    }

    /// The length of the longest common subsequence of two short strings.
    static func commonSubsequence(_ a: [Character], _ b: [Character]) -> Int {
        var previous = [Int](repeating: 0, count: b.count + 1)
        for x in a {
            var current = [Int](repeating: 0, count: b.count + 1)
            for (j, y) in b.enumerated() { current[j + 1] = x == y ? previous[j] + 1 : max(previous[j + 1], current[j]) }
            previous = current
        }
        return previous[b.count]
    }

    /// Names by their labels: an ID card's 姓名, a licence's 名称, a statement's sponsor and
    /// administrator, a domain certificate's holder. Each with how sure it was read (`confidence(of:on:)`).
    static func names(on page: ReadPage, title: DocumentTitle?) -> [String: (String, Double)] {
        var names: [String: (String, Double)] = [:]
        let personLabels = ["姓名"]
        let subjectLabels: [String]
        switch title {
        case .domainCertificate: subjectLabels = ["域名持有者", "注册所有人", "域名所有者", "持有者", "所有者", "注册者", "注册人"]
        case .authenticityStatement, .commitmentLetter: subjectLabels = ["主办单位名称", "主办者名称", "单位名称"]
        default: subjectLabels = ["名称", "企业名称", "单位名称"]
        }
        if title == .idCardFront || title == nil, let value = page.value(after: personLabels), let name = personName(value.text) {
            names["holder"] = (name, confidence(of: name, on: value.line))
        } else if title == .idCardFront, let holder = unlabelledHolder(on: page) {
            names["holder"] = holder
        }
        if title != .idCardFront && title != .idCardBack, let value = page.value(after: subjectLabels), let name = subjectName(value.text) {
            names["subject"] = (name, confidence(of: name, on: value.line))
        }
        if title == .authenticityStatement || title == .commitmentLetter,
           let value = page.value(after: ["网站负责人姓名", "负责人姓名", "网站负责人"]), let name = personName(value.text) {
            names["administrator"] = (name, confidence(of: name, on: value.line))
        }
        return names
    }

    /// An ID card front's name where its faint 姓名 label was not read: in the first row with
    /// Chinese text, the last column that is a name of two or three characters (junk read beside
    /// it, at the portrait's edge, is none), with no digits (an address's last line, 12号楼, where
    /// glare hid the rows above).
    static func unlabelledHolder(on page: ReadPage) -> (String, Double)? {
        guard let row = page.lines.first(where: { $0.text.contains(where: isHan) }) else { return nil }
        for column in row.text.split(separator: "|").reversed() where !column.contains(where: { $0.isASCII && $0.isNumber }) {
            guard let name = personName(String(column)), name.count <= 3,
                  // Not a label read as a name (民族满 from 民族 满).
                  !(frontLabels + ["性别", "民族"]).contains(where: { label in
                      label.count == 2 ? label.allSatisfy(name.contains) : ReadPage.contains(label, in: name)
                  })
            else { continue }
            return (name, confidence(of: name, on: row))
        }
        return nil
    }

    /// How sure a name was read: as sure as its least sure word (one character misread makes
    /// another name, and Tesseract is unsure of that word while the line's mean stays high), over
    /// the words of its line that hold any of its characters; the line's confidence where none does.
    static func confidence(of name: String, on line: ReadPage.Line) -> Double {
        let characters = Set(name.filter(isHan))
        let own = line.words.filter { word in word.text.contains { isHan($0) && characters.contains($0) } }
        return own.map(\.confidence).min() ?? line.confidence
    }

    /// The labels of a validity period: its line holds dates, never a number.
    static let validityLabels = ["有效期限", "营业期限", "有效期"]

    /// The validity period by its label: an ID card back's 有效期限, a licence's 营业期限, a domain's
    /// registration and expiry dates.
    static func validity(on page: ReadPage, title: DocumentTitle?) -> (from: String?, until: String?, confidence: Double)? {
        if title == .domainCertificate {
            let from = page.value(after: ["注册日期", "注册时间"])
            let until = page.value(after: ["到期日期", "到期时间", "有效期至", "过期时间"])
            let start = from.flatMap { ValidityDates.dates(in: $0.text).first }
            let end = until.flatMap { ValidityDates.dates(in: $0.text).first }
            guard start != nil || end != nil else { return nil }
            return (start, end, min(from?.confidence ?? 1, until?.confidence ?? 1))
        }
        guard let value = page.value(after: validityLabels) else { return nil }
        let period = ValidityDates.period(in: value.text)
        guard period.from != nil || period.until != nil else { return nil }
        return (period.from, period.until, value.confidence)
    }

    /// Letters whose date says how fresh they are: providers take them dated within three months.
    static let datedLetters: Set<DocumentTitle> = [.authenticityStatement, .commitmentLetter, .authorizationLetter]
    /// The labels of a letter's date, where it has one.
    static let signingLabels = ["签署日期", "填表日期", "签字日期", "日期"]

    /// The day a statement or letter was signed: the date after its label, else the last date on
    /// the page outside a validity period (a letter ends with its date under the signature).
    static func signedOn(on page: ReadPage, title: DocumentTitle?) -> (date: String, confidence: Double)? {
        guard let title, datedLetters.contains(title) else { return nil }
        if let value = page.value(after: signingLabels), let date = ValidityDates.dates(in: value.text).last {
            return (date, value.confidence)
        }
        let dated = page.lines.compactMap { line -> (y: Int, date: String, confidence: Double)? in
            guard !validityLabels.contains(where: { ReadPage.contains($0, in: line.text) }),
                  let date = ValidityDates.dates(in: line.text).last else { return nil }
            return (line.box.y, date, line.confidence)
        }
        guard let last = dated.max(by: { $0.y < $1.y }) else { return nil }
        return (last.date, last.confidence)
    }

    /// A person's name: two to five Chinese characters (a middle dot allowed, as in minority names),
    /// the first run of them in the value.
    static func personName(_ text: String) -> String? {
        let run = text.drop { !isHan($0) }.prefix { isHan($0) || $0 == "·" }
        return (2...5).contains(run.count) ? String(run) : nil
    }

    /// An organisation's or person's name as printed: Chinese characters, Latin letters, digits and
    /// brackets, up to the first other mark.
    static func subjectName(_ text: String) -> String? {
        // Tesseract reads a bracket as any of these; names print full-width ones.
        let brackets: [Character: Character] = ["(": "（", ")": "）", "（": "（", "）": "）", "〈": "（", "〉": "）", "《": "（", "》": "）"]
        let run = text.prefix { isHan($0) || ($0.isASCII && ($0.isLetter || $0.isNumber)) || brackets[$0] != nil || "·&".contains($0) }
        return run.filter(isHan).count >= 2 ? String(run.map { brackets[$0] ?? $0 }) : nil
    }

    static func isHan(_ character: Character) -> Bool {
        guard let scalar = character.unicodeScalars.first, character.unicodeScalars.count == 1 else { return false }
        return (0x4E00...0x9FFF).contains(scalar.value) || (0x3400...0x4DBF).contains(scalar.value)
    }
}

/// Dates as Chinese documents print them: 2016.05.20, 2016-05-20, 2016年05月20日, 20160520, and
/// 长期 (long term).
enum ValidityDates {
    /// A period "FROM-UNTIL" or "FROM至UNTIL", UNTIL possibly 长期.
    static func period(in text: String) -> (from: String?, until: String?) {
        let dates = dates(in: text)
        let longTerm = text.contains("长期")
        if dates.count >= 2 { return (dates[0], dates[1]) }
        if longTerm { return (dates.first, Reading.longTerm) }
        return (dates.first, nil)
    }

    /// Every date in the text, as `YYYY-MM-DD`, in order.
    static func dates(in text: String) -> [String] {
        // Groups of digits, with what separates them.
        var groups: [String] = []
        var current = ""
        for character in text {
            if character.isASCII, character.isNumber { current.append(character) } else if !current.isEmpty {
                groups.append(current)
                current = ""
            }
        }
        if !current.isEmpty { groups.append(current) }
        var dates: [String] = []
        var index = 0
        while index < groups.count {
            let group = groups[index]
            if group.count == 8, let date = date(String(group.prefix(4)), String(group.dropFirst(4).prefix(2)), String(group.suffix(2))) {
                dates.append(date)
                index += 1
            } else if group.count == 4, index + 2 < groups.count, (1...2).contains(groups[index + 1].count),
                      let date = date(group, groups[index + 1], Self.day(groups[index + 2])) {
                dates.append(date)
                index += 3
            } else if group.count == 4, index + 1 < groups.count, groups[index + 1].count == 4,
                      let date = date(group, String(groups[index + 1].prefix(2)), String(groups[index + 1].suffix(2))) {
                // 2016.0520, when a dot between month and day was lost.
                dates.append(date)
                index += 2
            } else {
                index += 1
            }
        }
        return dates
    }

    /// A day's digits: one or two, or the first two of a longer group where a time follows the
    /// date with its space lost (2026-06-1904:12:39).
    private static func day(_ group: String) -> String {
        group.count == 4 ? String(group.prefix(2)) : group
    }

    private static func date(_ year: String, _ month: String, _ day: String) -> String? {
        guard let y = Int(year), let m = Int(month), let d = Int(day), (1...2).contains(day.count),
              CheckCharacters.isDate(year: y, month: m, day: d), (1949...2099).contains(y) else { return nil }
        return "\(y)-\(m < 10 ? "0" : "")\(m)-\(d < 10 ? "0" : "")\(d)"
    }
}

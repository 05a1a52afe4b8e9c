/// One of the 34 provincial-level divisions of China, as named in forms, addresses and the rules document.
///
/// Encoded as its canonical English name; decoding accepts any spelling `named(_:)` accepts.
struct Province: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The canonical English name, as ICP-REQUIREMENTS.md and the rules document spell it ("Inner Mongolia").
    let name: String
    /// The Chinese short name (内蒙古).
    let shortName: String
    /// The Chinese full name (内蒙古自治区).
    let fullName: String
    /// Other spellings seen in forms: pinyin and ethnic-group forms ("Neimenggu", "Guangxi Zhuang").
    let aliases: [String]

    var description: String { name }

    private init(_ name: String, _ shortName: String, _ fullName: String, aliases: [String] = []) {
        self.name = name
        self.shortName = shortName
        self.fullName = fullName
        self.aliases = aliases
    }

    /// All 34: 23 provinces (Taiwan included), 4 municipalities, 5 autonomous regions, Hong Kong and Macau.
    static let all: [Province] = [
        Province("Beijing", "北京", "北京市"),
        Province("Tianjin", "天津", "天津市"),
        Province("Hebei", "河北", "河北省"),
        Province("Shanxi", "山西", "山西省"),
        Province("Inner Mongolia", "内蒙古", "内蒙古自治区", aliases: ["InnerMongolia", "Neimenggu", "Nei Mongol"]),
        Province("Liaoning", "辽宁", "辽宁省"),
        Province("Jilin", "吉林", "吉林省"),
        Province("Heilongjiang", "黑龙江", "黑龙江省"),
        Province("Shanghai", "上海", "上海市"),
        Province("Jiangsu", "江苏", "江苏省"),
        Province("Zhejiang", "浙江", "浙江省"),
        Province("Anhui", "安徽", "安徽省"),
        Province("Fujian", "福建", "福建省"),
        Province("Jiangxi", "江西", "江西省"),
        Province("Shandong", "山东", "山东省"),
        Province("Henan", "河南", "河南省"),
        Province("Hubei", "湖北", "湖北省"),
        Province("Hunan", "湖南", "湖南省"),
        Province("Guangdong", "广东", "广东省"),
        Province("Guangxi", "广西", "广西壮族自治区", aliases: ["Guangxi Zhuang"]),
        Province("Hainan", "海南", "海南省"),
        Province("Chongqing", "重庆", "重庆市"),
        Province("Sichuan", "四川", "四川省"),
        Province("Guizhou", "贵州", "贵州省"),
        Province("Yunnan", "云南", "云南省"),
        Province("Tibet", "西藏", "西藏自治区", aliases: ["Xizang"]),
        Province("Shaanxi", "陕西", "陕西省"),
        Province("Gansu", "甘肃", "甘肃省"),
        Province("Qinghai", "青海", "青海省"),
        Province("Ningxia", "宁夏", "宁夏回族自治区", aliases: ["Ningxia Hui"]),
        Province("Xinjiang", "新疆", "新疆维吾尔自治区", aliases: ["Xinjiang Uygur", "Xinjiang Uyghur"]),
        Province("Hong Kong", "香港", "香港特别行政区", aliases: ["Hongkong", "Xianggang"]),
        Province("Macau", "澳门", "澳门特别行政区", aliases: ["Macao", "Aomen"]),
        Province("Taiwan", "台湾", "台湾省"),
    ]

    /// Provincial capitals and large cities, for addresses that start with the city (杭州市西湖区…).
    ///
    /// Pinyin is ambiguous for a few (Fuzhou is also 抚州 in Jiangxi, Suzhou also 宿州 in Anhui): the larger city
    /// wins.
    private static let cities: [(chinese: String, english: String, province: String)] = [
        ("石家庄", "Shijiazhuang", "Hebei"), ("太原", "Taiyuan", "Shanxi"), ("呼和浩特", "Hohhot", "Inner Mongolia"),
        ("沈阳", "Shenyang", "Liaoning"), ("大连", "Dalian", "Liaoning"), ("长春", "Changchun", "Jilin"),
        ("哈尔滨", "Harbin", "Heilongjiang"), ("南京", "Nanjing", "Jiangsu"), ("苏州", "Suzhou", "Jiangsu"),
        ("无锡", "Wuxi", "Jiangsu"), ("杭州", "Hangzhou", "Zhejiang"), ("宁波", "Ningbo", "Zhejiang"),
        ("合肥", "Hefei", "Anhui"), ("福州", "Fuzhou", "Fujian"), ("厦门", "Xiamen", "Fujian"),
        ("南昌", "Nanchang", "Jiangxi"), ("济南", "Jinan", "Shandong"), ("青岛", "Qingdao", "Shandong"),
        ("郑州", "Zhengzhou", "Henan"), ("武汉", "Wuhan", "Hubei"), ("长沙", "Changsha", "Hunan"),
        ("广州", "Guangzhou", "Guangdong"), ("深圳", "Shenzhen", "Guangdong"), ("东莞", "Dongguan", "Guangdong"),
        ("佛山", "Foshan", "Guangdong"), ("南宁", "Nanning", "Guangxi"), ("海口", "Haikou", "Hainan"),
        ("成都", "Chengdu", "Sichuan"), ("贵阳", "Guiyang", "Guizhou"), ("昆明", "Kunming", "Yunnan"),
        ("拉萨", "Lhasa", "Tibet"), ("西安", "Xi'an", "Shaanxi"), ("兰州", "Lanzhou", "Gansu"),
        ("西宁", "Xining", "Qinghai"), ("银川", "Yinchuan", "Ningxia"), ("乌鲁木齐", "Urumqi", "Xinjiang"),
        ("台北", "Taipei", "Taiwan"),
    ]

    /// Every accepted spelling, normalised by `key(_:)`.
    private static let byKey: [String: Province] = {
        var table: [String: Province] = [:]
        for province in all {
            for form in [province.name, province.shortName, province.fullName] + province.aliases {
                table[key(form)] = province
            }
        }
        return table
    }()

    /// English words that follow a name in a form without changing which province it is.
    private static let englishSuffixes = ["province", "municipality", "autonomousregion",
                                          "specialadministrativeregion", "sar", "city"]

    /// The province a form's region field names, in English, Chinese or pinyin, ignoring case and spaces.
    static func named(_ text: String) -> Province? {
        let normalised = key(text)
        if let province = byKey[normalised] { return province }
        for suffix in englishSuffixes where normalised.hasSuffix(suffix) {
            if let province = byKey[String(normalised.dropLast(suffix.count))] { return province }
        }
        return nil
    }

    /// The province an address is in, or nil when it names neither a province nor a known city.
    ///
    /// Chinese addresses are read from the start (浙江省杭州市…, 浙江杭州…, 杭州市…), because a province name later on
    /// is usually a street (南京市山西路); a full name (浙江省) is also found further in. English addresses are
    /// read word by word and the last province named wins, as they run from street to country.
    static func find(inAddress address: String) -> Province? {
        let compact = String(address.filter { !$0.isWhitespace })
        return chineseStart(of: compact) ?? chineseFullName(in: compact) ?? english(in: address)
    }

    private static func chineseStart(of address: String) -> Province? {
        var rest = Substring(address)
        for country in ["中华人民共和国", "中国"] where rest.hasPrefix(country) {
            rest = rest.dropFirst(country.count)
        }
        if let province = all.first(where: { rest.hasPrefix($0.fullName) }) { return province }
        return chinesePlaceNames.first { name, _ in
            rest.hasPrefix(name) && !isChineseStreet(rest.dropFirst(name.count))
        }?.province
    }

    /// Short province names, then city names, each with its province.
    private static let chinesePlaceNames: [(name: String, province: Province)] =
        all.map { ($0.shortName, $0) } + cities.compactMap { city in named(city.province).map { (city.chinese, $0) } }

    /// Whether the text after a place name makes it a street (北京路, 北京西路, 山西南街) rather than the place.
    private static func isChineseStreet(_ rest: Substring) -> Bool {
        let afterDirection = "东西南北中".contains(rest.first ?? " ") ? rest.dropFirst() : rest
        return ["路", "街", "大道", "巷"].contains { afterDirection.hasPrefix($0) }
    }

    /// The earliest full province name anywhere, for addresses behind a label (地址：浙江省…).
    private static func chineseFullName(in address: String) -> Province? {
        all.compactMap { province in address.firstRange(of: province.fullName).map { ($0.lowerBound, province) } }
            .min { $0.0 < $1.0 }?.1
    }

    private static let streetWords: Set<String> = ["road", "rd", "street", "st", "avenue", "ave", "lu", "jie",
                                                   "dadao", "lane", "ln", "boulevard", "blvd", "alley", "hutong"]
    private static let directionWords: Set<String> = ["east", "west", "south", "north", "middle", "e", "w", "s", "n",
                                                      "dong", "xi", "nan", "bei", "zhong"]

    private static func english(in address: String) -> Province? {
        let words = englishWords(address)
        var lastProvince: Province?
        var lastCity: Province?
        for start in words.indices {
            for phrase in englishPhrases where words[start...].prefix(phrase.words.count).map(\.word) == phrase.words {
                let end = start + phrase.words.count
                if isEnglishStreet(words, after: end, segment: words[end - 1].segment) { continue }
                if phrase.isCity { lastCity = phrase.province } else { lastProvince = phrase.province }
            }
        }
        return lastProvince ?? lastCity
    }

    /// English and pinyin province names and English city names, split into words.
    private static let englishPhrases: [(words: [String], province: Province, isCity: Bool)] = {
        var phrases: [(words: [String], province: Province, isCity: Bool)] = []
        for province in all {
            for form in [province.name] + province.aliases where form.allSatisfy(\.isASCII) {
                phrases.append((englishWords(form).map(\.word), province, false))
            }
        }
        for city in cities {
            guard let province = named(city.province) else { continue }
            phrases.append((englishWords(city.english).map(\.word), province, true))
        }
        return phrases
    }()

    /// Whether the words at `index` (same comma-separated part) make the name a street: "Beijing (West) Road".
    private static func isEnglishStreet(
        _ words: [(word: String, segment: Int)], after index: Int, segment: Int
    ) -> Bool {
        var index = index
        if index < words.count, words[index].segment == segment, directionWords.contains(words[index].word) {
            index += 1
        }
        return index < words.count && words[index].segment == segment && streetWords.contains(words[index].word)
    }

    /// Lower-case runs of Latin letters, each with the number of the comma-separated part it is in.
    private static func englishWords(_ text: String) -> [(word: String, segment: Int)] {
        var words: [(word: String, segment: Int)] = []
        var current = ""
        var segment = 0
        for character in text.lowercased() {
            // Xi'an is one word.
            if character == "'" || character == "’" { continue }
            if character.isASCII && character.isLetter {
                current.append(character)
                continue
            }
            if !current.isEmpty { words.append((current, segment)) }
            current = ""
            if [",", "，", ";", "\n"].contains(character) { segment += 1 }
        }
        if !current.isEmpty { words.append((current, segment)) }
        return words
    }

    /// Lower-cased, without spaces and punctuation, so "Inner Mongolia", "InnerMongolia" and "inner-mongolia" meet.
    private static func key(_ text: String) -> String {
        String(text.lowercased().filter { !$0.isWhitespace && !"-_'’·.".contains($0) })
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let province = Province.named(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "Unknown province \"\(text)\".")
        }
        self = province
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(name)
    }
}

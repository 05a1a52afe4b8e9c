import Foundation
import Testing

@testable import ICPCheck

/// Form data checks: check characters, provinces in names and addresses, personal website names.
@Suite struct FormCheckTests {
    // MARK: Check characters, computed here independently of the library.

    private static let creditAlphabet = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")

    /// `body` (17 characters) with its GB 32100 check character appended.
    private func creditCode(_ body: String) -> String {
        let weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
        var sum = 0
        for (character, weight) in zip(body, weights) {
            sum += Self.creditAlphabet.firstIndex(of: character)! * weight
        }
        return body + String(Self.creditAlphabet[(31 - sum % 31) % 31])
    }

    /// `body` (17 digits) with its ISO 7064 MOD 11-2 check character appended.
    private func residentID(_ body: String) -> String {
        let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
        let sum = zip(body, weights).reduce(0) { $0 + $1.0.wholeNumberValue! * $1.1 }
        return body + String(Array("10X98765432")[sum % 11])
    }

    /// `code` with its last character replaced by a different one from `alphabet`.
    private func wrongCheck(_ code: String, alphabet: String) -> String {
        let replacement = alphabet.first { $0 != code.last }!
        return String(code.dropLast()) + String(replacement)
    }

    @Test func validCreditCodes() {
        // Commonly cited example; its check character 3 was recomputed by hand and by `creditCode` below.
        #expect(creditCode("91350100M000100Y4") == "91350100M000100Y43")
        #expect(CheckCharacters.isValidCreditCode("91350100M000100Y43"))
        for body in ["91330106MA27XB5K2", "12100000400000001", "Y1110000500000012", "91440300708461136"] {
            #expect(CheckCharacters.isValidCreditCode(creditCode(body)), "\(body)")
        }
        #expect(CheckCharacters.isValidCreditCode("91350100m000100y43"))
        #expect(CheckCharacters.isValidCreditCode("  91350100M000100Y43\n"))
    }

    @Test func invalidCreditCodes() {
        #expect(!CheckCharacters.isValidCreditCode(wrongCheck("91350100M000100Y43", alphabet: "0123456789")))
        // I, O, Z, S and V are not in the alphabet.
        for letter in ["I", "O", "Z", "S", "V"] {
            #expect(!CheckCharacters.isValidCreditCode("91350100\(letter)000100Y43"), "\(letter)")
        }
        #expect(!CheckCharacters.isValidCreditCode("91350100M000100Y4"))
        #expect(!CheckCharacters.isValidCreditCode("91350100M000100Y430"))
        #expect(!CheckCharacters.isValidCreditCode(""))
        #expect(!CheckCharacters.isValidCreditCode("9135 0100M000100Y43"))
    }

    @Test func validResidentIDs() {
        // The GB 11643-1999 example, recomputed: check character X.
        #expect(residentID("11010519491231002") == "11010519491231002X")
        #expect(CheckCharacters.isValidResidentID("11010519491231002X"))
        #expect(CheckCharacters.isValidResidentID("11010519491231002x"))
        #expect(CheckCharacters.isValidResidentID(" 11010519491231002X "))
        for body in ["33010619900101123", "44030420000229001", "51010219001231004", "65010221001231009"] {
            #expect(CheckCharacters.isValidResidentID(residentID(body)), "\(body)")
        }
    }

    @Test func invalidResidentIDs() {
        #expect(!CheckCharacters.isValidResidentID("110105194912310021"))
        #expect(!CheckCharacters.isValidResidentID(wrongCheck(residentID("33010619900101123"), alphabet: "0123X")))
        // Valid check characters on impossible dates.
        for body in ["11010519490231002", "11010519000229002", "11010520231301002", "11010518991231002",
                     "11010519490100002"] {
            #expect(!CheckCharacters.isValidResidentID(residentID(body)), "\(body)")
        }
        #expect(!CheckCharacters.isValidResidentID("1101051949123100"))
        #expect(!CheckCharacters.isValidResidentID("1101051949123100X2"))
        #expect(!CheckCharacters.isValidResidentID("A1010519491231002X"))
    }

    // MARK: Provinces

    @Test func allProvincesAreDistinct() {
        #expect(Province.all.count == 34)
        #expect(Set(Province.all.map(\.name)).count == 34)
        #expect(Set(Province.all.map(\.shortName)).count == 34)
        for province in Province.all {
            #expect(Province.named(province.name) == province)
            #expect(Province.named(province.shortName) == province)
            #expect(Province.named(province.fullName) == province)
            #expect(Province.find(inAddress: province.fullName + "某某路1号") == province)
        }
    }

    @Test func provinceByName() {
        let zhejiang = Province.named("Zhejiang")
        #expect(zhejiang?.shortName == "浙江")
        for text in ["zhejiang", "浙江省", "浙江", "ZheJiang", " Zhejiang Province "] {
            #expect(Province.named(text) == zhejiang, "\(text)")
        }
        for text in ["Inner Mongolia", "InnerMongolia", "Nei Mongol", "Neimenggu", "内蒙古自治区", "内蒙古"] {
            #expect(Province.named(text)?.name == "Inner Mongolia", "\(text)")
        }
        #expect(Province.named("Shanxi")?.shortName == "山西")
        #expect(Province.named("Shaanxi")?.shortName == "陕西")
        #expect(Province.named("Xizang")?.name == "Tibet")
        #expect(Province.named("Guangxi Zhuang Autonomous Region")?.fullName == "广西壮族自治区")
        #expect(Province.named("Macao")?.name == "Macau")
        #expect(Province.named("Hong Kong SAR")?.name == "Hong Kong")
        #expect(Province.named("北京市")?.name == "Beijing")
        #expect(Province.named("Atlantis") == nil)
        #expect(Province.named("") == nil)
    }

    @Test func provinceCodableAsName() throws {
        let province = try #require(Province.named("内蒙古"))
        #expect(province.description == "Inner Mongolia")
        let json = try JSONEncoder().encode([province])
        #expect(String(decoding: json, as: UTF8.self) == "[\"Inner Mongolia\"]")
        let decoded = try JSONDecoder().decode([Province].self, from: Data("[\"广西\", \"shaanxi\"]".utf8))
        #expect(decoded.map(\.name) == ["Guangxi", "Shaanxi"])
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([Province].self, from: Data("[\"Mars\"]".utf8)) }
    }

    @Test func provinceInChineseAddresses() {
        let cases: [(String, String)] = [
            ("浙江省杭州市西湖区文三路1号", "Zhejiang"),
            ("浙江杭州西湖区文三路1号", "Zhejiang"),
            ("北京市朝阳区建国路88号", "Beijing"),
            ("广西壮族自治区南宁市青秀区", "Guangxi"),
            ("内蒙古自治区呼和浩特市新城区", "Inner Mongolia"),
            ("山西省太原市小店区", "Shanxi"),
            ("陕西省西安市雁塔区", "Shaanxi"),
            ("中国 江西省 南昌市", "Jiangxi"),
            ("地址：浙江省宁波市", "Zhejiang"),
            // City only.
            ("杭州市西湖区文三路1号", "Zhejiang"),
            ("深圳市南山区科技园", "Guangdong"),
            ("西安市碑林区", "Shaanxi"),
            ("青岛市市南区", "Shandong"),
            // A province name as a street is not the province.
            ("南京市鼓楼区山西路1号", "Jiangsu"),
        ]
        for (address, expected) in cases {
            #expect(Province.find(inAddress: address)?.name == expected, "\(address)")
        }
    }

    @Test func provinceInEnglishAddresses() {
        let cases: [(String, String)] = [
            ("No. 1 Wensan Rd, Hangzhou, Zhejiang, China", "Zhejiang"),
            ("88 Xiaozhai Rd, Xi'an, Shaanxi Province", "Shaanxi"),
            ("12 Yingze St, Taiyuan, Shanxi", "Shanxi"),
            ("Room 5, Hohhot, Inner Mongolia", "Inner Mongolia"),
            ("Ordos, InnerMongolia, PRC", "Inner Mongolia"),
            ("1 Queen's Road Central, Hong Kong", "Hong Kong"),
            ("Building 3, Nanshan District, Shenzhen", "Guangdong"),
            ("5 Jiangxi Road, Qingdao", "Shandong"),
            ("7 Beijing East Road, Huangpu, Shanghai", "Shanghai"),
            ("1 Jiangxilu, Qingdao", "Shandong"),
        ]
        for (address, expected) in cases {
            #expect(Province.find(inAddress: address)?.name == expected, "\(address)")
        }
    }

    @Test func addressWithoutProvince() {
        #expect(Province.find(inAddress: "西湖区文三路1号") == nil)
        // A street named after a province, with no city: not Beijing.
        #expect(Province.find(inAddress: "北京西路100号") == nil)
        #expect(Province.find(inAddress: "1 Main Street, Springfield") == nil)
        #expect(Province.find(inAddress: "Jiangxiang Village") == nil)
        #expect(Province.find(inAddress: "") == nil)
    }

    // MARK: Website names

    private let rules = NamingRules(
        minLength: 3,
        forbiddenPrefixes: ["中国", "中华", "国家"],
        forbiddenWords: ["公司", "反腐"],
        individualForbiddenWords: ["论坛", "新闻"],
        provincePatterns: ["Jiangsu": ["的个人(博客|主页)$"], "Zhejiang": ["(unclosed"]]
    )

    private func kinds(_ name: String, _ province: String? = nil) -> [WebsiteNameProblem.Kind] {
        WebsiteNameCheck.problems(name: name, province: province.flatMap(Province.named), rules: rules).map(\.kind)
    }

    @Test func goodNamesPass() {
        #expect(kinds("张三的个人博客").isEmpty)
        #expect(kinds("  张三的个人博客 ").isEmpty)
        #expect(kinds("小明的摄影作品").isEmpty)
        #expect(kinds("Tom的3D作品 集").isEmpty)
        #expect(kinds("约翰·史密斯的博客").isEmpty)
        #expect(kinds("张三的个人博客", "Jiangsu").isEmpty)
        #expect(kinds("张三的个人主页", "江苏省").isEmpty)
        #expect(kinds("小明的摄影作品", "Guangdong").isEmpty)
    }

    @Test func eachProblemKind() {
        #expect(kinds("博客") == [.tooShort])
        #expect(kinds(" 博客 ") == [.tooShort])
        #expect(kinds("12345") == [.onlyDigits])
        #expect(kinds("一二三四").isEmpty)
        #expect(kinds("myblog") == [.onlyLatinLetters])
        #expect(kinds("my blog") == [.onlyLatinLetters])
        #expect(kinds("张三的博客!") == [.specialSymbols])
        #expect(kinds("abc.com") == [.looksLikeDomain])
        #expect(kinds("www.x.cn") == [.looksLikeDomain])
        #expect(kinds("中国美食家") == [.forbiddenPrefix])
        #expect(kinds("张三科技公司") == [.forbiddenWord])
        #expect(kinds("张三的摄影论坛") == [.impliesPreApproval])
        #expect(kinds("小明的摄影作品", "Jiangsu") == [.provincePattern])
    }

    @Test func problemWords() {
        let problems = WebsiteNameCheck.problems(name: "中国新闻公司@abc.com", province: nil, rules: rules)
        #expect(problems == [
            WebsiteNameProblem(kind: .specialSymbols, word: "@"),
            WebsiteNameProblem(kind: .looksLikeDomain, word: "abc.com"),
            WebsiteNameProblem(kind: .forbiddenPrefix, word: "中国"),
            WebsiteNameProblem(kind: .forbiddenWord, word: "公司"),
            WebsiteNameProblem(kind: .impliesPreApproval, word: "新闻"),
        ])
        #expect(WebsiteNameCheck.problems(name: "张三#的$博客#", province: nil, rules: rules)
            == [WebsiteNameProblem(kind: .specialSymbols, word: "#$")])
    }

    @Test func patternThatDoesNotCompileNeverMatches() {
        #expect(kinds("张三的个人博客", "Zhejiang") == [.provincePattern])
    }
}

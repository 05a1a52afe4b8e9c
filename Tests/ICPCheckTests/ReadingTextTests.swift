import Foundation
@testable import ICPCheck
import Testing

/// What the reader makes of recognised text: numbers taken only with their check characters right,
/// titles by the largest printed keyword or the card's labels, names and dates by their labels.
@Suite struct ReadingTextTests {
    // The examples of the standards: GB 11643-1999 and GB 32100-2015.
    static let standardID = "11010519491231002X"
    static let standardCreditCode = "91350100M000100Y43"

    @Test func numbersWithRightCheckCharactersAreFound() {
        #expect(PrintedNumbers.find(.residentID, in: "公民身份号码 \(Self.standardID)", latestBirthYear: 2026) == [Self.standardID])
        #expect(PrintedNumbers.find(.creditCode, in: "统一社会信用代码 \(Self.standardCreditCode)", latestBirthYear: 2026)
            == [Self.standardCreditCode])
        // Split by spaces, full-width, look-alike letters: still the number printed.
        #expect(PrintedNumbers.find(.residentID, in: "1101 0519 4912 3100 2x", latestBirthYear: 2026) == [Self.standardID])
        #expect(PrintedNumbers.find(.residentID, in: "１１０１０５１９４９１２３１００２Ｘ", latestBirthYear: 2026) == [Self.standardID])
        #expect(PrintedNumbers.find(.creditCode, in: "91350100M0O0100Y43", latestBirthYear: 2026) == [Self.standardCreditCode])
    }

    @Test func everySingleMisreadIsRefused() {
        // Each one-character change of the number fails its check character (or its structure).
        for kind in [PrintedNumbers.Kind.residentID, .creditCode] {
            let number = Array(kind == .residentID ? Self.standardID : Self.standardCreditCode)
            for index in number.indices {
                for replacement in kind.alphabet where replacement != number[index] {
                    var misread = number
                    misread[index] = replacement
                    #expect(PrintedNumbers.find(kind, in: String(misread), latestBirthYear: 2026).isEmpty, "\(String(misread))")
                }
            }
        }
    }

    @Test func implausibleNumbersAreRefused() {
        // Right check character, but born after the year of the check, or in no province.
        let future = "11010520300101001X"
        #expect(CheckCharacters.isValidResidentID(future))
        #expect(PrintedNumbers.find(.residentID, in: future, latestBirthYear: 2026).isEmpty)
        let noProvince = "990105194912310023"
        #expect(CheckCharacters.isValidResidentID(noProvince))
        #expect(PrintedNumbers.find(.residentID, in: noProvince, latestBirthYear: 2026).isEmpty)
        // A run longer than a number may be two numbers run together: no guess.
        #expect(PrintedNumbers.find(.residentID, in: "9" + Self.standardID, latestBirthYear: 2026).isEmpty)
    }

    @Test func datesAsDocumentsPrintThem() {
        #expect(ValidityDates.period(in: "2016.05.20-2036.05.20") == ("2016-05-20", "2036-05-20"))
        #expect(ValidityDates.period(in: "2016年05月20日至2036年05月19日") == ("2016-05-20", "2036-05-19"))
        #expect(ValidityDates.period(in: "2016年5月20日至长期") == ("2016-05-20", Reading.longTerm))
        #expect(ValidityDates.period(in: "2016.0520-长期") == ("2016-05-20", Reading.longTerm))
        #expect(ValidityDates.period(in: "2016.13.45-2036.02.30") == (nil, nil))
        // A date with its time, the space between lost: 2026-06-19 04:12:39.
        #expect(ValidityDates.dates(in: "2026-06-1904:12:39") == ["2026-06-19"])
    }

    private func page(_ lines: [(String, Int)]) -> ReadPage {
        ReadPage(lines.enumerated().map { index, line in
            TextLine(text: line.0, confidence: 0.9, box: PixelBox(x: 40, y: 60 * index, width: 30 * line.0.count, height: line.1))
        })
    }

    @Test func aLettersSigningDateIsItsLabelledOrLastDate() {
        let labelled = page([("网站备案信息真实性核验单", 60), ("有效期 2020年01月01日至2030年01月01日", 28), ("日期：2026年3月5日", 28),
                             ("打印时间 2026-03-09", 20)])
        #expect(DocumentFields.signedOn(on: labelled, title: .authenticityStatement)?.date == "2026-03-05")
        let unlabelled = page([("互联网信息服务备案承诺书", 60), ("于2019年加入", 28), ("承诺单位（盖章）", 28), ("2026年 4 月 1 日", 28)])
        #expect(DocumentFields.signedOn(on: unlabelled, title: .commitmentLetter)?.date == "2026-04-01")
        // A validity period is no signing date, and a licence or a card is no letter.
        #expect(DocumentFields.signedOn(on: page([("承诺书", 60), ("有效期限 2020.01.01-2030.01.01", 28)]), title: .commitmentLetter) == nil)
        #expect(DocumentFields.signedOn(on: labelled, title: .businessLicence) == nil)
    }

    @Test func titlesByTheLargestKeywordOrTheCardsLabels() {
        let licence = page([("营 业 执 照", 80), ("统一社会信用代码 \(Self.standardCreditCode)", 30), ("名 称 杭州示例科技有限公司", 30)])
        #expect(DocumentFields.title(of: licence) == .businessLicence)
        #expect(DocumentFields.names(on: licence, title: .businessLicence)["subject"]?.0 == "杭州示例科技有限公司")
        // A statement's table names the licence as a kind of document; its own title is larger.
        let statement = page([("网站备案信息真实性核验单", 60), ("证件类型 营业执照", 28), ("主办单位名称 杭州示例科技有限公司", 28)])
        #expect(DocumentFields.title(of: statement) == .authenticityStatement)
        #expect(DocumentFields.names(on: statement, title: .authenticityStatement)["subject"]?.0 == "杭州示例科技有限公司")
        let front = page([("姓名 张伟", 32), ("性别 男 民族 汉", 32), ("公民身份号码 \(Self.standardID)", 32)])
        #expect(DocumentFields.title(of: front) == .idCardFront)
        #expect(DocumentFields.names(on: front, title: .idCardFront)["holder"]?.0 == "张伟")
        let back = page([("中华人民共和国", 40), ("居民身份证", 60), ("签发机关 杭州市公安局西湖分局", 30), ("有效期限 2016.05.20-长期", 30)])
        #expect(DocumentFields.title(of: back) == .idCardBack)
        #expect(DocumentFields.validity(on: back, title: .idCardBack).map { [$0.from, $0.until] } == ["2016-05-20", Reading.longTerm])
        // One misread character in a long keyword still tells the title; nothing of the kind tells none.
        #expect(DocumentFields.title(of: page([("营业执暇", 80)])) == .businessLicence)
        #expect(DocumentFields.title(of: page([("今天天气很好", 40)])) == nil)
    }

    @Test func aRunOneCharacterTooLongGivesTheNumberAsACandidateOnly() {
        // A narrow 1 read twice (11 for 1), a speck read as a digit at the front.
        let doubled = "91350100M0001100Y43", speck = "8" + Self.standardID
        #expect(PrintedNumbers.find(.creditCode, in: doubled, latestBirthYear: 2026).isEmpty)
        #expect(PrintedNumbers.repaired(.creditCode, in: doubled, latestBirthYear: 2026).contains(Self.standardCreditCode))
        #expect(PrintedNumbers.repaired(.residentID, in: speck, latestBirthYear: 2026).contains(Self.standardID))
        // Two characters wrong: no single deletion gives the printed number back.
        #expect(!PrintedNumbers.repaired(.residentID, in: "8" + Self.standardID.replacingOccurrences(of: "1949", with: "1948"),
                                         latestBirthYear: 2026).contains(Self.standardID))
        #expect(PrintedNumbers.numberRuns(.residentID, in: "号码\(speck)签发2026") == [speck])
    }

    @Test func aTitleWordInAFieldOrASentenceIsNoTitle() {
        // A statement photographed at a slant: its field naming the licence came out taller than its title.
        let statement = page([("网站备案信息真实性核验单", 40), ("主办单位证件类型|营业执照(统一社会信用代码)", 56)])
        #expect(DocumentFields.title(of: statement) == .authenticityStatement)
        // A letter that names an ID card in a sentence is no card; a card's labels head its lines.
        let letter = page([("本人邓超(居民身份证号码:\(Self.standardID))作为网站的主办者", 30), ("出生于北京,现住址在杭州", 30)])
        #expect(DocumentFields.title(of: letter) == nil)
        // Labels in a line read with little confidence (noise read as text) say nothing either.
        let noise = ReadPage([TextLine(text: "姓名韦普光", confidence: 0.2, box: PixelBox(x: 0, y: 0, width: 200, height: 30)),
                              TextLine(text: "出生日05昌9", confidence: 0.2, box: PixelBox(x: 0, y: 40, width: 200, height: 30))])
        #expect(DocumentFields.title(of: noise, labelConfidence: 0.45) == nil)
        #expect(DocumentFields.title(of: noise) == .idCardFront)
    }

    /// Rows of glyph-sized blocks, like lines of print, on white, turned by `degrees`.
    private func printedRows(turnedBy degrees: Double) -> GreyPicture {
        let width = 1000, height = 700
        var pixels = [UInt8](repeating: 240, count: width * height)
        for row in stride(from: 60, to: height - 60, by: 40) {
            for x in stride(from: 80, to: width - 80, by: 22) where (x / 22 + row) % 7 != 0 {
                for y in row..<(row + 16) { for dx in 0..<16 { pixels[y * width + x + dx] = 30 } }
            }
        }
        return GreyPicture(width: width, height: height, pixels: pixels).rotated(by: degrees * .pi / 180)
    }

    @Test func theSlopeOfPrintedRowsIsMeasuredEitherWay() {
        for degrees in [-4.2, -1.0, 0.0, 2.6, 7.5] {
            let measured = printedRows(turnedBy: degrees).textSkew(maxDegrees: 15) * 180 / .pi
            // Turned anti-clockwise by d, the rows rise to the right: turning back takes −d.
            #expect(abs(measured + degrees) <= 0.15, "turned \(degrees)°, measured \(measured)°")
        }
    }

    @Test func aLicenceWithoutItsTitleIsKnownByItsFieldsAndScatteredCharactersMakeNoTitle() {
        // The big title not read at all: two fields only a licence prints.
        let licence = page([("统一社会信用代码", 30), ("名 称 杭州示例科技有限公司", 30), ("经营范围 软件开发", 30), ("成立日期 2016年05月20日", 30)])
        #expect(DocumentFields.title(of: licence) == .businessLicence)
        // One field alone is not enough.
        #expect(DocumentFields.title(of: page([("营业期限 长期", 30), ("名 称 杭州示例科技有限公司", 30)])) == nil)
        // A tall line of fields that holds 名, 注, 册 far apart is no 域名注册证书; 营 业 执 照 half-read is a licence.
        let fields = page([("名。次:。大新有众人数据服务有限公司注册", 70), ("一", 30), ("二", 30)])
        #expect(DocumentFields.title(of: fields) == nil)
        #expect(DocumentFields.title(of: page([("营 止 执 ", 80), ("一", 30), ("二", 30)])) == .businessLicence)
    }

    @Test func aRuledLineInksFewOfItsBoxsRowsAndPrintMost() {
        // A table: a 3-px rule with cell borders crossing it every 200 px, and a row of print below.
        let width = 1000, height = 200
        var pixels = [UInt8](repeating: 240, count: width * height)
        for y in 40..<43 { for x in 0..<width { pixels[y * width + x] = 20 } }
        for x in stride(from: 0, to: width, by: 200) { for y in 0..<height { pixels[y * width + x] = 20 } }
        let picture = GreyPicture(width: width, height: height, pixels: pixels)
        let withRows = printedRows(turnedBy: 0)
        let rules = try! RulesLoader.load().reading
        // The layout's boxes: one line height around the rule, and one around a row of print.
        let rule = picture.inkedRows(in: PixelBox(x: 0, y: 26, width: width, height: 32))
        let print = withRows.inkedRows(in: PixelBox(x: 60, y: 52, width: 880, height: 32))
        #expect(Double(rule) / 32 < rules.minInkedRows, "rule: \(rule) rows")
        #expect(Double(print) / 32 >= rules.minInkedRows, "print: \(print) rows")
    }

    @Test func aSlopingLineIsCutOutLevelWithoutItsNeighbours() {
        // Rows of 16-px glyphs 40 px apart, each rising 2° to the right (a page photographed at an
        // angle), and one level row below them.
        let width = 1000, height = 400
        let slope = 2.0 * .pi / 180
        var pixels = [UInt8](repeating: 240, count: width * height)
        for row in [60, 100, 140] {
            for x in stride(from: 80, to: 920, by: 22) {
                let top = row + Int((Double(920 - x) * tan(slope)).rounded())
                for y in top..<(top + 16) { for dx in 0..<16 { pixels[y * width + x + dx] = 30 } }
            }
        }
        for x in stride(from: 80, to: 920, by: 22) { for y in 300..<316 { for dx in 0..<16 { pixels[y * width + x + dx] = 30 } } }
        let page = GreyPicture(width: width, height: height, pixels: pixels)
        // The upright box around the middle row, as a layout gives it: the ends of its neighbours inside.
        let rise = Int((840 * tan(slope)).rounded())
        let box = PixelBox(x: 80, y: 100, width: 840, height: 16 + rise)
        #expect(page.inkedRows(in: box) == box.height)
        let cut = LineCut(box, of: page, pad: 6, line: box, maxDegrees: 6, minDrift: 8)
        #expect(cut.picture.height < box.height)
        let whole = PixelBox(x: 0, y: 0, width: cut.picture.width, height: cut.picture.height)
        #expect(cut.picture.inkedRows(in: whole) <= 20, "one row of print, turned level: \(cut.picture.inkedRows(in: whole)) rows with ink")
        // A box in the middle of the cut-out is in the middle of the line on the page.
        let middle = cut.inPage(PixelBox(x: cut.picture.width / 2 - 5, y: cut.picture.height / 2 - 5, width: 10, height: 10))
        #expect(abs(middle.x + 5 - (box.x + box.width / 2)) <= 3 && abs(middle.y + 5 - (box.y + box.height / 2)) <= 3, "\(middle)")
        // A level row is cut out as it is.
        let level = LineCut(PixelBox(x: 80, y: 300, width: 840, height: 16), of: page, pad: 6, line: PixelBox(x: 80, y: 300, width: 840, height: 16),
                            maxDegrees: 6, minDrift: 8)
        #expect(level.picture.width == 852 && level.picture.height == 28)
        #expect(level.inPage(PixelBox(x: 6, y: 6, width: 840, height: 16)) == PixelBox(x: 80, y: 300, width: 840, height: 16))
    }

    @Test func flatteningDividesEachPixelByItsNeighbourhoodsMean() {
        // Shaded paper (light falling off to the right) with print on it, and the picture's edges,
        // where the square around a pixel is cut: each pixel against the plain formula.
        let width = 157, height = 61, radius = 9
        let pixels = (0..<(width * height)).map { index -> UInt8 in
            let x = index % width, y = index / width
            let paper = 250 - x * 120 / width
            return UInt8((x / 7 + y / 5) % 4 == 0 ? paper / 5 : paper - (x * 31 + y * 17) % 9)
        }
        let picture = GreyPicture(width: width, height: height, pixels: pixels)
        let flat = picture.flattened(radius: radius)
        var differing = 0
        for y in 0..<height {
            for x in 0..<width {
                let x0 = max(0, x - radius), x1 = min(width, x + radius + 1), y0 = max(0, y - radius), y1 = min(height, y + radius + 1)
                var sum = 0
                for v in y0..<y1 { for u in x0..<x1 { sum += Int(pixels[v * width + u]) } }
                let ratio = min(255, Int(pixels[y * width + x]) * 235 / max(1, sum / ((x1 - x0) * (y1 - y0))))
                let expected = UInt8((255 * pow(min(1, Double(ratio) / 235), 2.5)).rounded())
                if flat.pixels[y * width + x] != expected { differing += 1 }
            }
        }
        #expect(differing == 0)
        // The paper comes out white on both sides of the shade; the print stays dark.
        #expect(flat.pixels[30 * width + 3] > 230 && flat.pixels[30 * width + 150] > 230)
    }

    @Test func aLabelAloneInItsCellTakesTheLineBesideIt() {
        let table = ReadPage([
            TextLine(text: "网站负责人姓名", confidence: 0.9, box: PixelBox(x: 40, y: 100, width: 210, height: 30)),
            TextLine(text: "李明", confidence: 0.88, box: PixelBox(x: 400, y: 102, width: 60, height: 28)),
            TextLine(text: "王芳", confidence: 0.9, box: PixelBox(x: 400, y: 200, width: 60, height: 28)),
        ])
        let names = DocumentFields.names(on: table, title: .authenticityStatement)
        #expect(names["administrator"]?.0 == "李明")
        #expect(names["administrator"]?.1 == 0.88)
    }

    @Test func aNameIsAsSureAsItsLeastSureWord() {
        // Tesseract's words on one licence row (名称 and its value, then the next column): the
        // name's first character misread, and unsure; the line's mean stays high.
        func row(_ words: [(String, Double)]) -> TextLine {
            var x = 40
            return TextLine(words: words.map { word in
                // The next column stands far to the right, its label after a wide gap.
                if word.0 == "注册" { x += 200 }
                defer { x += 30 * word.0.count + 8 }
                return TextLine(text: word.0, confidence: word.1, box: PixelBox(x: x, y: 100, width: 30 * word.0.count, height: 30))
            })
        }
        let misread = row([("名", 0.96), ("称", 0.86), ("众", 0.48), ("州", 0.91), ("飞鱼", 0.94), ("数据", 0.96), ("服务", 0.96),
                           ("有限", 0.93), ("公司", 0.96), ("注册", 0.96), ("资本", 0.94), ("1000", 0.92), ("万元", 0.91)])
        #expect(misread.confidence > 0.85)
        let name = DocumentFields.names(on: ReadPage([misread]), title: .businessLicence)["subject"]
        #expect(name?.0 == "众州飞鱼数据服务有限公司")
        #expect(name?.1 == 0.48)
        // Every word of the name sure: as sure as the least of its own words, not the next column's.
        let sure = row([("名称", 0.95), ("杭州", 0.93), ("飞鱼有限公司", 0.9), ("注册", 0.3), ("资本", 0.5)])
        #expect(DocumentFields.names(on: ReadPage([sure]), title: .businessLicence)["subject"]?.1 == 0.9)
    }

    @Test func aCardsHolderWithoutItsLabelIsTheLastNameInItsFirstRow() {
        // The faint 姓名 not read; junk read at the portrait's edge beside the name.
        let front = page([("董秀英 | 委一董秀英", 32), ("女 民族 汉", 32)])
        #expect(DocumentFields.unlabelledHolder(on: front)?.0 == "董秀英")
        // Glare hid the rows above an address's last line: 12号楼 is no name.
        #expect(DocumentFields.unlabelledHolder(on: page([("12号楼1703号", 32), ("公民身份号码", 32)])) == nil)
    }

    @Test func daysLeftAreCountedInChina() {
        // 2026-12-05 20:00 UTC is already 2026-12-06 (04:00) in China.
        let evening = Date(timeIntervalSince1970: 1_796_486_400 + 4 * 3600)
        #expect(ReadingJudge.days(from: evening, until: "2026-12-06") == 0)
        #expect(ReadingJudge.days(from: evening, until: "2027-03-06") == 90)
        #expect(ReadingJudge.days(from: evening, until: "2024-02-29") == -1011)
    }
}

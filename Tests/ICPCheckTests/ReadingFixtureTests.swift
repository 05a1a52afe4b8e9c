import Foundation
@testable import ICPCheck
import Testing

/// Reading on documents we generate (`Scripts/make-reading-set.py --fixtures`): licences, ID cards,
/// statements and certificates with known numbers, names and dates, some photographed or copied,
/// a blank page and noise. Every number read is one printed there; the validity read becomes findings.
@Suite(.serialized) struct ReadingFixtureTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/reading")
    /// The day the fixtures' validity periods are judged from.
    static let asOf = Date(timeIntervalSince1970: 1_796_486_400)  // 2026-12-06 00:00 in China

    struct Expected: Decodable {
        var reading: ExpectedReading
        var clean: Bool
    }

    static func expected() throws -> [String: Expected] {
        try JSONDecoder().decode([String: Expected].self, from: Data(contentsOf: folder.appendingPathComponent("expected.json")))
    }

    static func reports() async throws -> [String: FileReport] {
        let names = try expected().keys.sorted()
        let reports = await FileBatch.inspect(
            paths: names.map { folder.appendingPathComponent($0).path }, rules: try RulesLoader.load(),
            reading: FileBatch.FileReading(asOf: asOf), jobs: 2)
        return Dictionary(uniqueKeysWithValues: zip(names, reports))
    }

    @Test func noNumberIsReadThatIsNotPrinted() async throws {
        let expected = try Self.expected()
        let reports = try await Self.reports()
        var read = 0
        for (name, report) in reports {
            let want = try #require(expected[name]).reading
            for number in report.reading?.idNumbers ?? [] { #expect((want.idNumbers ?? []).contains(number), "\(name): \(number)") }
            for code in report.reading?.creditCodes ?? [] { #expect((want.creditCodes ?? []).contains(code), "\(name): \(code)") }
            read += (report.reading?.idNumbers.count ?? 0) + (report.reading?.creditCodes.count ?? 0)
        }
        // Not a test that passes by reading nothing: the clean cards and the statement give theirs.
        #expect(read >= 3)
        #expect(reports["statement-company.jpg"]?.reading?.creditCodes == ["91330110MA8G57LC4A"])
        #expect(reports["statement-company.jpg"]?.reading?.idNumbers == ["330110199711092921"])
        #expect(reports["idfront-crop.jpg"]?.reading?.idNumbers == ["440304195103193682"])
    }

    @Test func titlesAndValidityBecomeRolesAndFindings() async throws {
        let reports = try await Self.reports()
        let expired = try #require(reports["idback-expired.jpg"])
        #expect(expired.reading?.title == .idCardBack)
        #expect(expired.reading?.validUntil == "2025-11-23")
        let finding = try #require(expired.findings.first { $0.code == .expired })
        #expect(finding.severity == .error && finding.value == -378 && finding.limit == 0)
        let longTerm = try #require(reports["idback-longterm.jpg"])
        #expect(longTerm.reading?.validUntil == Reading.longTerm)
        #expect(!longTerm.findings.contains { $0.code == .expired || $0.code == .expiresSoon })
        #expect(reports["licence-scan.jpg"]?.reading?.title == .businessLicence)
        #expect(reports["licence-scan.jpg"]?.reading?.names["subject"] == "华创教育科技（宁波）有限公司")
        #expect(reports["commitment.jpg"]?.reading?.title == .commitmentLetter)
        // Nothing is read on a blank page, and noise gives no title and no number.
        #expect(reports["blank-page.jpg"]?.reading?.title == nil)
        #expect(reports["noise.jpg"]?.reading.map { $0.title == nil && $0.idNumbers.isEmpty && $0.creditCodes.isEmpty } != false)
    }

    /// A statement's signing date is read (as printed, else nothing: a date read garbled is left
    /// out), and a letter signed more than three months before the check gets a warning.
    @Test func aLetterSignedLongAgoIsSaid() async throws {
        let expected = try Self.expected()
        let reports = try await Self.reports()
        for (name, report) in reports {
            if let signed = report.reading?.signedOn { #expect(signed == expected[name]?.reading.signedOn, "\(name)") }
        }
        let statement = try #require(reports["statement-company.jpg"])
        let signed = try #require(statement.reading?.signedOn)
        #expect(signed == expected["statement-company.jpg"]?.reading.signedOn)
        // Judged at the fixtures' day (342 days later), and a month after the signing.
        let old = try #require(statement.findings.first { $0.code == .letterTooOld })
        #expect(old.severity == .warning && old.value == 342 && old.limit == 90 && old.messageZh.contains("落款日期为 2025-12-29"))
        let rules = try RulesLoader.load()
        let aMonthLater = ReadingJudge(rules: rules.reading, asOf: ReadingApplicationTests.aMonthAfterSigning)
        #expect(!aMonthLater.findings(for: try #require(statement.reading), role: .authenticityStatement, isIndividual: false)
            .contains { $0.code == .letterTooOld })
        // A licence's dates are a validity period, never a signing date.
        #expect(reports["licence-scan.jpg"]?.reading?.signedOn == nil)
    }

    /// Lines of print are counted where a page of text was read, not on noise or blank paper; and
    /// enough of them make a page of a picture whose pixels alone did not (a dense table, a page
    /// small in a photo), while fewer leave it a photograph.
    @Test func linesOfPrintMakeAPageThePixelsMissed() async throws {
        let rules = try RulesLoader.load()
        let reports = try await Self.reports()
        let statement = try #require(reports["statement-company.jpg"])
        #expect((statement.measures["read_print_lines"] ?? 0) >= Double(rules.document.minReadPrintLines))
        for name in ["noise.jpg", "blank-page.jpg"] { #expect((reports[name]?.measures["read_print_lines"] ?? 0) == 0, "\(name)") }

        let path = Self.folder.appendingPathComponent("statement-company.jpg").path
        let image = try #require(FileInspector.inspect(bytes: [UInt8](try Data(contentsOf: URL(fileURLWithPath: path))), path: path).image)
        var content = ContentMeasures.measure(image, cascades: .installed, rules: rules)
        // The same page, its ink counted as no text (as a table's ruled lines make it), and no seal found.
        content.page.measured?.glyphInkShare = 0
        content.page.sealCount = 0
        #expect(!rules.document.isPage(content.page))
        let facts = FileReport(path: "page.jpg", bytes: 1, sha256: "", format: FormatInfo(detected: .jpeg, extensionMatches: true))
        func kind(printLines: Int?) -> String? {
            var reading = printLines.map { _ in Reading(engine: "test") }
            reading?.printLines = printLines ?? 0
            return FileJudge(rules: rules).judgePixels(facts, role: nil, content: content, reading: reading).0.contentKind
        }
        #expect(kind(printLines: nil) == "photo")
        #expect(kind(printLines: rules.document.minReadPrintLines - 1) == "photo")
        #expect(kind(printLines: rules.document.minReadPrintLines) == "document")
    }

    @Test func readingOffReadsNothing() async throws {
        let path = Self.folder.appendingPathComponent("idfront-crop.jpg").path
        let reports = await FileBatch.inspect(
            paths: [path], rules: try RulesLoader.load(), reading: FileBatch.FileReading(mode: .off, asOf: Self.asOf), jobs: 1)
        #expect(reports.first?.reading == nil)
        #expect(reports.first?.contentKind == "id_card")
    }

    @Test func aCardTurnedEitherWayIsReadUpright() throws {
        let rules = try RulesLoader.load()
        // EXIF orientations 6 and 8 turn the upright card a quarter clockwise and a quarter the other
        // way, in the first decode and in the larger one reading makes.
        for orientation in [6, 8] {
            var analysis = FileInspector.inspect(bytes: try ReadingApplicationTests.fixture("idfront-crop.jpg"), path: "idfront.jpg")
            let image = try #require(analysis.image).applyingOrientation(orientation)
            analysis.image = image
            analysis.encoded?.orientation = orientation
            let content = ContentMeasures.measure(image, cascades: .installed, rules: rules)
            #expect(content.page.measured?.textSideways == true)
            let reading = ReadingStage.read(analysis, content: content, role: nil, rules: rules, mode: .auto, latestBirthYear: 2026)
            #expect(reading?.idNumbers == ["440304195103193682"], "orientation \(orientation)")
            #expect(reading?.title == .idCardFront, "orientation \(orientation)")
        }
    }
}

/// Cross-checks on application folders built from the fixtures: documents that agree with the
/// form give no reading finding; another company's code, another person's number and an
/// expired card each give theirs, on the file they were read on.
@Suite(.serialized) struct ReadingApplicationTests {
    static func fixture(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: ReadingFixtureTests.folder.appendingPathComponent(name)))
    }

    static func form(code: String, administrator: String, name: String = "诸葛起") -> String {
        """
        {"subject": {"type": "enterprise", "region": "Zhejiang", "name": "远景网络科技（杭州）有限公司", "document_number": "\(code)"},
         "administrator": {"name": "\(name)", "id_number": "\(administrator)"},
         "websites": [{"name": "远景官网", "domains": ["yuanjing.cn"]}]}
        """
    }

    /// The `read.*` codes of each file of the checked folder.
    static func readingCodes(_ files: [String: String], form: String, asOf: Date = ReadingFixtureTests.asOf) async throws -> [String: Set<String>] {
        let uploads = try TestUploads()
        var raw: [String: [UInt8]] = [:]
        for (name, source) in files { raw[name] = try Self.fixture(source) }
        let folder = try uploads.application("APP-READ", raw: raw, form: form)
        let options = CheckOptions(rules: try TestRules.relaxed(), jobs: 2, now: asOf)
        let manifest = await ApplicationChecker.check(ApplicationFolder(path: folder.path), options: options)
        var codes: [String: Set<String>] = [:]
        for file in manifest.files {
            codes[file.path] = Set(file.findings.map(\.code.rawValue).filter { $0.hasPrefix("read.") })
        }
        return codes
    }

    static let code = "91330110MA8G57LC4A", administrator = "330110199711092921"
    /// A month after the statement fixture was signed (2025-12-29): a letter fresh enough.
    static let aMonthAfterSigning = Date(timeIntervalSince1970: 1_769_616_000)

    @Test func agreeingDocumentsGiveNoReadingFinding() async throws {
        let codes = try await Self.readingCodes(
            ["核验单.jpg": "statement-company.jpg", "身份证反面.jpg": "idback-longterm.jpg"],
            form: Self.form(code: Self.code, administrator: Self.administrator), asOf: Self.aMonthAfterSigning)
        #expect(codes == ["核验单.jpg": [], "身份证反面.jpg": []])
    }

    @Test func anotherCompanysCodeAndAnotherPersonsNumberAreFound() async throws {
        let codes = try await Self.readingCodes(
            ["核验单.jpg": "statement-company.jpg", "身份证正面.jpg": "idfront-crop.jpg"],
            form: Self.form(code: ReadingTextTests.standardCreditCode, administrator: Self.administrator), asOf: Self.aMonthAfterSigning)
        #expect(codes["核验单.jpg"] == ["read.credit_code_mismatch"])
        // The card is another person's: its number is not the administrator's on the form.
        #expect(codes["身份证正面.jpg"]?.contains("read.id_number_mismatch") == true)
        let wrongNumber = try await Self.readingCodes(
            ["核验单.jpg": "statement-company.jpg"], form: Self.form(code: Self.code, administrator: ReadingTextTests.standardID),
            asOf: Self.aMonthAfterSigning)
        #expect(wrongNumber["核验单.jpg"] == ["read.id_number_mismatch"])
    }

    @Test func anExpiredCardIsAnErrorAndOneExpiringSoonAWarning() async throws {
        let files = ["核验单.jpg": "statement-company.jpg", "身份证反面.jpg": "idback-expired.jpg"]
        let form = Self.form(code: Self.code, administrator: Self.administrator)
        #expect(try await Self.readingCodes(files, form: form)["身份证反面.jpg"] == ["read.expired"])
        // 53 days before the card's last day.
        let earlier = Date(timeIntervalSince1970: 1_759_248_000)  // 2025-10-01 in China
        #expect(try await Self.readingCodes(files, form: form, asOf: earlier)["身份证反面.jpg"] == ["read.expires_soon"])
    }
}

/// Reading never crashes, hangs or invents a number, whatever it is given: damaged files, pictures
/// of one pixel's height or thousands of pixels' width, blank and noise.
@Suite(.serialized) struct ReadingRobustnessTests {
    @Test func damagedCardsAreReadOrRefusedNeverCrash() async throws {
        let original = try ReadingApplicationTests.fixture("idfront-crop.jpg")
        var mutator = Mutator(seed: 16)
        let rules = try RulesLoader.load()
        var read = 0
        for _ in 0..<24 {
            let analysis = FileInspector.inspect(bytes: mutator.mutate(original), path: "idfront.jpg")
            guard let image = analysis.image else { continue }
            let content = ContentMeasures.measure(image, cascades: .installed, rules: rules)
            let reading = ReadingStage.read(analysis, content: content, role: .idCardFront, rules: rules, mode: .auto, latestBirthYear: 2026)
            read += reading == nil ? 0 : 1
            for number in reading?.idNumbers ?? [] { #expect(CheckCharacters.isValidResidentID(number)) }
        }
        #expect(read > 0)
    }

    @Test func extremeShapesGiveAnEmptyReading() throws {
        let rules = try RulesLoader.load().reading
        let result = TextEngines.shared.withEngines { engines in
            [GreyPicture(width: 1, height: 1, pixels: [255]),
             GreyPicture(width: 6000, height: 3, pixels: [UInt8](repeating: 0, count: 18000)),
             GreyPicture(width: 40, height: 5000, pixels: (0..<200_000).map { UInt8(truncatingIfNeeded: $0 &* 2_654_435_761 >> 13) })]
                .map { DocumentReader(engine: engines.text, numberEngine: engines.numbers, rules: rules, latestBirthYear: 2026)
                    .read($0, isCard: false, engineName: "test", keepLines: false) }
        }
        let readings = try result.get()
        #expect(readings.count == 3)
        for reading in readings { #expect(reading.idNumbers.isEmpty && reading.creditCodes.isEmpty && reading.title == nil) }
    }
}

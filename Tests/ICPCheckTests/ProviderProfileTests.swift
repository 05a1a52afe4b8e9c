import Foundation
import Testing

@testable import ICPCheck

/// The providers' 2026 rules as profiles (ICP-REQUIREMENTS.md, "What changed by 2026"): which
/// verification photo each expects, their pixel and byte limits, the commitment letter, copies
/// refused outright, and a registrar's screenshot taken for what it is.
@Suite(.serialized) struct ProviderProfileTests {
    /// The sample backdrop photo with its blue backdrop repainted: a white wall, and a white wall in
    /// indoor light (light grey).
    static func repainted(_ colour: (UInt8, UInt8, UInt8)) -> DecodedImage {
        ImageEditing.map(PortraitTests.sample) { _, _, pixel in if ImageEditing.isBackdropBlue(pixel) { pixel = colour } }
    }

    static let white = repainted((246, 246, 244))
    static let lightGrey = repainted((192, 192, 190))

    static func photoFindings(_ image: DecodedImage, profile: String) throws -> [Finding] {
        let rules = try RulesLoader.load(profile: profile)
        let facts = FileReport(path: "photo.jpg", bytes: 1, sha256: "", format: FormatInfo(detected: .jpeg, extensionMatches: true))
        let content = ContentMeasures.measure(image, cascades: .installed, rules: rules)
        return FileJudge(rules: rules).judgePixels(facts, role: .administratorPhoto, content: content).0.findings
    }

    static let backdropCodes: Set<FindingCode> = [.backdropWrongColour, .backdropNotFound]

    @Test(arguments: ["aliyun", "tencent", "huawei", "jdcloud"])
    func appEraProvidersTakeAWhiteBackgroundAndRefuseTheBlueBackdrop(profile: String) throws {
        for image in [Self.white, Self.lightGrey] {
            let found = try Self.photoFindings(image, profile: profile)
            #expect(found.allSatisfy { !Self.backdropCodes.contains($0.code) }, "\(profile): \(found.map(\.code))")
        }
        let blue = try #require(try Self.photoFindings(PortraitTests.sample, profile: profile).first { $0.code == .backdropWrongColour })
        #expect(blue.message.contains("The background is blue") && blue.message.contains("a plain white or light background"))
        #expect(blue.messageZh.contains("背景是蓝色") && blue.messageZh.contains("白色或浅色纯色背景"))
        let provider = try RulesLoader.load(profile: profile).provider
        let (name, nameZh) = (try #require(provider.name), try #require(provider.nameZh))
        #expect(blue.message.contains(name) && blue.messageZh.contains(nameZh))
    }

    @Test func theLegacyBackdropProfileAsksForBlueAndGenericTakesEither() throws {
        let white = try #require(try Self.photoFindings(Self.white, profile: "reseller").first { $0.code == .backdropWrongColour })
        #expect(white.message.contains("The background is white") && white.message.contains("the blue backdrop"))
        #expect(white.messageZh.contains("背景是白色") && white.messageZh.contains("蓝色幕布"))
        #expect(try Self.photoFindings(PortraitTests.sample, profile: "reseller").allSatisfy { !Self.backdropCodes.contains($0.code) })
        for image in [PortraitTests.sample, Self.white, Self.lightGrey] {
            #expect(try Self.photoFindings(image, profile: "generic").allSatisfy { !Self.backdropCodes.contains($0.code) })
        }
        // A green wall is wrong everywhere, and the finding names what was expected.
        let green = ImageEditing.map(PortraitTests.sample) { _, _, pixel in if ImageEditing.isBackdropBlue(pixel) { pixel = (60, 170, 70) } }
        let generic = try #require(try Self.photoFindings(green, profile: "generic").first { $0.code == .backdropWrongColour })
        #expect(generic.message.contains("the blue backdrop or a plain white background"))
    }

    static func ruleFindings(width: Int, height: Int, bytes: Int, role: MaterialRole, profile: String) throws -> [Finding] {
        var facts = FileReport(path: "f.jpg", bytes: bytes, sha256: "0", format: FormatInfo(detected: .jpeg, extensionMatches: true))
        (facts.format.width, facts.format.height, facts.format.color) = (width, height, "ycbcr")
        return FileRuleJudge(rules: try RulesLoader.load(profile: profile), now: Date())
            .findings(for: facts, role: role, editing: EditingMeasurement())
    }

    @Test func volcengineRefusesPicturesOver5000PixelsASide() throws {
        let large = try Self.ruleFindings(width: 6000, height: 4000, bytes: 3_000_000, role: .subjectCertificate, profile: "volcengine")
        let finding = try #require(large.first { $0.code == .imageTooLarge })
        #expect(finding.value == 6000 && finding.limit == 5000 && finding.measure == "long_side")
        #expect(finding.message.contains("Volcengine") && finding.messageZh.contains("火山引擎"))
        #expect(try Self.ruleFindings(width: 5000, height: 5000, bytes: 3_000_000, role: .subjectCertificate, profile: "volcengine")
            .allSatisfy { $0.code != .imageTooLarge })
        // Nobody else publishes a maximum.
        #expect(try Self.ruleFindings(width: 9000, height: 6000, bytes: 3_000_000, role: .subjectCertificate, profile: "generic")
            .allSatisfy { $0.code != .imageTooLarge })
        // Volcengine's minimum: 500×300 either way round.
        #expect(try Self.ruleFindings(width: 480, height: 320, bytes: 300_000, role: .other, profile: "volcengine")
            .contains { $0.code == .imageTooSmall })
    }

    @Test func alibabasDomainCertificateImageIs200KBTo4MB() throws {
        let small = try Self.ruleFindings(width: 1600, height: 1200, bytes: 150_000, role: .domainCertificate, profile: "aliyun")
        #expect(small.contains { $0.code == .fileTooSmall && $0.limit == 204_800 })
        let large = try Self.ruleFindings(width: 1600, height: 1200, bytes: 4_500_000, role: .domainCertificate, profile: "aliyun")
        #expect(large.contains { $0.code == .fileTooLargeForRole })
        #expect(try Self.ruleFindings(width: 1600, height: 1200, bytes: 150_000, role: .subjectCertificate, profile: "aliyun").isEmpty)
    }

    @Test func theCommitmentLetterIsAskedForByProfileAndRegion() async throws {
        func statement(_ profile: String?, region: String = "Zhejiang", without: Bool = false) async throws -> Requirement {
            var files = ApplicationTests.complete
            if without { files["核验单.jpg"] = nil }
            let manifest = try await ApplicationTests.check(files, form: ApplicationTests.form(region: region), profile: profile)
            return try #require(manifest.requirement(.authenticityStatement))
        }
        let tencent = try await statement("tencent")
        #expect(tencent.form == .commitmentLetter && tencent.chineseName == "备案承诺书" && tencent.englishName == "Commitment letter")
        // The letter counts for the requirement, whatever the file is called.
        #expect(tencent.status == .pass && tencent.files == ["核验单.jpg"])
        #expect(try await statement("huawei").form == .commitmentLetter)
        #expect(try await statement(nil, region: "Guangdong").form == .commitmentLetter)
        #expect(try await statement("reseller", region: "Guangdong").form == .commitmentLetter)
        #expect(try await statement("reseller").form == .authenticityStatement)
        #expect(try await statement(nil).form == .either)
        let missing = try #require(try await statement("tencent", without: true).findings.first)
        #expect(missing.message.contains("the commitment letter") && missing.messageZh.contains("备案承诺书"))
    }

    @Test func huaweiAndVolcengineSayTheyRefuseCopies() async throws {
        let grey = ["营业执照.jpg": "Samples/APP-111-greyscale-licence/营业执照.jpg"]
        for (profile, name) in [("huawei", "华为云"), ("volcengine", "火山引擎")] {
            let manifest = try await ApplicationTests.check(grey, form: nil, profile: profile)
            let finding = try #require(manifest.allFindings.first { $0.code == .docGreyscale })
            #expect(finding.messageZh.contains("\(name)不接受复印件") && finding.message.contains("refuses photocopies"))
        }
        let generic = try await ApplicationTests.check(grey, form: nil)
        let finding = try #require(generic.allFindings.first { $0.code == .docGreyscale })
        #expect(!finding.message.contains("refuses") && !finding.messageZh.contains("不接受"))
    }

    /// A registrar's real-name page saved as a screenshot (drawn with a CJK font in the shape of a
    /// registrar console): a digital image, with no camera and no screen pattern. It is read as a
    /// domain certificate and not taken for a screen re-shot, a photo without a camera, or something else.
    @Test func aRegistrarScreenshotIsADomainCertificateNotAReshoot() async throws {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/screenshots/registrar-real-name.png").path
        let rules = try RulesLoader.load()
        let reports = await FileBatch.inspect(
            paths: [path], rules: rules, reading: FileBatch.FileReading(mode: .auto, role: .domainCertificate))
        let report = try #require(reports.first)
        #expect(report.reading?.title == .domainCertificate)
        #expect(report.reading?.names["subject"] == "杭州示例科技有限公司")
        let codes = Set(report.findings.map(\.code))
        #expect(codes.isDisjoint(with: [.screenCapture, .noCameraEXIF, .contentMismatch, .titleMismatch, .docBlurry, .glare]), "\(codes)")
    }
}

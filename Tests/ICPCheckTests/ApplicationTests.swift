import Foundation
import Testing

@testable import ICPCheck

/// Requirements, region rules, form checks and verdicts on whole application folders.
@Suite struct ApplicationTests {
    static let photo = "jpeg/pillow_hopper.jpg"
    /// The generated sample materials (see Samples/SOURCES.md).
    static let statement = "Samples/APP-101-ready-enterprise/核验单.jpg"
    static let licence = "Samples/APP-101-ready-enterprise/营业执照.jpg"
    static let idFront = "Samples/APP-101-ready-enterprise/身份证正面.jpg"
    static let idBack = "Samples/APP-101-ready-enterprise/身份证反面.jpg"
    static let idBothSides = "Samples/APP-113-camera-names/IMG_20261102_0933.jpg"
    /// A portrait in front of a blue backdrop.
    static let backdropPhoto = "Samples/APP-101-ready-enterprise/幕布照片.jpg"
    /// A complete set of materials named the way applicants name them.
    static let complete = [
        "核验单.jpg": statement, "营业执照.jpg": licence, "身份证正面.jpg": idFront, "身份证反面.jpg": idBack,
        "幕布照片.jpg": backdropPhoto,
    ]

    static func form(type: String = "enterprise", region: String = "Zhejiang", domains: [String] = ["example.cn"],
                     name: String = "示例网站", preApproval: [String] = [], extra: String = "") -> String {
        let list = domains.map { "\"\($0)\"" }.joined(separator: ",")
        let approvals = preApproval.map { "\"\($0)\"" }.joined(separator: ",")
        return """
            {"subject": {"type": "\(type)", "region": "\(region)"\(extra)},
             "websites": [{"name": "\(name)", "domains": [\(list)], "pre_approval": [\(approvals)]}]}
            """
    }

    static func check(_ files: [String: String], form: String?, profile: String? = nil) async throws -> Manifest {
        let uploads = try TestUploads()
        let folder = try uploads.application("APP", files: files, form: form)
        return await TestRules.check(folder, rules: try TestRules.relaxed(profile: profile))
    }

    @Test func completeApplicationIsReady() async throws {
        let manifest = try await Self.check(Self.complete, form: Self.form())
        #expect(manifest.verdict == .ready, "\(manifest.allFindings.map(\.code))")
        #expect(manifest.requirements.filter(\.required).allSatisfy { $0.status == .pass })
        #expect(manifest.file("核验单.jpg")?.role == .authenticityStatement)
        #expect(manifest.file("核验单.jpg")?.roleSource == .filename)
        #expect(manifest.codes.contains(FindingCode.smsVerificationRegion))
        #expect(manifest.region == "Zhejiang" && manifest.subjectType == "entity")
    }

    @Test func missingMaterialIsNotReady() async throws {
        var files = Self.complete
        files["核验单.jpg"] = nil
        let manifest = try await Self.check(files, form: Self.form())
        #expect(manifest.verdict == .notReady)
        #expect(manifest.requirement(.authenticityStatement)?.status == .fail)
        #expect(manifest.requirement(.authenticityStatement)?.findings.map(\.code) == [FindingCode.requirementMissing])
    }

    @Test func oneIDSideIsNotEnough() async throws {
        var files = Self.complete
        files["身份证反面.jpg"] = nil
        let manifest = try await Self.check(files, form: Self.form())
        #expect(manifest.verdict == .notReady)
        #expect(manifest.requirement(.administratorID)?.findings.map(\.code) == [FindingCode.idSideMissing])
    }

    @Test func shanghaiNeedsNoPhoto() async throws {
        var files = Self.complete
        files["幕布照片.jpg"] = nil
        let shanghai = try await Self.check(files, form: Self.form(region: "上海市"))
        #expect(shanghai.verdict == .ready)
        #expect(shanghai.requirement(.administratorPhoto)?.status == .notApplicable)
        #expect(shanghai.codes.contains(FindingCode.appVerificationRegion))
        let zhejiang = try await Self.check(files, form: Self.form())
        #expect(zhejiang.verdict == .notReady)
    }

    @Test func domainCertificateFollowsProvinceThresholds() async throws {
        let hunan = try await Self.check(Self.complete, form: Self.form(region: "Hunan"))
        #expect(hunan.requirement(.domainCertificate)?.required == true)
        #expect(hunan.verdict == .notReady)
        var withCertificate = Self.complete
        withCertificate["域名证书.jpg"] = Self.licence
        #expect(try await Self.check(withCertificate, form: Self.form(region: "Hunan")).verdict == .ready)
        let thirty = (1...30).map { "site\($0).cn" }
        let guangdong30 = try await Self.check(Self.complete, form: Self.form(region: "Guangdong", domains: thirty))
        #expect(guangdong30.requirement(.domainCertificate)?.required == false)
        let guangdong31 = try await Self.check(Self.complete, form: Self.form(region: "Guangdong", domains: thirty + ["x.cn"]))
        #expect(guangdong31.requirement(.domainCertificate)?.required == true)
        let huawei = try await Self.check(Self.complete, form: Self.form(region: "Beijing"), profile: "huawei")
        #expect(huawei.requirement(.domainCertificate)?.required == true)
        let beijing = try await Self.check(Self.complete, form: Self.form(region: "Beijing"))
        #expect(beijing.requirement(.domainCertificate)?.required == false)
    }

    @Test func preApprovalIsRequiredWhereDeclaredAndRefusedForIndividuals() async throws {
        let entity = try await Self.check(Self.complete, form: Self.form(preApproval: ["news"]))
        #expect(entity.requirement(.preApproval)?.required == true)
        #expect(entity.verdict == .notReady)
        let individual = try await Self.check(Self.complete, form: Self.form(type: "individual", name: "张三的摄影作品", preApproval: ["news"]))
        #expect(individual.codes.contains(FindingCode.individualPreApproval))
    }

    @Test func individualsUseTheirIDCardAsSubjectCertificate() async throws {
        var files = Self.complete
        files["营业执照.jpg"] = nil
        let manifest = try await Self.check(files, form: Self.form(type: "individual", region: "Beijing", name: "张三的摄影作品"))
        #expect(manifest.subjectType == "individual")
        #expect(manifest.requirement(.subjectCertificate)?.status == .pass)
        #expect(manifest.verdict == .ready, "\(manifest.allFindings.map(\.code))")
    }

    @Test(arguments: [
        (#", "document_address": "浙江省杭州市西湖区文三路1号", "mailing_address": "江苏省南京市中山路1号""#, FindingCode.addressProvinceMismatch),
        (#", "document_address": "江苏省南京市中山路1号", "mailing_address": "江苏省南京市中山路1号""#, FindingCode.regionMismatch),
        (#", "document_number": "91330106MA2AAAAA0X""#, FindingCode.creditCodeInvalid),
        (#"}, "administrator": {"id_number": "330106198503121230""#, FindingCode.idNumberInvalid),
    ])
    func formChecksAreErrors(_ extra: String, _ code: FindingCode) async throws {
        let manifest = try await Self.check(Self.complete, form: Self.form(extra: extra))
        #expect(manifest.codes.contains(code))
        #expect(manifest.findings.first { $0.code == code }?.severity == .error)
        #expect(manifest.verdict == .notReady)
    }

    @Test func validNumbersPass() async throws {
        let uscc = "91350100M000100Y43", id = "11010519491231002X"
        let extra = #", "document_number": "\#(uscc)"}, "administrator": {"id_number": "\#(id)""#
        let manifest = try await Self.check(Self.complete, form: Self.form(extra: extra))
        #expect(manifest.verdict == .ready, "\(manifest.allFindings.map(\.code))")
    }

    @Test func personalWebsiteNamesFollowTheRules() async throws {
        let bad = try await Self.check(Self.complete, form: Self.form(type: "individual", region: "Beijing", name: "中国新闻在线"))
        #expect(bad.findings.filter { $0.code == FindingCode.websiteName }.count >= 2)
        #expect(bad.verdict == .notReady)
        // Entities may use such words; the naming rules are for personal sites.
        let entity = try await Self.check(Self.complete, form: Self.form(name: "新闻在线"))
        #expect(!entity.codes.contains(FindingCode.websiteName))
    }

    @Test func outOfProvinceIndividuals() async throws {
        let address = #", "document_address": "浙江省杭州市西湖区文三路1号""#
        let henan = try await Self.check(Self.complete, form: Self.form(type: "individual", region: "Henan", name: "张三的摄影作品", extra: address))
        #expect(henan.codes.contains(FindingCode.outOfProvinceRefused))
        let beijing = try await Self.check(Self.complete, form: Self.form(type: "individual", region: "Beijing", name: "张三的摄影作品", extra: address))
        #expect(beijing.codes.contains(FindingCode.residencePermitNeeded))
        #expect(beijing.verdict == .needsReview)
    }

    @Test func withoutAFormTheCommonCaseIsAssumedAndSaid() async throws {
        let manifest = try await Self.check(Self.complete, form: nil)
        #expect(manifest.findings.map(\.code) == [FindingCode.assumedDefaults])
        #expect(manifest.verdict == .ready)
        let broken = try await Self.check(Self.complete, form: "{ not json")
        #expect(broken.codes.contains(FindingCode.formInvalid))
        #expect(broken.verdict == .needsReview)
    }

    /// A broken form is said where it breaks, in both languages, and is not also called missing.
    @Test func aBrokenFormIsReportedByLineAndColumn() async throws {
        let form = "{\n  \"subject\": {\"type\": \"enterprise\"\n    \"region\": \"Zhejiang\"}\n}"
        let manifest = try await Self.check(Self.complete, form: form)
        #expect(manifest.findings.map(\.code) == [FindingCode.formInvalid])
        let finding = try #require(manifest.findings.first)
        #expect(finding.message.contains("line 3, column 5: expected “,” or “}”"), "\(finding.message)")
        #expect(finding.messageZh.contains("第 3 行第 5 列"))
        let wrongKind = try await Self.check(Self.complete, form: #"{"subject": {"type": 1}}"#)
        #expect(wrongKind.findings.first?.message.contains("at subject.type: expected text in double quotes") == true)
        #expect(wrongKind.findings.first?.messageZh.contains("subject.type 处应为双引号括起的文本") == true)
    }

    @Test func jsonSyntaxFindsTheFirstError() {
        #expect(JSONSyntax.firstError(in: Array(#"{"a": [1, 2.5e3, true, null, "x\"y"]}"#.utf8)) == nil)
        #expect(JSONSyntax.firstError(in: Array("\u{FEFF}{}".utf8)) == nil)
        func place(_ text: String) -> (Int, Int)? { JSONSyntax.firstError(in: Array(text.utf8)).map { ($0.line, $0.column) } }
        #expect(place("{\"a\": 1,}")! == (1, 9))
        #expect(place("[1, 2")! == (1, 6))
        #expect(place("{\n\"名称\": tru}")! == (2, 7))
        #expect(place("{} x")! == (1, 4))
        #expect(place("{'a': 1}")! == (1, 2))
        #expect(place(String(repeating: "[", count: 10_000)) != nil)
    }

    @Test func unknownFilesAskForReview() async throws {
        var files = Self.complete
        files["IMG_0001.jpg"] = "png/pngsuite/xcrn0g04.png"
        let manifest = try await Self.check(files, form: Self.form())
        #expect(manifest.file("IMG_0001.jpg")?.role == .unknown)
        #expect(manifest.codes.contains(FindingCode.roleUnknown))
        #expect(manifest.verdict == .needsReview)
    }

    @Test func declaredRolesComeFromTheForm() async throws {
        let form = #"{"materials": {"scan-01.jpg": "authenticity_statement", "scan-02.jpg": "subject_certificate", "scan-03.jpg": "id_card"}}"#
        let files = ["scan-01.jpg": Self.statement, "scan-02.jpg": Self.licence, "scan-03.jpg": Self.idBothSides, "photo.jpg": Self.backdropPhoto]
        let manifest = try await Self.check(files, form: form)
        #expect(manifest.file("scan-01.jpg")?.roleSource == .declared)
        #expect(manifest.file("scan-03.jpg")?.role == .idCardBothSides)
        #expect(manifest.verdict == .ready, "\(manifest.allFindings.map(\.code))")
    }
}

extension ApplicationTests {
    @Test func regionNotesAndAssumptions() async throws {
        let guangdong = try await Self.check(Self.complete, form: Self.form(region: "广东省"))
        #expect(guangdong.codes.contains(FindingCode.appUploadRegion))
        #expect(!guangdong.codes.contains(FindingCode.smsVerificationRegion))
        #expect(guangdong.verdict == .ready)
        let unknown = try await Self.check(Self.complete, form: Self.form(region: "Atlantis"))
        #expect(unknown.codes.contains(FindingCode.regionUnknown))
        #expect(unknown.region == nil)
        #expect(unknown.verdict == .needsReview)
        let noType = try await Self.check(Self.complete, form: #"{"subject": {"region": "Beijing"}}"#)
        #expect(noType.findings.map(\.code) == [FindingCode.assumedEntity])
        #expect(noType.subjectType == "entity")
        // A misspelt type is named, with the accepted values, rather than silently taken for an entity.
        let typo = try await Self.check(Self.complete, form: #"{"subject": {"type": "indivdual", "region": "Beijing"}}"#)
        #expect(typo.findings.map(\.code) == [FindingCode.subjectTypeUnknown])
        let said = try #require(typo.findings.first)
        #expect(said.message.contains("“indivdual”") && said.message.contains("individual, enterprise"))
        #expect(said.messageZh.contains("“indivdual”") && said.messageZh.contains("个人"))
        #expect(typo.subjectType == "entity")
        let chinese = try await Self.check(Self.complete, form: #"{"subject": {"type": "事业单位", "region": "Beijing"}}"#)
        #expect(chinese.findings.isEmpty)
    }

    /// `check` given the uploads folder (a folder of applications) says so and names `batch`.
    @Test func aFolderOfApplicationsCheckedAsOneIsSaid() async throws {
        let uploads = try TestUploads()
        for name in ["APP-1", "APP-2", "APP-3", "APP-4"] { try uploads.application(name, files: Self.complete, form: Self.form()) }
        let options = CheckOptions(rules: try RulesLoader.load(), read: .off)
        let root = await ApplicationChecker.check(ApplicationFolder(path: uploads.root.path), options: options)
        let said = try #require(root.findings.first { $0.code == FindingCode.looksLikeUploads })
        #expect(said.message.contains("4 folders of them (APP-1, APP-2, APP-3 …)") && said.message.contains("icpcheck batch \(uploads.root.path)"))
        let one = await ApplicationChecker.check(ApplicationFolder(path: uploads.root.appendingPathComponent("APP-1").path), options: options)
        #expect(!one.findings.contains { $0.code == FindingCode.looksLikeUploads })
        #expect(!one.findings.contains { $0.code == FindingCode.sameFileTwice })
    }

    /// The same bytes uploaded under two names get a note naming both.
    @Test func theSameFileUploadedTwiceIsNoted() async throws {
        var files = Self.complete
        files["身份证反面.jpg"] = files["身份证正面.jpg"]
        let manifest = try await Self.check(files, form: Self.form())
        let said = try #require(manifest.findings.first { $0.code == FindingCode.sameFileTwice })
        #expect(said.message.contains("身份证反面.jpg, 身份证正面.jpg") && said.severity == .info)
    }
}

import Testing

@testable import ICPCheck

@Suite struct RoleTests {
    static let naming = RoleNaming(rules: try! RulesLoader.load())

    @Test(arguments: [
        // statement family: English, Chinese, pinyin, successor forms
        ("scan/statement.jpg", MaterialRole.authenticityStatement), ("网站备案信息真实性核验单.jpg", .authenticityStatement),
        ("HYD_001.jpg", .authenticityStatement), ("互联网信息服务备案承诺书.png", .authenticityStatement),
        ("真实性责任告知书.jpg", .authenticityStatement),
        // licence family
        ("Business_License.JPG", .subjectCertificate), ("营业执照副本.jpg", .subjectCertificate), ("yyzz.png", .subjectCertificate),
        ("licence.jpeg", .subjectCertificate), ("事业单位法人证书.jpg", .subjectCertificate),
        // photo family
        ("photo.jpg", .administratorPhoto), ("幕布照片.jpg", .administratorPhoto), ("mubu-1.jpg", .administratorPhoto),
        ("核验照.png", .administratorPhoto),
        // pinyin initials, as applicants abbreviate their Chinese names (幕布照, 幕布照片, 人像照, 承诺书, 授权委托书)
        ("mbz.jpg", .administratorPhoto), ("MBZP-2.png", .administratorPhoto), ("rxz.jpg", .administratorPhoto),
        ("mbz_1.jpg", .administratorPhoto), ("cns.jpg", .authenticityStatement), ("sqwts.pdf", .authorizationLetter),
        // domain, pre-approval, others
        ("domain_certificate.jpg", .domainCertificate), ("域名证书.png", .domainCertificate), ("ymzs.jpg", .domainCertificate),
        ("pre-approval.jpg", .preApproval), ("前置审批.jpg", .preApproval), ("手持身份证.jpg", .handheldIDPhoto),
        ("授权书.jpg", .authorizationLetter), ("居住证.jpg", .residencePermit),
    ])
    func fileNamesGiveRoles(_ name: String, _ role: MaterialRole) {
        #expect(Self.naming.guess(fileName: name) == .role(role))
    }

    @Test(arguments: [
        ("idcard_front.jpg", true as Bool?), ("身份证正面.jpg", true), ("sfz-zm.jpg", true), ("身份证人像面.png", true),
        ("idcard_back.jpg", false), ("身份证反面.jpg", false), ("sfz_fm.jpg", false), ("身份证国徽面.jpg", false),
        ("sfz.jpg", nil), ("ID.jpg", nil), ("front.jpg", true), ("背面.png", false),
    ])
    func idCardSides(_ name: String, _ front: Bool?) {
        #expect(Self.naming.guess(fileName: name) == .idCard(front: front))
    }

    /// Both sides in one picture: named so (正反面, whose 反面 alone would say the back), or with a word for each side.
    @Test(arguments: ["身份证正反面.jpg", "法人身份证正背面.png", "sfz-zfm.jpg", "idcard_front_back.jpg", "ID both sides.jpg", "身份证双面.jpg"])
    func namesForBothSides(_ name: String) {
        #expect(Self.naming.guess(fileName: name) == .role(.idCardBothSides))
    }

    @Test(arguments: ["video.jpg", "IMG_2041.JPG", "scan0001.png", "hidden.jpg", "附件1.jpg"])
    func namesWithoutKeywordsSayNothing(_ name: String) {
        #expect(Self.naming.guess(fileName: name) == nil)
    }

    @Test func declaredRolesWinAndSidelessCardsFillTheMissingSide() {
        let (one, _) = RoleAssignment.assign(paths: ["sfz.jpg"], declared: [:], naming: Self.naming)
        #expect(one.map(\.role) == [.idCardBothSides])
        let (two, _) = RoleAssignment.assign(paths: ["scan.jpg", "身份证正面.jpg", "sfz.jpg"], declared: [:], naming: Self.naming)
        #expect(two.map(\.role) == [.unknown, .idCardFront, .idCardBack])
        #expect(two[2].findings.map(\.code) == [FindingCode.idSideAssumed])
        let (declared, findings) = RoleAssignment.assign(
            paths: ["scan-01.jpg", "photo.jpg"], declared: ["scan-01.jpg": "authenticity_statement", "photo.jpg": "selfie", "gone.jpg": "other"],
            naming: Self.naming)
        #expect(declared.map(\.role) == [.authenticityStatement, .administratorPhoto])
        #expect(declared.map(\.source) == [.declared, .filename])
        #expect(Set(findings.map(\.code)) == [FindingCode.declaredRoleInvalid, FindingCode.declaredFileMissing])
    }
}

import Foundation
import Testing

@testable import ICPCheck

@Suite struct RulesTests {
    static func file(_ text: String, ext: String = "yaml") throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("rules-\(UUID().uuidString).\(ext)")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    @Test func defaultsLoadAndCoverEveryProfile() throws {
        let rules = try RulesLoader.load()
        #expect(rules.profile == "generic")
        #expect(rules.material(for: .administratorPhoto).minLongSide == 800)
        #expect(rules.material(for: .idCardFront).formats == [.jpeg, .png])
        #expect(rules.regions.appVerification == ["Shanghai"])
        #expect(rules.regions.smsVerification.count == 22)
        #expect(RulesLoader.profileNames == ["aliyun", "generic", "huawei", "jdcloud", "reseller", "tencent", "volcengine"])
        for name in RulesLoader.profileNames { #expect(try RulesLoader.load(profile: name).profile == name) }
        #expect(RulesLoader.defaultDocument.contains("# "))
    }

    @Test func profilesChangeTheirNumbers() throws {
        let tencent = try RulesLoader.load(profile: "tencent")
        #expect(tencent.material(for: .administratorPhoto).formats == [.jpeg])
        #expect(tencent.material(for: .administratorPhoto).maxBytes == 2_097_152)
        #expect(tencent.material(for: .subjectCertificate).maxBytes == 4_194_304)
        #expect(try RulesLoader.load(profile: "huawei").regions.domainCertificateEverywhere)
        #expect(try RulesLoader.load().material(for: .subjectCertificate).maxBytes == 5_242_880)
    }

    @Test func aFileOverridesSingleKeysInYAMLOrJSON() throws {
        let yaml = try Self.file("materials:\n  default:\n    max_bytes: 1000\nphoto:\n  max_age_days: 7\n")
        let rules = try RulesLoader.load(file: yaml)
        #expect(rules.material(for: .subjectCertificate).maxBytes == 1000)
        #expect(rules.material(for: .subjectCertificate).minLongSide == 1000)  // untouched keys keep their defaults
        #expect(rules.photo.maxAgeDays == 7)
        #expect(rules.photo.editors.contains("Photoshop"))
        let json = try Self.file(#"{"profile": "tencent", "regions": {"app_verification": ["Shanghai", "Beijing"]}}"#, ext: "json")
        let fromJSON = try RulesLoader.load(file: json)
        #expect(fromJSON.profile == "tencent")
        #expect(fromJSON.regions.appVerification == ["Shanghai", "Beijing"])
        // --profile wins over the file's own choice.
        #expect(try RulesLoader.load(file: json, profile: "aliyun").profile == "aliyun")
    }

    @Test(arguments: [
        ("photo:\n  max_age_dayz: 7\n", "photo.max_age_dayz", "unknown key"),
        ("photo:\n  max_age_days: soon\n", "photo.max_age_days", "expected"),
        ("materials:\n  default:\n    formats: [jpeg, tga]\n", "materials.default.formats", "tga"),
        ("- just\n- a list\n", nil, "mapping"),
        ("photo: [unclosed\n", nil, "not valid YAML"),
        ("portrait:\n  detection_size: 1\n", "portrait.detection_size", "picture size"),
        ("document:\n  analysis_size: 100000\n", "document.analysis_size", "picture size"),
    ] as [(String, String?, String)])
    func badFilesNameTheKeyAndTheProblem(_ text: String, key: String?, problem: String) throws {
        let url = try Self.file(text)
        #expect {
            try RulesLoader.load(file: url)
        } throws: { error in
            guard let error = error as? RulesError else { return false }
            return (key == nil || error.key?.hasPrefix(key!) == true) && error.description.contains(problem)
        }
    }

    @Test func unknownProfileAndMissingFileAreErrors() throws {
        #expect(throws: RulesError.self) { try RulesLoader.load(profile: "nosuchcloud") }
        #expect(throws: RulesError.self) { try RulesLoader.load(file: URL(fileURLWithPath: "/nonexistent/rules.yaml")) }
    }

    @Test func effectiveRulesRoundTripThroughTheirDocument() throws {
        let rules = try RulesLoader.load(profile: "tencent")
        let again = try RulesLoader.load(file: try Self.file(try RulesLoader.document(rules)), profile: "tencent")
        #expect(again == rules)
    }

    /// `icpcheck rules --profile X` prints the same bytes on every run (dictionaries have no order of
    /// their own), its keys in the default document's order, numbers as written and Chinese as text.
    @Test(arguments: RulesLoader.profileNames)
    func effectiveRulesPrintTheSameBytesEveryRun(profile: String) throws {
        let first = try BatchTests.run(["rules", "--profile", profile])
        #expect(first.status == 0)
        for _ in 0..<3 { #expect(try BatchTests.run(["rules", "--profile", profile]).output == first.output) }
        let text = first.output
        #expect(!text.contains("e+") && !text.contains("\\u"))
        #expect(text.contains("美图"))
        // The top-level keys in the default document's order.
        let topLevel = { (document: String) in
            document.split(separator: "\n").filter { $0.first?.isLetter == true && $0.contains(":") }.map { String($0.prefix { $0 != ":" }) }
        }
        let defaultOrder = topLevel(RulesLoader.defaultDocument)
        let printed = topLevel(text)
        #expect(printed.filter(defaultOrder.contains) == defaultOrder.filter(printed.contains))
        #expect(printed.count > 5)
        let rules = try RulesLoader.load(profile: profile)
        #expect(try RulesLoader.load(file: try Self.file(text), profile: profile) == rules)
    }
}

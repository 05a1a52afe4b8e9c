import Foundation
import Testing

@testable import ICPCheck

/// Every threshold behind a finding is a rules key ("Judge once", item 4): each finding that states
/// a `limit` took it from the rules. Checked twice: on the findings real inputs give (the sample
/// applications, the corpus photos and a share of the real corpus, each judged under several roles),
/// whose limits must each be a number of the effective rules; and on the judge's source, where no
/// finding may be given a number as its limit.
@Suite(.serialized) struct RuleLimitTests {
    /// Findings whose `limit` is not a threshold: a count the requirement itself names (exactly one
    /// face, at least one seal), with the limit it must state.
    static let notThresholds: [FindingCode: Double] = [.noFace: 1, .multipleFaces: 1, .sealMissing: 1]

    /// Every number in the effective rules, walked from their encoded tree (lists and maps included).
    static func numericLeaves(_ rules: Rules) throws -> Set<Double> {
        var numbers: Set<Double> = []
        func walk(_ node: JSONValue) {
            switch node {
            case .object(let map): map.values.forEach(walk)
            case .array(let list): list.forEach(walk)
            case .number(let number): numbers.insert(number)
            case .null, .bool, .string: break
            }
        }
        walk(try JSONDecoder().decode(JSONValue.self, from: JSONEncoder().encode(rules)))
        return numbers
    }

    /// The findings with a limit that the real inputs give, each with where it came from.
    static func findingsWithLimits(rules: Rules) async throws -> [(source: String, finding: Finding, measures: [String: Double])] {
        var found: [(String, Finding, [String: Double])] = []
        let folders = try FileManager.default.contentsOfDirectory(atPath: SamplesTests.samples.path).filter { $0.hasPrefix("APP-") }.sorted()
        for folder in folders {
            let manifest = await TestRules.check(SamplesTests.samples.appendingPathComponent(folder), rules: rules)
            for file in manifest.files { found += file.findings.map { ("\(folder)/\(file.path)", $0, file.measures) } }
            found += manifest.allFindings.filter { finding in !manifest.files.contains { $0.findings.contains(finding) } }
                .map { ("\(folder)", $0, [:]) }
        }
        // Pictures judged on their pixels under each role whose findings differ: a photo of a person,
        // a statement of an entity, both ID card sides, and no role at all.
        let photos = ((try? FileManager.default.contentsOfDirectory(atPath: Corpus.url("photos").path)) ?? [])
            .filter { !$0.hasSuffix(".json") }.sorted().map { "photos/\($0)" }
        let real = Corpus.expected("real/labels.json").keys.sorted().enumerated().filter { $0.offset % 10 == 0 }.map { "real/\($0.element)" }
        let roles: [MaterialRole] = [.administratorPhoto, .handheldIDPhoto, .authenticityStatement, .idCardFront, .idCardBack, .unknown]
        for path in photos + real {
            guard let bytes = try? Corpus.bytes(path) else { continue }
            let inspected = FileInspector.inspect(bytes: bytes, path: path)
            guard let image = inspected.image else { continue }
            let content = ContentMeasures.measure(image, cascades: .installed, rules: rules)
            for role in roles {
                let judged = FileJudge(rules: rules, isEntity: true)
                    .judge(inspected.report, editing: inspected.editing, content: content,
                           given: RoleAssignment.Assigned(role: role, source: .declared, findings: []), scanFindings: [])
                found += judged.findings.map { ("\(path) as \(role.rawValue)", $0, judged.measures) }
            }
        }
        // The sample photo and statement edited as their own suites edit them, for the findings the
        // unedited inputs do not reach (exposure, focus).
        let edited: [(String, DecodedImage, MaterialRole)] = [
            ("photo darkened", ImageEditing.map(PortraitTests.sample) { _, _, c in
                c = (UInt8(Double(c.0) * 0.37), UInt8(Double(c.1) * 0.37), UInt8(Double(c.2) * 0.37))
            }, .administratorPhoto),
            ("photo brightened", ImageEditing.map(PortraitTests.sample) { _, _, c in
                c = (255 - UInt8(Double(255 - c.0) * 0.35), 255 - UInt8(Double(255 - c.1) * 0.35), 255 - UInt8(Double(255 - c.2) * 0.35))
            }, .administratorPhoto),
            ("photo blurred", ImageEditing.blurred(PortraitTests.sample, radius: 6), .administratorPhoto),
            ("statement blurred", ImageEditing.blurred(DocumentTests.statement, radius: 4), .authenticityStatement),
        ]
        for (name, image, role) in edited {
            let facts = FileReport(path: name, bytes: 1, sha256: "", format: FormatInfo(detected: .jpeg, extensionMatches: true))
            let (judged, _) = FileJudge(rules: rules, isEntity: true).judgePixels(facts, role: role, content: ContentMeasures.measure(image, cascades: .installed, rules: rules))
            found += judged.findings.map { (name, $0, judged.measures) }
        }
        return found.filter { $0.1.limit != nil }
    }

    @Test func everyLimitOnRealInputsIsARulesNumber() async throws {
        let rules = try RulesLoader.load()
        let leaves = try Self.numericLeaves(rules)
        #expect(leaves.contains(rules.portrait.minSharpness) && leaves.contains(rules.document.seal.hueDegrees[0]))
        let found = try await Self.findingsWithLimits(rules: rules)
        for (source, finding, _) in found {
            let limit = finding.limit!
            if let stated = Self.notThresholds[finding.code] {
                #expect(limit == stated, "\(source): \(finding.code) states \(limit), not \(stated)")
            } else {
                let isRulesNumber = leaves.contains(limit)
                #expect(isRulesNumber, "\(source): \(finding.code) has limit \(limit), which is no number of the rules")
            }
        }
        // The inputs must reach the thresholds, or the check says nothing: findings of pixels and of
        // the file rules, from photos of people and from documents (16 codes when this was written).
        let codes = Set(found.map(\.finding.code.rawValue)).subtracting(Self.notThresholds.keys.map(\.rawValue))
        #expect(codes.count >= 14, "only \(codes.sorted()) on the inputs")
        #expect(codes.contains { $0.hasPrefix("photo.") } && codes.contains { $0.hasPrefix("doc.") }, "\(codes.sorted())")
    }

    /// The judge's source: every `limit:` argument is a name, never a number (the counts of
    /// `notThresholds` aside, each on its own finding).
    @Test func theJudgeGivesNoFindingANumberAsItsLimit() throws {
        let judge = SamplesTests.samples.deletingLastPathComponent().appendingPathComponent("Sources/ICPCheck/Judge")
        let files = try FileManager.default.contentsOfDirectory(atPath: judge.path).filter { $0.hasSuffix(".swift") }
        #expect(files.contains("PortraitJudge.swift") && files.contains("DocumentJudge.swift"))
        let literal = try NSRegularExpression(pattern: #"limit: *-?[0-9.]+[,)]"#)
        var literals: [String] = []
        for file in files {
            let text = try String(contentsOf: judge.appendingPathComponent(file), encoding: .utf8)
            for line in text.split(separator: "\n") where literal.firstMatch(in: String(line), range: NSRange(line.startIndex..., in: line)) != nil {
                let counts = ["noFace", "multipleFaces", "sealMissing"]
                if counts.contains(where: { line.contains(".\($0),") }) && line.contains("limit: 1)") { continue }
                literals.append("\(file): \(line.trimmingCharacters(in: .whitespaces))")
            }
        }
        #expect(literals.isEmpty, "findings with a number for a limit: \(literals)")
    }
}

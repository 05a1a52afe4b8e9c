import Foundation
import Testing

@testable import ICPCheck

/// Every finding that compares a measure with a limit names the measure, and its value is that
/// measure's value in the same report.
@Suite struct HonestFindingsTests {
    static func check(_ files: [FileReport]) -> Int {
        var compared = 0
        for file in files {
            for finding in file.findings where finding.value != nil || finding.limit != nil {
                // Counts of codec warnings are numbers without a limit, not comparisons.
                guard finding.limit != nil else { continue }
                compared += 1
                #expect(finding.measure != nil, "\(file.path): \(finding.code.rawValue) compares without naming its measure")
                if let measure = finding.measure, let measured = file.measures[measure] {
                    #expect(finding.value == measured, "\(file.path): \(finding.code.rawValue) reports \(String(describing: finding.value)), \(measure) is \(measured)")
                }
            }
        }
        return compared
    }

    @Test func samplesNameEveryComparedMeasure() async throws {
        let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Samples")
        var files: [FileReport] = []
        for name in try FileManager.default.contentsOfDirectory(atPath: samples.path).sorted()
        where !name.hasPrefix(".") && !name.hasSuffix(".json") {
            files += await TestRules.check(samples.appendingPathComponent(name), rules: try RulesLoader.load()).files
        }
        #expect(Self.check(files) >= 3)
    }

    /// Documents and photos judged for their roles: blur, glare, cut-off pages, exposure.
    @Test func pixelFindingsNameTheirMeasure() {
        var files: [FileReport] = []
        for role in [MaterialRole.authenticityStatement, .subjectCertificate, .idCardFront] {
            for image in [DocumentTests.statement, DocumentTests.licence, DocumentTests.idFront, DocumentTests.idBack] {
                files.append(DocumentTests.report(image, role: role))
            }
        }
        for image in [PortraitTests.sample] { files.append(PortraitTests.report(image)) }
        // A statement cropped so that its text runs off the picture, and a dark, washed-out photo.
        let page = DocumentTests.statement
        let cropped = DecodedImage(width: page.width, height: page.height / 2, channels: page.channels,
                                   pixels: Array(page.pixels[(page.width * page.height / 4 * page.channels)...].prefix(page.width * (page.height / 2) * page.channels)))
        files.append(DocumentTests.report(cropped, role: .authenticityStatement))
        let photo = PortraitTests.sample
        for scale in [0.3, 0.4, 0.5, 1.6, 2.0, 2.5] {
            let pixels = photo.pixels.map { UInt8(min(255, Double($0) * scale)) }
            files.append(PortraitTests.report(DecodedImage(width: photo.width, height: photo.height, channels: photo.channels, pixels: pixels)))
        }
        let findings = files.flatMap(\.findings)
        #expect(Self.check(files) >= 3)
        #expect(findings.contains { $0.code == .borderCutOff && $0.measure == "margin_ink" && $0.limit != nil })
        #expect(findings.contains { $0.code == .underexposed } && findings.contains { $0.code == .overexposed },
                "\(Set(findings.map(\.code.rawValue)))")
    }
}

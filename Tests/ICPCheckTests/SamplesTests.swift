import Foundation
import Testing

@testable import ICPCheck

/// Every sample application gives the verdict and the finding its README row promises.
@Suite struct SamplesTests {
    struct Promise: Sendable, CustomStringConvertible {
        var folder: String
        var verdict: String
        var codes: [String]
        var description: String { folder }
    }

    static let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Samples")

    /// Rows of Samples/README.md: `| \`folder\` | verdict | text with \`finding.codes\` |`.
    static let promises: [Promise] = {
        let text = (try? String(contentsOf: samples.appendingPathComponent("README.md"), encoding: .utf8)) ?? ""
        return text.split(separator: "\n").compactMap { line in
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count >= 3, cells[0].hasPrefix("`APP-") else { return nil }
            let codes = cells[2].split(separator: "`", omittingEmptySubsequences: false).enumerated().filter { $0.offset % 2 == 1 }.map(\.element)
                .filter { $0.contains(".") && !$0.contains("/") && !$0.hasSuffix(".json") }.map(String.init)
            return Promise(folder: cells[0].trimmingCharacters(in: CharacterSet(charactersIn: "`")), verdict: cells[1], codes: codes)
        }
    }()

    @Test func everySampleFolderHasARow() throws {
        let folders = try FileManager.default.contentsOfDirectory(atPath: Self.samples.path).filter { $0.hasPrefix("APP-") }
        #expect(Set(folders) == Set(Self.promises.map(\.folder)))
        #expect(Self.promises.count >= 8)
        #expect(Set(Self.promises.map(\.verdict)) == Set(Verdict.allCases.map(\.rawValue)))
    }

    @Test(arguments: promises)
    func sampleGivesItsVerdict(_ promise: Promise) async throws {
        let folder = Self.samples.appendingPathComponent(promise.folder)
        // Read as of a fixed day, so that a validity the README promises does not change with the date.
        let manifest = await TestRules.check(folder, rules: try RulesLoader.load(), now: ReadingFixtureTests.asOf, read: .auto)
        #expect(manifest.verdict.rawValue == promise.verdict, "\(manifest.allFindings.map(\.code))")
        for code in promise.codes { #expect(manifest.codes.map(\.rawValue).contains(code), "\(code) in \(manifest.allFindings.map(\.code))") }
    }
}

import Foundation
import Testing

@testable import ICPCheck

/// The checklist of every sample and the batch's closing lines speak one language: in Chinese no
/// identifier (`authenticity_statement`, `doc.seal_missing`) and no English province name; in
/// English no Chinese but the names the applicant gave (files, folders, quoted names and titles).
@Suite struct OutputLanguageTests {
    /// Everything `check` prints for each sample and `batch --verbose` prints for all of them.
    static func output(_ language: String) throws -> String {
        let folders = try FileManager.default.contentsOfDirectory(atPath: SamplesTests.samples.path).filter { $0.hasPrefix("APP-") }.sorted()
        var text = ""
        for folder in folders {
            let result = try BatchTests.run(["check", SamplesTests.samples.appendingPathComponent(folder).path, "--lang", language, "--as-of", "2026-06-01"])
            #expect(result.status <= 1, "\(folder): \(result.error)")
            text += result.output
        }
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("icpcheck-language-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: out) }
        let batch = try BatchTests.run(["batch", SamplesTests.samples.path, "--out", out, "--lang", language, "--verbose", "--as-of", "2026-06-01"])
        #expect(batch.status == 1, "\(batch.error)")
        return text + batch.output
    }

    /// `text` without the names the applicant chose (file and folder names) and without paths.
    static func withoutNames(_ text: String) throws -> String {
        var names: Set<String> = ["application.json"]
        for folder in try FileManager.default.contentsOfDirectory(atPath: SamplesTests.samples.path) where folder.hasPrefix("APP-") {
            names.insert(folder)
            names.formUnion(try FileManager.default.contentsOfDirectory(atPath: SamplesTests.samples.appendingPathComponent(folder).path))
        }
        var stripped = text
        for name in names.sorted(by: { $0.count > $1.count }) { stripped = stripped.replacingOccurrences(of: name, with: "") }
        return stripped.replacingOccurrences(of: #"/[^\s，。）)]+"#, with: "", options: .regularExpression)
    }

    @Test func chineseOutputHasNoIdentifiersNorEnglishProvinceNames() throws {
        let text = try Self.withoutNames(try Self.output("zh"))
        #expect(text.contains("未就绪"))
        let identifiers = text.matches(of: /[A-Za-z][A-Za-z0-9]*(?:[_.][A-Za-z0-9]+)+/).map { String($0.output) }
        #expect(identifiers.isEmpty, "identifiers in the Chinese output: \(Set(identifiers).sorted())")
        let provinces = Province.all.map(\.name).filter { text.range(of: "\\b\($0)\\b", options: .regularExpression) != nil }
        #expect(provinces.isEmpty, "English province names in the Chinese output: \(provinces)")
    }

    @Test func englishOutputHasNoChineseButNames() throws {
        var text = try Self.withoutNames(try Self.output("en"))
        #expect(text.contains("not ready"))
        // Names and printed titles are quoted: “中国新闻在线”.
        text = text.replacingOccurrences(of: #"“[^”]*”"#, with: "", options: .regularExpression)
        let lines = text.split(separator: "\n").filter { $0.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) || (0x3000...0x303F).contains($0.value) } }
        #expect(lines.isEmpty, "Chinese in the English output:\n\(lines.joined(separator: "\n"))")
    }

    @Test func englishCountsAgreeWithTheirNumber() {
        #expect(Finding.photoTooOld(days: 1, limit: 180).message.contains("taken 1 day ago"))
        let old = Finding.photoTooOld(days: 200, limit: 180).message
        #expect(old.contains("taken 200 days ago") && old.contains("(limit 180 days)"))
        #expect(Finding.expired(until: "2026-01-01", days: -1, title: nil).message.contains("(1 day ago)"))
    }
}

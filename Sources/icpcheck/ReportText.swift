import ICPCheck
import Foundation

/// A readable block per file for the terminal.
enum ReportText {
    static func render(_ report: FileReport) -> String {
        var lines = ["\(report.path)"]
        let format = report.format
        var summary = "  \(format.detected.rawValue)"
        if let width = format.width, let height = format.height { summary += "  \(width)×\(height)" }
        if let color = format.color { summary += "  \(color)" }
        if let depth = format.bitDepth { summary += "  \(depth)-bit" }
        if format.progressive == true { summary += "  progressive" }
        if format.interlaced == true { summary += "  interlaced" }
        if let dpi = format.dpi { summary += "  \(formatted(dpi)) dpi" }
        summary += "  \(report.bytes) bytes"
        lines.append(summary)
        if let sha = report.sha256 { lines.append("  sha256 \(sha)") }
        if let kind = report.contentKind { lines.append("  shows: \(kind)" + (report.role.map { ", role \($0.rawValue)" } ?? "")) }
        if let exif = report.exif { lines.append(contentsOf: exifLines(exif)) }
        if !report.measures.isEmpty { lines.append("  measures:") }
        for (group, keys) in MeasureGroups.grouped(report.measures.keys) {
            let measured = keys.map { "\($0)=\(formatted(report.measures[$0]!))" }
            lines += wrapped(measured, first: "    " + group.padding(toLength: 10, withPad: " ", startingAt: 0), next: String(repeating: " ", count: 14))
        }
        if let reading = report.reading { lines.append(contentsOf: readingLines(reading)) }
        if report.findings.isEmpty { lines.append("  no findings") }
        for finding in report.findings {
            lines.append("  [\(finding.severity.rawValue)] \(finding.code.rawValue): \(finding.message)")
            lines.append("      \(finding.messageZh)")
            if let detail = finding.detail, !detail.isEmpty { lines.append("      (\(detail))") }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func readingLines(_ reading: Reading) -> [String] {
        if let error = reading.error { return ["  read: nothing (\(error))"] }
        var fields: [String] = []
        if let title = reading.title { fields.append("title \(title.rawValue)") }
        if !reading.idNumbers.isEmpty { fields.append("ID numbers " + reading.idNumbers.joined(separator: ", ")) }
        if !reading.creditCodes.isEmpty { fields.append("credit codes " + reading.creditCodes.joined(separator: ", ")) }
        for (key, name) in reading.names.sorted(by: { $0.key < $1.key }) { fields.append("\(key) \(name)") }
        if reading.validFrom != nil || reading.validUntil != nil {
            fields.append("valid \(reading.validFrom ?? "?") to \(reading.validUntil ?? "?")")
        }
        if let confidence = reading.confidence { fields.append("confidence \(formatted(confidence))") }
        var lines = ["  read (\(reading.engine)): " + (fields.isEmpty ? "nothing recognised" : fields.joined(separator: "; "))]
        for line in reading.lines ?? [] { lines.append("    | \(line)") }
        return lines
    }

    private static func exifLines(_ exif: ExifSummary) -> [String] {
        var fields: [(String, String?)] = [
            ("camera", [exif.make, exif.model].compactMap { $0 }.joined(separator: " ")),
            ("orientation", exif.orientation.map(String.init)),
            ("taken", exif.datetimeOriginal),
            ("software", exif.software),
            ("thumbnail", exif.thumbnailBytes.map { "\($0) bytes" }),
        ]
        if let latitude = exif.gpsLatitude, let longitude = exif.gpsLongitude {
            fields.append(("gps", "\(formatted(latitude)), \(formatted(longitude))"))
        }
        let shown = fields.compactMap { name, value in value.flatMap { $0.isEmpty ? nil : "\(name): \($0)" } }
        return shown.isEmpty ? ["  exif: present, no fields of interest"] : ["  exif: " + shown.joined(separator: "; ")]
    }

    /// Items joined by two spaces, in lines of at most 100 characters, each after its prefix.
    private static func wrapped(_ items: [String], first: String, next: String) -> [String] {
        var lines: [String] = []
        var line = first
        for item in items {
            if line.count > next.count, line.count + 2 + item.count > 100 {
                lines.append(line)
                line = next
            }
            line += (line.count > next.count ? "  " : "") + item
        }
        lines.append(line)
        return lines
    }

    private static func formatted(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(format: "%.6g", value)
    }
}

/// The measures of a file in groups a person reads together: by what they measure.
enum MeasureGroups {
    /// Key prefixes per group, in the order shown; the first matching prefix wins.
    static let groups: [(name: String, prefixes: [String])] = [
        ("picture", ["analysis_", "decode", "document_analysis_", "stored_", "jpeg_", "sharpness"]),
        ("face", ["face_", "head_", "profile_", "eyes"]),
        ("backdrop", ["backdrop_", "clothing_"]),
        ("page", ["page_", "paper_", "margin_", "skew_", "chroma_", "colourful_", "blue_ink_", "stroke_"]),
        ("text", ["text_", "glyph_", "ruled_", "read_"]),
        ("seal", ["seal_"]),
        ("id card", ["id_", "held_card", "emblem_"]),
        ("capture", ["glare_", "screen_"]),
    ]

    static func grouped(_ keys: some Sequence<String>) -> [(String, [String])] {
        var members: [String: [String]] = [:]
        for key in keys {
            let group = groups.first { $0.prefixes.contains { key.hasPrefix($0) } }?.name ?? "other"
            members[group, default: []].append(key)
        }
        return (groups.map(\.name) + ["other"]).compactMap { name in members[name].map { (name, $0.sorted()) } }
    }
}

import Foundation

/// What one application's page of the review report shows, in the shape its template reads:
/// the verdict, each requirement, and each file's thumbnail with its overlays and findings.
struct ApplicationPage {
    var application: String
    var verdict: String
    var verdictZh: String
    var verdictEn: String
    var checkedAt: String
    var profile: String
    var subject: String
    var region: String?
    /// The batch's index and style sheet, relative to the page; nil for a page of its own
    /// (`check --html`), which carries its style.
    var indexLink: String?
    var stylesheet: String?
    var requirements: [RequirementRow]
    var findings: [FindingRow]
    var hasFindings: Bool
    var files: [FileCard]
    var toolVersion: String

    struct RequirementRow {
        var nameZh: String
        var nameEn: String
        var status: String
        var statusZh: String
        var required: Bool
        var files: String
    }

    struct FileCard {
        var anchor: String
        var path: String
        var roleZh: String
        var roleEn: String
        /// The role was taken from what the picture shows, not from the form or the file name.
        var roleGuessed: Bool
        var contentKind: String?
        var facts: String
        /// `error`, `warning`, `info` or `pass`: the most serious finding's severity.
        var worst: String
        var thumbnail: Thumbnail?
        var shapes: OverlayShapes?
        var reading: [String]
        var hasReading: Bool
        var findings: [FindingRow]
    }

    struct Thumbnail {
        var src: String
        var width: Int
        var height: Int
    }

    /// - Parameters:
    ///   - thumbnail: the address of a file's thumbnail by its SHA-256, nil where there is none.
    init(_ manifest: Manifest, indexLink: String?, stylesheet: String?, thumbnail: (String) -> String?) {
        application = manifest.application
        verdict = manifest.verdict.rawValue
        (verdictZh, verdictEn) = Self.verdictNames(manifest.verdict)
        checkedAt = manifest.checkedAt
        profile = manifest.profile
        subject = manifest.subjectType == "individual" ? "个人 individual" : "单位 entity"
        // 浙江 Zhejiang: Chinese first, as elsewhere on the page; a region no province matches as written.
        region = manifest.region.map { region in Province.named(region).map { "\($0.shortName) \($0.name)" } ?? region }
        toolVersion = manifest.toolVersion
        self.indexLink = indexLink
        self.stylesheet = stylesheet
        requirements = manifest.requirements.map { requirement in
            RequirementRow(
                nameZh: requirement.chineseName, nameEn: requirement.englishName, status: requirement.status.rawValue,
                statusZh: Self.statusNames[requirement.status] ?? requirement.status.rawValue, required: requirement.required,
                files: requirement.files.joined(separator: ", "))
        }
        findings = (manifest.findings + manifest.requirements.flatMap(\.findings)).map(FindingRow.init)
        hasFindings = !findings.isEmpty
        files = manifest.files.enumerated().map { index, report in
            let role = report.role ?? .unknown
            let picture = report.overlays.flatMap { _ in Self.thumbnailSize(report) }
            return FileCard(
                anchor: "file-\(index + 1)", path: report.path, roleZh: role.chineseName, roleEn: role.englishName,
                roleGuessed: report.roleSource == .content, contentKind: report.contentKind, facts: Self.facts(report),
                worst: report.worstSeverity?.rawValue ?? "pass",
                thumbnail: picture.flatMap { size in
                    report.sha256.flatMap(thumbnail).map { Thumbnail(src: $0, width: size.width, height: size.height) }
                },
                shapes: report.overlays.map(OverlayShapes.init), reading: Self.reading(report.reading),
                hasReading: report.reading.map { !Self.reading($0).isEmpty } ?? false, findings: report.findings.map(FindingRow.init))
        }
    }

    static func verdictNames(_ verdict: Verdict) -> (zh: String, en: String) {
        (verdict.chineseName, verdict.englishName.prefix(1).uppercased() + verdict.englishName.dropFirst())
    }

    static let statusNames: [Requirement.Status: String] = [.pass: "合格", .fail: "不合格", .warn: "需核对", .notApplicable: "不适用"]

    /// The thumbnail's size: the upright picture's proportions at `Thumbnails.longSide`.
    static func thumbnailSize(_ report: FileReport) -> (width: Int, height: Int)? {
        guard let width = report.measures["decoded_width"], let height = report.measures["decoded_height"], width > 0, height > 0
        else { return nil }
        let scale = min(1, Double(Thumbnails.longSide) / max(width, height))
        return (max(1, Int((width * scale).rounded())), max(1, Int((height * scale).rounded())))
    }

    /// Format, stored size and bytes: `JPEG 1200 × 1600 · 245 KB`.
    static func facts(_ report: FileReport) -> String {
        var parts = [report.format.detected.rawValue.uppercased()]
        if let width = report.format.width, let height = report.format.height { parts[0] += " \(width) × \(height)" }
        parts.append(report.bytes >= 1024 * 1024
            ? String(format: "%.1f MB", Double(report.bytes) / 1_048_576) : "\(max(1, (report.bytes + 512) / 1024)) KB")
        return parts.joined(separator: " · ")
    }

    /// What was read, one line per field.
    static func reading(_ reading: Reading?) -> [String] {
        guard let reading else { return [] }
        var lines: [String] = []
        if let title = reading.title { lines.append("标题 title: \(title.rawValue)") }
        lines += reading.idNumbers.map { "身份证号 ID number: \($0)" }
        lines += reading.creditCodes.map { "统一社会信用代码 credit code: \($0)" }
        lines += reading.names.sorted { $0.key < $1.key }.map { "名称 \($0.key): \($0.value)" }
        if reading.validFrom != nil || reading.validUntil != nil {
            lines.append("有效期 valid: \(reading.validFrom ?? "?") – \(reading.validUntil ?? "?")")
        }
        return lines
    }
}

/// One finding as the report shows it: severity, code, both messages, and the measure it compares.
struct FindingRow {
    var severity: String
    var severityZh: String
    var code: String
    var message: String
    var messageZh: String
    /// `measure = value (limit: …)`, where the finding compares a measure with a limit.
    var measure: String?

    init(_ finding: Finding) {
        severity = finding.severity.rawValue
        severityZh = switch finding.severity {
        case .error: "错误"
        case .warning: "警告"
        case .info: "提示"
        }
        code = finding.code.rawValue
        message = finding.message
        messageZh = finding.messageZh
        if let name = finding.measure {
            var text = name
            if let value = finding.value { text += " = " + Self.number(value) }
            if let limit = finding.limit { text += "（限值 limit " + Self.number(limit) + "）" }
            measure = text
        }
    }

    /// Up to four significant decimals, without trailing zeros.
    static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        var text = String(format: "%.4g", value)
        if text.contains("."), !text.contains("e") {
            while text.hasSuffix("0") { text.removeLast() }
        }
        return text
    }
}

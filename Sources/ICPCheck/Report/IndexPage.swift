/// What the review report's index shows, in the shape its template reads: the counts per verdict,
/// the finding codes to filter by, and one row per application.
struct IndexPage {
    var checkedAt: String
    var profile: String
    var toolVersion: String
    var total: Int
    var verdicts: [VerdictCount]
    var codes: [CodeCount]
    var rows: [Row]
    /// The report's style sheet, relative to the index.
    var stylesheet = HTMLReport.stylesheetName

    struct VerdictCount {
        var verdict: String
        var zh: String
        var en: String
        var count: Int
    }

    struct CodeCount {
        var code: String
        var titleZh: String
        var count: Int
    }

    struct Row {
        var application: String
        /// The application's page, relative to the index; nil where it has none.
        var link: String?
        var verdict: String
        var verdictZh: String
        var files: Int
        var errors: Int
        var warnings: Int
        /// Every code, space-separated, for the filter; and `;`-separated to read.
        var codeList: String
        var codesText: String
        var missing: String
        var firstErrorZh: String?
        var firstErrorEn: String?
        var firstErrorFile: String?
    }

    /// - Parameter link: each row's page, relative to the index (nil: none).
    init(_ summary: BatchSummary, link: (SummaryRow) -> String?) {
        checkedAt = summary.checkedAt
        profile = summary.profile
        toolVersion = summary.toolVersion
        total = summary.applications.count
        verdicts = Verdict.allCases.map { verdict in
            let names = ApplicationPage.verdictNames(verdict)
            return VerdictCount(verdict: verdict.rawValue, zh: names.zh, en: names.en, count: summary.counts[verdict.rawValue] ?? 0)
        }
        codes = summary.frequentCodes(limit: Int.max).map { code in
            CodeCount(code: code.code, titleZh: FindingCode(rawValue: code.code)?.chineseTitle ?? code.code, count: code.applications)
        }
        rows = summary.applications.map { row in
            let codes = row.errorCodes + row.warningCodes
            return Row(
                application: row.application, link: link(row), verdict: row.verdict.rawValue,
                verdictZh: row.verdict.chineseName, files: row.files, errors: row.errors, warnings: row.warnings,
                codeList: codes.joined(separator: " "), codesText: codes.joined(separator: "; "),
                missing: row.missing.map { Requirement.ID(rawValue: $0)?.chineseName ?? $0 }.joined(separator: "、"),
                firstErrorZh: row.firstError?.messageZh, firstErrorEn: row.firstError?.message, firstErrorFile: row.firstError?.file)
        }
    }
}

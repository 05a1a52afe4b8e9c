import Foundation

/// One line of the batch summary: an application's verdict and counts.
public struct SummaryRow: Codable, Sendable {
    public var application: String
    public var verdict: Verdict
    public var files: Int
    public var errors: Int
    public var warnings: Int
    /// Requirement ids that are required but missing.
    public var missing: [String]

    public init(_ manifest: Manifest) {
        application = manifest.application
        verdict = manifest.verdict
        files = manifest.files.count
        let findings = manifest.allFindings
        errors = findings.filter { $0.severity == .error }.count
        warnings = findings.filter { $0.severity == .warning }.count
        missing = manifest.requirements.filter { $0.required && !$0.present }.map(\.id.rawValue)
    }
}

/// `summary.json`: the batch at a glance.
public struct BatchSummary: Codable, Sendable {
    public var schema = "icpcheck.summary/1"
    public var checkedAt: String
    public var toolVersion: String
    public var profile: String
    public var counts: [String: Int]
    public var applications: [SummaryRow]

    public init(rows: [SummaryRow], checkedAt: String, profile: String) {
        self.checkedAt = checkedAt
        self.toolVersion = ICPCheckVersion.current
        self.profile = profile
        self.applications = rows.sorted { $0.application < $1.application }
        var counts = Dictionary(uniqueKeysWithValues: Verdict.allCases.map { ($0.rawValue, 0) })
        for row in rows { counts[row.verdict.rawValue, default: 0] += 1 }
        counts["total"] = rows.count
        self.counts = counts
    }

    enum CodingKeys: String, CodingKey {
        case schema, profile, counts, applications
        case checkedAt = "checked_at"
        case toolVersion = "tool_version"
    }

    /// `summary.csv`: one row per application; fields with commas or quotes are quoted.
    public var csv: String {
        var lines = ["application,verdict,files,errors,warnings,missing"]
        for row in applications {
            let fields = [row.application, row.verdict.rawValue, "\(row.files)", "\(row.errors)", "\(row.warnings)",
                          row.missing.joined(separator: ";")]
            lines.append(fields.map(Self.quoted).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func quoted(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

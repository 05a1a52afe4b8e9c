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
    /// The manifest's file name in the output folder (not always the application's name: see
    /// `ManifestFileNames`).
    public var manifest: String?

    init(_ manifest: Manifest, file: String? = nil) {
        self.manifest = file
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
    /// Sub-folders of the uploads folder that were not checked because they are icpcheck output
    /// folders (this run's, or an earlier run's, known by their lock file).
    public var excludedFolders: [String]

    init(rows: [SummaryRow], checkedAt: String, profile: String, excludedFolders: [String] = []) {
        self.checkedAt = checkedAt
        self.toolVersion = ICPCheckVersion.current
        self.profile = profile
        self.excludedFolders = excludedFolders
        self.applications = rows.sorted { ($0.application, $0.manifest ?? "") < ($1.application, $1.manifest ?? "") }
        var counts = Dictionary(uniqueKeysWithValues: Verdict.allCases.map { ($0.rawValue, 0) })
        for row in rows { counts[row.verdict.rawValue, default: 0] += 1 }
        counts["total"] = rows.count
        self.counts = counts
    }

    enum CodingKeys: String, CodingKey {
        case schema, profile, counts, applications
        case checkedAt = "checked_at"
        case toolVersion = "tool_version"
        case excludedFolders = "excluded_folders"
    }

    /// `summary.csv`: one row per application; fields with commas or quotes are quoted.
    public var csv: String {
        var lines = ["application,verdict,files,errors,warnings,missing,manifest"]
        for row in applications {
            let fields = [row.application, row.verdict.rawValue, "\(row.files)", "\(row.errors)", "\(row.warnings)",
                          row.missing.joined(separator: ";"), row.manifest ?? ""]
            lines.append(fields.map(Self.quoted).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func quoted(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

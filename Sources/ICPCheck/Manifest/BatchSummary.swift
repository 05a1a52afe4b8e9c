import Foundation

/// One line of the batch summary: an application's verdict and counts, and what an operator routes
/// it by (its finding codes, its first error, what is missing).
public struct SummaryRow: Codable, Sendable, Equatable {
    public var application: String
    public var verdict: Verdict
    public var files: Int
    public var errors: Int
    public var warnings: Int
    /// The codes of its error and warning findings, each once, sorted.
    public var errorCodes: [String]
    public var warningCodes: [String]
    /// Its first error, in the manifest's order (the application's own findings, then the
    /// requirements', then the files'); nil when it has none.
    public var firstError: FirstError?
    /// Requirement ids that are required but missing.
    public var missing: [String]
    /// The manifest's file name in the output folder (not always the application's name: see
    /// `ManifestFileNames`).
    public var manifest: String?
    /// The manifest's path: the output folder as given, and the file name.
    public var manifestPath: String?

    /// An application's first error: where an operator starts.
    public struct FirstError: Codable, Sendable, Equatable {
        public var code: String
        /// The file it is about, relative to the application folder; nil for the application or a requirement.
        public var file: String?
        public var message: String
        public var messageZh: String

        enum CodingKeys: String, CodingKey {
            case code, file, message
            case messageZh = "message_zh"
        }
    }

    enum CodingKeys: String, CodingKey {
        case application, verdict, files, errors, warnings, missing, manifest
        case errorCodes = "error_codes", warningCodes = "warning_codes", firstError = "first_error", manifestPath = "manifest_path"
    }

    /// - Parameters:
    ///   - file: the manifest's file name in the output folder.
    ///   - folder: the output folder, as given.
    init(_ manifest: Manifest, file: String? = nil, folder: String? = nil) {
        self.manifest = file
        manifestPath = file.map { name in folder.map { ($0.hasSuffix("/") ? $0 : $0 + "/") + name } ?? name }
        application = manifest.application
        verdict = manifest.verdict
        files = manifest.files.count
        // Each finding with the file it is about, in the manifest's order.
        let located = (manifest.findings + manifest.requirements.flatMap(\.findings)).map { (finding: $0, file: String?.none) }
            + manifest.files.flatMap { report in report.findings.map { (finding: $0, file: Optional(report.path)) } }
        let errorFindings = located.filter { $0.finding.severity == .error }
        let warningFindings = located.filter { $0.finding.severity == .warning }
        errors = errorFindings.count
        warnings = warningFindings.count
        errorCodes = Set(errorFindings.map(\.finding.code.rawValue)).sorted()
        warningCodes = Set(warningFindings.map(\.finding.code.rawValue)).sorted()
        firstError = errorFindings.first.map {
            FirstError(code: $0.finding.code.rawValue, file: $0.file, message: $0.finding.message, messageZh: $0.finding.messageZh)
        }
        missing = manifest.requirements.filter { $0.required && !$0.present }.map(\.id.rawValue)
    }
}

/// How the cache of file reports served a batch.
public struct CacheSummary: Codable, Sendable, Equatable {
    public var path: String
    /// Files whose reports were taken from the cache, and files that were checked.
    public var hits: Int
    public var misses: Int
    /// Where a damaged cache file was moved before a new one was started; nil when none was.
    public var setAside: String?

    enum CodingKeys: String, CodingKey {
        case path, hits, misses
        case setAside = "set_aside"
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
    /// How the cache of file reports served this run; nil when there was none.
    public var cache: CacheSummary?
    /// The part of the batch this summary covers (`batch --shard`); nil for a whole batch.
    public var shard: Shard?
    /// The review report's index page (`--html`); nil when none was written.
    public var report: String?

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
        case cache, shard, report
    }

    /// `summary.csv`: one row per application; fields with commas, quotes or line breaks are quoted,
    /// lists are `;`-joined. The first seven columns are those of earlier versions, in their order.
    /// - Parameter byteOrderMark: starts the file with a UTF-8 BOM, without which Excel on a Chinese
    ///   Windows reads UTF-8 as the local code page.
    public func csv(byteOrderMark: Bool = false) -> String {
        var lines = [Self.csvColumns.joined(separator: ",")]
        for row in applications {
            let fields = [
                row.application, row.verdict.rawValue, "\(row.files)", "\(row.errors)", "\(row.warnings)",
                row.missing.joined(separator: ";"), row.manifest ?? "",
                row.errorCodes.joined(separator: ";"), row.warningCodes.joined(separator: ";"),
                row.firstError?.code ?? "", row.firstError?.file ?? "", row.firstError?.messageZh ?? "", row.firstError?.message ?? "",
                row.manifestPath ?? "",
            ]
            lines.append(fields.map(Self.quoted).joined(separator: ","))
        }
        return (byteOrderMark ? "\u{FEFF}" : "") + lines.joined(separator: "\n") + "\n"
    }

    static let csvColumns = [
        "application", "verdict", "files", "errors", "warnings", "missing", "manifest",
        "error_codes", "warning_codes", "first_error_code", "first_error_file", "first_error_zh", "first_error_en", "manifest_path",
    ]

    /// The finding codes of the most applications, with how many applications have each (an
    /// application with a code twice counts once): what to route work by. Ties go by the code.
    public func frequentCodes(limit: Int) -> [(code: String, severity: Severity, applications: Int)] {
        var counts: [String: (severity: Severity, applications: Int)] = [:]
        for row in applications {
            for code in row.errorCodes { counts[code, default: (.error, 0)].applications += 1 }
            for code in row.warningCodes where !row.errorCodes.contains(code) { counts[code, default: (.warning, 0)].applications += 1 }
        }
        return counts.map { (code: $0.key, severity: $0.value.severity, applications: $0.value.applications) }
            .sorted { ($1.applications, $0.code) < ($0.applications, $1.code) }
            .prefix(limit).map { $0 }
    }

    private static func quoted(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

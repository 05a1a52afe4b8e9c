/// The per-application result (`"schema": "icpcheck.manifest/1"`): which required materials are
/// present and acceptable, the verdict, and every file's report.
public struct Manifest: Codable, Sendable {
    public var schema = "icpcheck.manifest/1"
    public var application: String
    /// ISO 8601, UTC.
    public var checkedAt: String
    public var toolVersion: String
    public var profile: String
    public var verdict: Verdict
    /// `entity` or `individual`, as declared or assumed.
    public var subjectType: String
    /// Canonical province name; nil when unknown.
    public var region: String?
    public var requirements: [Requirement]
    public var files: [FileReport]
    /// Findings about the application as a whole (form data, region notes, unrecognised files).
    public var findings: [Finding]

    enum CodingKeys: String, CodingKey {
        case schema, application, profile, verdict, region, requirements, files, findings
        case checkedAt = "checked_at"
        case toolVersion = "tool_version"
        case subjectType = "subject_type"
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(schema, forKey: .schema)
        try container.encode(application, forKey: .application)
        try container.encode(checkedAt, forKey: .checkedAt)
        try container.encode(toolVersion, forKey: .toolVersion)
        try container.encode(profile, forKey: .profile)
        try container.encode(verdict, forKey: .verdict)
        try container.encode(subjectType, forKey: .subjectType)
        try container.encode(region, forKey: .region)
        try container.encode(requirements, forKey: .requirements)
        try container.encode(files, forKey: .files)
        try container.encode(findings, forKey: .findings)
    }

    /// Every finding of the application: its own, its requirements' and its files'.
    public var allFindings: [Finding] { findings + requirements.flatMap(\.findings) + files.flatMap(\.findings) }
}

/// Whether an application can be submitted as it is.
public enum Verdict: String, Codable, Sendable, CaseIterable {
    /// Every required material is present and has no error or warning.
    case ready
    /// Only warnings: a person should look before submitting.
    case needsReview = "needs_review"
    /// A required material is missing or has an error.
    case notReady = "not_ready"
}

/// Which verdicts fail a run (exit status 1): `warning` (the default) fails on `needs_review` and
/// `not_ready`; `error` fails on `not_ready` only, so an application that needs a person's look
/// passes a pipeline step.
extension Verdict {
    /// The verdict as a person reads it.
    public var chineseName: String {
        switch self {
        case .ready: "可提交"
        case .needsReview: "需核对"
        case .notReady: "未就绪"
        }
    }

    public var englishName: String {
        switch self {
        case .ready: "ready"
        case .needsReview: "needs review"
        case .notReady: "not ready"
        }
    }
}

public enum FailOn: String, Sendable, CaseIterable {
    case error, warning

    public func fails(_ verdict: Verdict) -> Bool {
        switch self {
        case .error: verdict == .notReady
        case .warning: verdict != .ready
        }
    }
}

/// One required (or optional) material of an application and how its files fare.
public struct Requirement: Codable, Sendable {
    /// Which material: the JSON `id`.
    public enum ID: String, Codable, Sendable, CaseIterable {
        case authenticityStatement = "authenticity_statement"
        case subjectCertificate = "subject_certificate"
        case administratorID = "administrator_id"
        case administratorPhoto = "administrator_photo"
        case domainCertificate = "domain_certificate"
        case preApproval = "pre_approval"
    }

    /// How the material fares: `pass`, `warn`, `fail`, or `not_applicable` when it is not needed.
    public enum Status: String, Codable, Sendable {
        case pass, fail, warn
        case notApplicable = "not_applicable"
    }

    public var id: ID
    public var required: Bool
    public var present: Bool
    public var status: Status
    /// Paths of the files that count for it.
    public var files: [String]
    public var findings: [Finding]
    /// For the statement: the form the provider or region asks for.
    public var form: StatementForm?
}

/// The current version, written into every manifest and printed by `icpcheck --version`.
public enum ICPCheckVersion {
    /// The version as written into manifests (`tool_version`).
    public static let current = "0.2.0"
}

extension Requirement.ID {
    /// The material's name in English, for a checklist.
    public var englishName: String {
        switch self {
        case .authenticityStatement: "Authenticity statement"
        case .subjectCertificate: "Subject certificate"
        case .administratorID: "Administrator ID card (both sides)"
        case .administratorPhoto: "Administrator photo"
        case .domainCertificate: "Domain certificate"
        case .preApproval: "Pre-approval documents"
        }
    }

    /// The material's name in Chinese, for a checklist.
    public var chineseName: String {
        switch self {
        case .authenticityStatement: "真实性核验单（承诺书）"
        case .subjectCertificate: "主体证件"
        case .administratorID: "负责人身份证（正反面）"
        case .administratorPhoto: "负责人核验照片"
        case .domainCertificate: "域名证书"
        case .preApproval: "前置审批文件"
        }
    }
}

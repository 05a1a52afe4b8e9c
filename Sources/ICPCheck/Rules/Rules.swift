/// The effective rules: the embedded defaults, merged with a user's rules file and a provider profile.
///
/// Every threshold behind a finding is here; `default-rules.yaml` documents each one. To a library
/// user the rules are a value to pass in `CheckOptions`: make them with `RulesLoader.load(file:profile:)`
/// and change them with a rules file (`icpcheck rules` prints the keys); the thresholds themselves
/// are not public API.
public struct Rules: Codable, Sendable, Equatable {
    var schema: String
    /// The provider profile merged in (`generic`, `aliyun`, `tencent`, `huawei`, `volcengine`).
    public internal(set) var profile: String
    /// Per role, plus `default` for every role.
    var materials: [String: MaterialRules]
    /// DPI values that writers record when they know nothing (72, 96): not a real resolution.
    var dpiPlaceholders: [Double]
    var photo: PhotoRules
    var provider: ProviderRules
    var portrait: PortraitRules
    var document: DocumentRules
    var reading: ReadingRules
    /// In priority order: the first entry with a keyword in a file name gives its role.
    var roleKeywords: [RoleKeywords]
    var idSideKeywords: [String: [String]]
    var regions: RegionRules
    var naming: NamingRules

    enum CodingKeys: String, CodingKey {
        case schema, profile, materials, photo, provider, portrait, document, reading, regions, naming
        case roleKeywords = "role_keywords"
        case dpiPlaceholders = "dpi_placeholders"
        case idSideKeywords = "id_side_keywords"
    }

    /// The rules for one role: its own keys over the `default` entry.
    func material(for role: MaterialRole) -> MaterialRules {
        let base = materials["default"] ?? MaterialRules()
        return base.overridden(by: materials[role.rawValue] ?? MaterialRules())
    }
}

/// The file-name keywords of one role (`id_card` stands for either side of an ID card).
struct RoleKeywords: Codable, Sendable, Equatable {
    var role: String
    var keywords: [String]
}

/// File limits for one material role; nil keys fall back to the `default` entry.
struct MaterialRules: Codable, Sendable, Equatable {
    var formats: [ImageFormat]?
    var minBytes: Int?
    var maxBytes: Int?
    var minLongSide: Int?
    var minShortSide: Int?
    /// 0 or nil: no maximum.
    var maxLongSide: Int?
    /// Checked only when the file records a resolution; 0 turns the check off.
    var minDPI: Double?
    var colorRequired: Bool?

    init() {}

    enum CodingKeys: String, CodingKey {
        case formats
        case minBytes = "min_bytes"
        case maxBytes = "max_bytes"
        case minLongSide = "min_long_side"
        case minShortSide = "min_short_side"
        case maxLongSide = "max_long_side"
        case minDPI = "min_dpi"
        case colorRequired = "color_required"
    }

    func overridden(by other: MaterialRules) -> MaterialRules {
        var merged = self
        merged.formats = other.formats ?? formats
        merged.minBytes = other.minBytes ?? minBytes
        merged.maxBytes = other.maxBytes ?? maxBytes
        merged.minLongSide = other.minLongSide ?? minLongSide
        merged.minShortSide = other.minShortSide ?? minShortSide
        merged.maxLongSide = other.maxLongSide ?? maxLongSide
        merged.minDPI = other.minDPI ?? minDPI
        merged.colorRequired = other.colorRequired ?? colorRequired
        return merged
    }
}

/// EXIF checks on photos of people.
struct PhotoRules: Codable, Sendable, Equatable {
    var maxAgeDays: Int
    var editors: [String]
    var requireCamera: Bool
    var thumbnailAspectTolerance: Double
    var backdropColors: [String]

    enum CodingKeys: String, CodingKey {
        case editors
        case maxAgeDays = "max_age_days"
        case requireCamera = "require_camera"
        case thumbnailAspectTolerance = "thumbnail_aspect_tolerance"
        case backdropColors = "backdrop_colors"
    }
}

/// The provider a profile is for: how findings name it, the statement form it asks for, and
/// whether it refuses copies outright.
struct ProviderRules: Codable, Sendable, Equatable {
    var name: String?
    var nameZh: String?
    var statementForm: StatementForm
    var refusesCopies: Bool

    /// How a message names the provider, English and Chinese: "the provider" where the profile names none.
    var named: (en: String, zh: String) { (name ?? "the provider", nameZh ?? "服务商") }

    enum CodingKeys: String, CodingKey {
        case name
        case nameZh = "name_zh"
        case statementForm = "statement_form"
        case refusesCopies = "refuses_copies"
    }
}

/// Region lists and per-province thresholds; provinces by canonical English name.
struct RegionRules: Codable, Sendable, Equatable {
    var appVerification: [String]
    var smsVerification: [String]
    var appUpload: [String]
    var domainCertificate: [String: DomainCertificateRule]
    var domainCertificateEverywhere: Bool
    var outOfProvinceIndividualsRefused: [String]
    var commitmentLetter: [String]
    var defaultRegion: String?

    enum CodingKeys: String, CodingKey {
        case appVerification = "app_verification"
        case smsVerification = "sms_verification"
        case appUpload = "app_upload"
        case domainCertificate = "domain_certificate"
        case domainCertificateEverywhere = "domain_certificate_everywhere"
        case outOfProvinceIndividualsRefused = "out_of_province_individuals_refused"
        case commitmentLetter = "commitment_letter"
        case defaultRegion = "default_region"
    }
}

/// From how many domains a province asks for domain certificates; nil means never.
struct DomainCertificateRule: Codable, Sendable, Equatable {
    var entity: Int?
    var individual: Int?
}

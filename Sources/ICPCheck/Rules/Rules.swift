/// The effective rules: the embedded defaults, merged with a user's rules file and a provider profile.
///
/// Every threshold behind a finding is here; `default-rules.yaml` documents each one.
public struct Rules: Codable, Sendable, Equatable {
    public var schema: String
    /// The provider profile merged in (`generic`, `aliyun`, `tencent`, `huawei`, `volcengine`).
    public var profile: String
    /// Per role, plus `default` for every role.
    public var materials: [String: MaterialRules]
    /// DPI values that writers record when they know nothing (72, 96): not a real resolution.
    public var dpiPlaceholders: [Double]
    public var photo: PhotoRules
    public var portrait: PortraitRules
    public var document: DocumentRules
    /// In priority order: the first entry with a keyword in a file name gives its role.
    public var roleKeywords: [RoleKeywords]
    public var idSideKeywords: [String: [String]]
    public var regions: RegionRules
    public var naming: NamingRules

    enum CodingKeys: String, CodingKey {
        case schema, profile, materials, photo, portrait, document, regions, naming
        case roleKeywords = "role_keywords"
        case dpiPlaceholders = "dpi_placeholders"
        case idSideKeywords = "id_side_keywords"
    }

    /// The rules for one role: its own keys over the `default` entry.
    public func material(for role: MaterialRole) -> MaterialRules {
        let base = materials["default"] ?? MaterialRules()
        return base.overridden(by: materials[role.rawValue] ?? MaterialRules())
    }
}

/// The file-name keywords of one role (`id_card` stands for either side of an ID card).
public struct RoleKeywords: Codable, Sendable, Equatable {
    public var role: String
    public var keywords: [String]
}

/// File limits for one material role; nil keys fall back to the `default` entry.
public struct MaterialRules: Codable, Sendable, Equatable {
    public var formats: [ImageFormat]?
    public var minBytes: Int?
    public var maxBytes: Int?
    public var minLongSide: Int?
    public var minShortSide: Int?
    /// Checked only when the file records a resolution; 0 turns the check off.
    public var minDPI: Double?
    public var colorRequired: Bool?

    public init() {}

    enum CodingKeys: String, CodingKey {
        case formats
        case minBytes = "min_bytes"
        case maxBytes = "max_bytes"
        case minLongSide = "min_long_side"
        case minShortSide = "min_short_side"
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
        merged.minDPI = other.minDPI ?? minDPI
        merged.colorRequired = other.colorRequired ?? colorRequired
        return merged
    }
}

/// EXIF checks on photos of people.
public struct PhotoRules: Codable, Sendable, Equatable {
    public var maxAgeDays: Int
    public var editors: [String]
    public var requireCamera: Bool
    public var thumbnailAspectTolerance: Double
    public var backdropColors: [String]

    enum CodingKeys: String, CodingKey {
        case editors
        case maxAgeDays = "max_age_days"
        case requireCamera = "require_camera"
        case thumbnailAspectTolerance = "thumbnail_aspect_tolerance"
        case backdropColors = "backdrop_colors"
    }
}

/// Region lists and per-province thresholds; provinces by canonical English name.
public struct RegionRules: Codable, Sendable, Equatable {
    public var appVerification: [String]
    public var smsVerification: [String]
    public var appUpload: [String]
    public var domainCertificate: [String: DomainCertificateRule]
    public var domainCertificateEverywhere: Bool
    public var outOfProvinceIndividualsRefused: [String]
    public var defaultRegion: String?

    enum CodingKeys: String, CodingKey {
        case appVerification = "app_verification"
        case smsVerification = "sms_verification"
        case appUpload = "app_upload"
        case domainCertificate = "domain_certificate"
        case domainCertificateEverywhere = "domain_certificate_everywhere"
        case outOfProvinceIndividualsRefused = "out_of_province_individuals_refused"
        case defaultRegion = "default_region"
    }
}

/// From how many domains a province asks for domain certificates; nil means never.
public struct DomainCertificateRule: Codable, Sendable, Equatable {
    public var entity: Int?
    public var individual: Int?
}

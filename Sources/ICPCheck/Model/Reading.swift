/// What Tesseract read on a page or card (the report's `reading`): the document's title, the
/// numbers whose check characters are right, names and the validity period. A field that was not
/// read is absent, never guessed.
public struct Reading: Codable, Sendable, Equatable {
    /// "tesseract 5.3.0 (chi_sim, eng)".
    public var engine: String
    public var title: DocumentTitle?
    /// Resident ID numbers (GB 11643), as printed, each with its check character right.
    public var idNumbers: [String] = []
    /// Unified social credit codes (GB 32100), each with both its check characters right.
    public var creditCodes: [String] = []
    /// `holder` (an ID card's 姓名), `subject` (a licence's 名称, a statement's sponsor, a domain's
    /// holder), `administrator` (a statement's website administrator).
    public var names: [String: String] = [:]
    /// `YYYY-MM-DD`.
    public var validFrom: String?
    /// `YYYY-MM-DD`, or `long_term` for 长期.
    public var validUntil: String?
    /// The day a statement or letter was signed, `YYYY-MM-DD`.
    public var signedOn: String?
    /// Tesseract's mean confidence (0–1) over the lines the fields came from.
    public var confidence: Double?
    /// Every line read, for a person to look at (`inspect --text`); absent otherwise.
    public var lines: [String]?
    /// Why nothing could be read (Tesseract's models missing); absent when reading ran.
    public var error: String?
    /// Each name's own line confidence, for the judge; not part of the JSON.
    var nameConfidence: [String: Double] = [:]
    /// How many lines of print were read (`reading.print_line_confidence`), for the judge; not part
    /// of the JSON (the report's measure `read_print_lines`).
    var printLines = 0

    init(engine: String) { self.engine = engine }

    public static let longTerm = "long_term"

    enum CodingKeys: String, CodingKey {
        case engine, title, names, confidence, lines, error
        case idNumbers = "id_numbers"
        case creditCodes = "credit_codes"
        case validFrom = "valid_from"
        case validUntil = "valid_until"
        case signedOn = "signed_on"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        engine = try container.decode(String.self, forKey: .engine)
        title = try container.decodeIfPresent(DocumentTitle.self, forKey: .title)
        idNumbers = try container.decodeIfPresent([String].self, forKey: .idNumbers) ?? []
        creditCodes = try container.decodeIfPresent([String].self, forKey: .creditCodes) ?? []
        names = try container.decodeIfPresent([String: String].self, forKey: .names) ?? [:]
        validFrom = try container.decodeIfPresent(String.self, forKey: .validFrom)
        validUntil = try container.decodeIfPresent(String.self, forKey: .validUntil)
        signedOn = try container.decodeIfPresent(String.self, forKey: .signedOn)
        confidence = try container.decodeIfPresent(Double.self, forKey: .confidence)
        lines = try container.decodeIfPresent([String].self, forKey: .lines)
        error = try container.decodeIfPresent(String.self, forKey: .error)
    }

    // Absent fields are left out rather than written as null or empty.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(engine, forKey: .engine)
        try container.encodeIfPresent(title, forKey: .title)
        if !idNumbers.isEmpty { try container.encode(idNumbers, forKey: .idNumbers) }
        if !creditCodes.isEmpty { try container.encode(creditCodes, forKey: .creditCodes) }
        if !names.isEmpty { try container.encode(names, forKey: .names) }
        try container.encodeIfPresent(validFrom, forKey: .validFrom)
        try container.encodeIfPresent(validUntil, forKey: .validUntil)
        try container.encodeIfPresent(signedOn, forKey: .signedOn)
        try container.encodeIfPresent(confidence, forKey: .confidence)
        try container.encodeIfPresent(lines, forKey: .lines)
        try container.encodeIfPresent(error, forKey: .error)
    }
}

/// What a page says it is, by its printed title or its card's labels.
public enum DocumentTitle: String, Codable, Sendable, CaseIterable {
    case businessLicence = "business_licence"
    case idCardFront = "id_card_front"
    case idCardBack = "id_card_back"
    case authenticityStatement = "authenticity_statement"
    case commitmentLetter = "commitment_letter"
    case domainCertificate = "domain_certificate"
    case authorizationLetter = "authorization_letter"

    /// The material a page with this title is.
    var role: MaterialRole {
        switch self {
        case .businessLicence: .subjectCertificate
        case .idCardFront: .idCardFront
        case .idCardBack: .idCardBack
        case .authenticityStatement, .commitmentLetter: .authenticityStatement
        case .domainCertificate: .domainCertificate
        case .authorizationLetter: .authorizationLetter
        }
    }
}

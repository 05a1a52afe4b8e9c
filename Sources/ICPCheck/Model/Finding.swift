/// How much a finding matters to a reviewer.
public enum Severity: String, Codable, Sendable, Comparable {
    case info
    case warning
    case error

    private var rank: Int {
        switch self {
        case .info: 0
        case .warning: 1
        case .error: 2
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// One thing found about a file or an application, with a stable code and a message in English and Chinese.
///
/// Tools and tests match on `code`; the message texts may change between versions.
public struct Finding: Codable, Sendable, Hashable {
    /// Dotted and stable in the JSON, e.g. `format.extension_mismatch`.
    public var code: FindingCode
    public var severity: Severity
    public var message: String
    public var messageZh: String
    /// The measure the finding compares with a limit (a key of the file's `measures`, or a fact
    /// such as `bytes`), where it compares one; with several, the one that decided.
    public var measure: String?
    /// The measured number, where the finding compares one against a limit.
    public var value: Double?
    public var limit: Double?
    /// What the codec itself said (libjpeg, libpng or libexif text), kept for debugging.
    public var detail: String?

    init(
        code: FindingCode, severity: Severity, message: String, messageZh: String,
        measure: String? = nil, value: Double? = nil, limit: Double? = nil, detail: String? = nil
    ) {
        self.code = code
        self.severity = severity
        self.message = message
        self.messageZh = messageZh
        self.measure = measure
        self.value = value
        self.limit = limit
        self.detail = detail
    }

    enum CodingKeys: String, CodingKey {
        case code, severity, message, measure, value, limit, detail
        case messageZh = "message_zh"
    }
}

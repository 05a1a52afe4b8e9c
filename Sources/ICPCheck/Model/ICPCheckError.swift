/// The one error type of the library: a file could not be checked at all, or a codec refused it.
///
/// `code` is a finding code (`format.truncated`, `format.corrupt`, …) so that an error turns into
/// a finding without translation.
public struct ICPCheckError: Error, Sendable, CustomStringConvertible {
    public var code: FindingCode
    /// What happened, in words a user can act on.
    public var message: String
    public var path: String?
    /// The C library's own text or errno description.
    public var underlying: String?
    /// The same message in Chinese: every error gives both, so none reaches a user untranslated.
    public var messageZh: String

    init(code: FindingCode, message: String, messageZh: String, path: String? = nil, underlying: String? = nil) {
        self.code = code
        self.message = message
        self.path = path
        self.underlying = underlying
        self.messageZh = messageZh
    }

    public var description: String {
        var text = "\(code.rawValue): \(message)"
        if let path { text = "\(path): " + text }
        if let underlying, !underlying.isEmpty { text += " (\(underlying))" }
        return text
    }
}

internal import CImageCodecs

/// What a codec said during one call, copied out of the C struct.
struct CodecDiagnostics: Sendable {
    var error: String
    var errorCode: Int
    var warning: String
    var warningCode: Int
    var warningCount: Int

    init(_ raw: cic_diagnostics) {
        var raw = raw
        error = Self.string(&raw.error)
        warning = Self.string(&raw.warning)
        errorCode = Int(raw.error_code)
        warningCode = Int(raw.warning_code)
        warningCount = Int(raw.warning_count)
    }

    /// Reads a NUL-terminated C string out of an imported fixed-size char array.
    private static func string<T>(_ tuple: inout T) -> String {
        withUnsafeBytes(of: &tuple) { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            let end = bytes.firstIndex(of: 0) ?? bytes.count
            return String(decoding: bytes[..<end], as: UTF8.self)
        }
    }
}

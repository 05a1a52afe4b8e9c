public import Foundation

/// The JSON form of reports and manifests: sorted keys, so output is stable and diffs stay small.
public enum ManifestJSON {
    /// Pretty-printed JSON with sorted keys of a manifest, a file report, a batch summary or any
    /// other encodable value, ending with a line break (a text file's last line ends too): the bytes
    /// `icpcheck` writes.
    public static func encode(_ value: some Encodable) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(value) + Data("\n".utf8)
    }

    /// The same on one line, with sorted keys: one record of a JSON Lines stream.
    public static func encodeLine(_ value: some Encodable) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(value) + Data("\n".utf8)
    }
}

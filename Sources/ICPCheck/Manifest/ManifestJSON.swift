public import Foundation

/// The JSON form of reports and manifests: sorted keys, so output is stable and diffs stay small.
public enum ManifestJSON {
    public static func encode(_ value: some Encodable) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(value)
    }
}

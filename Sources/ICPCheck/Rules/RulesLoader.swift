public import Foundation
import Yams

/// Builds the effective `Rules`: embedded defaults, then a user's file merged key by key, then the
/// chosen provider profile.
public enum RulesLoader {
    /// The embedded default rules document, comments included (`icpcheck rules`).
    package static var defaultDocument: String { String(decoding: PackageResources.default_rules_yaml, as: UTF8.self) }

    /// The providers the defaults have a profile for.
    public static var profileNames: [String] {
        ((try? tree(defaultDocument, source: "default rules"))?["profiles"] as? [String: Any])?.keys.sorted() ?? []
    }

    /// - Parameters:
    ///   - file: a YAML or JSON rules file to merge over the defaults, or nil.
    ///   - profile: a profile name under `profiles`; nil keeps the document's own `profile` or `generic`.
    /// - Throws: `RulesError` naming the key and the problem.
    public static func load(file: URL? = nil, profile: String? = nil) throws -> Rules {
        var merged = try tree(defaultDocument, source: "default rules")
        if let file {
            let text = try readRulesFile(file.path)
            let user = try tree(text, source: file.path)
            try checkKeys(user, against: merged, path: [])
            merged = merge(merged, user)
        }
        let chosen = profile ?? (merged["profile"] as? String) ?? "generic"
        let profiles = merged.removeValue(forKey: "profiles") as? [String: Any] ?? [:]
        guard let overlay = profiles[chosen] else {
            throw RulesError(message: "unknown profile '\(chosen)'; known: \(profiles.keys.sorted().joined(separator: ", "))")
        }
        if let overlay = overlay as? [String: Any] {
            try checkKeys(overlay, against: merged, path: ["profiles", chosen])
            merged = merge(merged, overlay)
        }
        merged["profile"] = chosen
        let rules = try decode(merged)
        try checkPictureSizes(rules)
        return rules
    }

    /// A rules document is a few kilobytes; a megabyte is far more than any.
    static let maxRulesBytes = 1 << 20

    /// The file's text, read the way uploads are (a FIFO or device is refused, not waited on).
    private static func readRulesFile(_ path: String) throws -> String {
        do {
            let bytes = try FileReader.read(namedPath: path, maxBytes: maxRulesBytes).bytes
            guard let text = String(validating: bytes, as: UTF8.self) else {
                throw RulesError(message: "rules file \(path) is not UTF-8 text")
            }
            return text
        } catch let error as ICPCheckError {
            throw RulesError(message: "cannot read rules file \(path): \(error.message)")
        }
    }

    /// The sizes of the pictures the measures work on must be ones they can work on: a face window
    /// or a page needs some pixels, and shrinking a decoded picture (at most 100,000 pixels long)
    /// to so few that one output pixel averages millions of input pixels is no measure.
    private static func checkPictureSizes(_ rules: Rules) throws {
        let sizes = [
            ("portrait.detection_size", rules.portrait.detectionSize),
            ("portrait.profile_detection_size", rules.portrait.profileDetectionSize),
            ("portrait.hog_detection_size", rules.portrait.hogDetectionSize),
            ("portrait.backdrop.analysis_size", rules.portrait.backdrop.analysisSize),
            ("document.analysis_size", rules.document.analysisSize),
            ("reading.layout_long_side", rules.reading.layoutLongSide),
            ("reading.max_long_side", rules.reading.maxLongSide),
        ]
        for (key, size) in sizes where !(32...8192).contains(size) {
            throw RulesError(key: key, message: "\(size) is not a picture size the measures work at (32 to 8192 pixels)")
        }
    }

    /// The effective rules as a YAML document (comments are only in the default document), for
    /// `icpcheck rules --rules FILE` or `--profile NAME`: the same bytes on every run.
    package static func document(_ rules: Rules) throws -> String {
        try RulesDocument.render(rules)
    }

    // MARK: - Trees

    private static func tree(_ text: String, source: String) throws -> [String: Any] {
        let loaded: Any?
        do { loaded = try Yams.load(yaml: text) } catch {
            throw RulesError(message: "\(source) is not valid YAML or JSON: \(error)")
        }
        guard let dictionary = loaded as? [String: Any] else {
            throw RulesError(message: "\(source) must be a mapping of keys to values at the top level")
        }
        return dictionary
    }

    /// Maps whose keys are data (roles, provinces, profiles) rather than fixed names.
    private static let openMaps: Set<String> = [
        "materials", "id_side_keywords", "regions.domain_certificate", "naming.province_patterns",
        "portrait.backdrop.colors",
        "profiles",
    ]

    /// Refuses keys the defaults do not have, so that a typo is an error rather than silently ignored.
    private static func checkKeys(_ user: [String: Any], against base: [String: Any], path: [String]) throws {
        // Inside a profile, the same maps are open as at the top level.
        let here = (path.first == "profiles" ? Array(path.dropFirst(2)) : path)
        for (key, value) in user {
            let keyPath = path + [key]
            if here.count == 2 && here[0] == "materials" {
                // A role's entry may set any material key, whether or not the default file sets it for that role.
                guard MaterialRules.CodingKeys(stringValue: key) != nil else {
                    throw RulesError(key: keyPath.joined(separator: "."), message: "unknown key")
                }
                continue
            }
            guard let known = base[key] else {
                if openMaps.contains(here.joined(separator: ".")) || path == ["profiles"] { continue }
                throw RulesError(key: keyPath.joined(separator: "."), message: "unknown key")
            }
            if let nested = value as? [String: Any], let knownNested = known as? [String: Any] {
                try checkKeys(nested, against: knownNested, path: keyPath)
            }
        }
    }

    /// `overlay` over `base`: mappings merge key by key, everything else (lists included) is replaced.
    static func merge(_ base: [String: Any], _ overlay: [String: Any]) -> [String: Any] {
        var result = base
        for (key, value) in overlay {
            if let nested = value as? [String: Any], let baseNested = base[key] as? [String: Any] {
                result[key] = merge(baseNested, nested)
            } else {
                result[key] = value
            }
        }
        return result
    }

    private static func decode(_ tree: [String: Any]) throws -> Rules {
        let yaml: String
        do { yaml = try Yams.dump(object: tree) } catch { throw RulesError(message: "rules cannot be re-encoded: \(error)") }
        do {
            return try YAMLDecoder().decode(Rules.self, from: yaml)
        } catch let error as DecodingError {
            throw RulesError(decoding: error)
        }
    }
}

/// A rules document that cannot be used, with the key at fault.
public struct RulesError: Error, Sendable, CustomStringConvertible {
    public var key: String?
    public var message: String

    init(key: String? = nil, message: String) {
        self.key = key
        self.message = message
    }

    init(decoding error: DecodingError) {
        func path(_ context: DecodingError.Context) -> String {
            context.codingPath.reduce("") { path, key in
                if let index = key.intValue { return path + "[\(index)]" }
                return path.isEmpty ? key.stringValue : path + "." + key.stringValue
            }
        }
        switch error {
        case .typeMismatch(let type, let context):
            self.init(key: path(context), message: "expected \(type): \(context.debugDescription)")
        case .valueNotFound(let type, let context):
            self.init(key: path(context), message: "missing \(type) value")
        case .keyNotFound(let key, let context):
            let parent = path(context)
            self.init(key: parent.isEmpty ? key.stringValue : parent + "." + key.stringValue, message: "missing key")
        case .dataCorrupted(let context):
            self.init(key: path(context), message: context.debugDescription)
        @unknown default:
            self.init(message: "\(error)")
        }
    }

    public var description: String { key.map { "rules key '\($0)': \(message)" } ?? "rules: \(message)" }
}

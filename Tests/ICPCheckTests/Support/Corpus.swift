import Foundation

/// The shared corpora beside the project (`../shared/corpora`), read at test time, never modified.
enum Corpus {
    static let root: URL = {
        if let override = ProcessInfo.processInfo.environment["ICPCHECK_CORPORA"] {
            return URL(fileURLWithPath: override)
        }
        // Tests/ICPCheckTests/Support/Corpus.swift → package root → ../shared/corpora
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<5 { url = url.deletingLastPathComponent() }
        return url.appendingPathComponent("shared/corpora")
    }()

    static func url(_ relative: String) -> URL { root.appendingPathComponent(relative) }

    static func bytes(_ relative: String) throws -> [UInt8] { [UInt8](try Data(contentsOf: url(relative))) }

    /// An expected-values file (`png/expected-png.json`, …) keyed by relative path; empty if missing.
    static func expected(_ relative: String) -> [String: Record] {
        guard let data = try? Data(contentsOf: url(relative)) else { return [:] }
        return (try? JSONDecoder().decode([String: Record].self, from: data)) ?? [:]
    }

    /// Keys of an expected-values file, sorted, for `@Test(arguments:)`.
    static func keys(_ relative: String) -> [String] { expected(relative).keys.sorted() }
}

/// Any JSON value, so expected-value files can be read without a schema of their own.
enum JSONValue: Decodable, Sendable {
    case null, bool(Bool), number(Double), string(String), array([JSONValue]), object([String: JSONValue])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }
}

typealias Record = [String: JSONValue]

extension Dictionary where Key == String, Value == JSONValue {
    func double(_ key: String) -> Double? {
        if case .number(let value) = self[key] { return value }
        return nil
    }
    func int(_ key: String) -> Int? { double(key).map { Int($0) } }
    func bool(_ key: String) -> Bool? {
        if case .bool(let value) = self[key] { return value }
        return nil
    }
    func string(_ key: String) -> String? {
        if case .string(let value) = self[key] { return value }
        return nil
    }
    func object(_ key: String) -> Record? {
        if case .object(let value) = self[key] { return value }
        return nil
    }
}

import Yams

/// The effective rules as a YAML document that is the same bytes on every run: keys in the
/// default document's order (keys it does not have, such as a role or province added by a rules
/// file, sorted after its own), numbers as the default document writes them where they are its
/// values, and Chinese text as text rather than escapes.
enum RulesDocument {
    static func render(_ rules: Rules) throws -> String {
        guard let effective = try Yams.compose(yaml: try YAMLEncoder().encode(rules)),
              let defaults = try Yams.compose(yaml: RulesLoader.defaultDocument)
        else { throw RulesError(message: "the rules cannot be encoded") }
        return try Yams.serialize(node: ordered(effective, like: defaults), allowUnicode: true)
    }

    /// `node` with its mappings in `reference`'s key order and its numbers as `reference` writes them.
    private static func ordered(_ node: Node, like reference: Node?) -> Node {
        switch node {
        case .mapping(let mapping):
            let order = reference?.mapping.map { Array($0.keys.compactMap(\.string)) } ?? []
            let rank = { (key: Node) in order.firstIndex(of: key.string ?? "") ?? order.count }
            let pairs = mapping.map { (key: $0.key, value: $0.value) }.sorted { left, right in
                (rank(left.key), left.key.string ?? "") < (rank(right.key), right.key.string ?? "")
            }
            return Node(pairs.map { ($0.key, ordered($0.value, like: reference?[$0.key])) }, mapping.tag, mapping.style)
        case .sequence(let sequence):
            return Node(sequence.map { ordered($0, like: nil) }, sequence.tag, sequence.style)
        case .scalar(let scalar):
            guard scalar.style == .plain, let value = node.float, node.int == nil else { return node }
            if let written = reference?.scalar?.string, reference?.float == value { return Node(written, scalar.tag, scalar.style) }
            return Node(number(value), scalar.tag, scalar.style)
        case .alias:
            return node
        }
    }

    /// A number as a person writes it: `150`, `0.12`, never `1.5e+2`.
    static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return "\(value)"
    }
}

/// One of `count` parts of a batch, for running it as several processes (an Indexed Job's pods):
/// an application belongs to the part its folder name hashes to, so the split depends on nothing
/// but the names (not the listing order, not the machine), and every part can be run apart.
public struct Shard: Sendable, Equatable, Codable {
    /// From 0 to `count` − 1, as Kubernetes numbers an Indexed Job's completions.
    public var index: Int
    public var count: Int

    public init(index: Int, count: Int) throws(ShardError) {
        guard count >= 1, (0..<count).contains(index) else {
            throw ShardError("a shard is I/N with 0 ≤ I < N, not \(index)/\(count)")
        }
        self.index = index
        self.count = count
    }

    /// `I/N`, or `auto/N` with I from `JOB_COMPLETION_INDEX` (set by Kubernetes in an Indexed Job's pods).
    public init(parsing text: String, environment: [String: String]) throws(ShardError) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let count = Int(parts[1]) else { throw ShardError("--shard wants I/N or auto/N, not \(text)") }
        let isAuto = parts[0] == "auto"
        guard let index = isAuto ? environment["JOB_COMPLETION_INDEX"].flatMap({ Int($0) }) : Int(parts[0]) else {
            throw ShardError(isAuto ? "--shard auto/N takes its index from JOB_COMPLETION_INDEX, which is not set to a number"
                                    : "--shard wants I/N or auto/N, not \(text)")
        }
        try self.init(index: index, count: count)
    }

    /// Whether the application folder named `rawName` belongs to this part: the first eight bytes
    /// of its name's SHA-256, modulo the number of parts.
    func contains(_ rawName: [UInt8]) -> Bool {
        Self.part(of: rawName, count: count) == index
    }

    static func part(of rawName: [UInt8], count: Int) -> Int {
        let number = UInt64(SHA256.hexDigest(of: rawName).prefix(16), radix: 16) ?? 0
        return Int(number % UInt64(count))
    }

    /// The part's summary, in its output folder: `summary-I-of-N.json`.
    public var summaryName: String { "summary-\(index)-of-\(count).json" }

    /// Whether a file name (without `.json`) is a part's summary.
    static func isSummaryName(_ base: String) -> Bool {
        let parts = base.split(separator: "-", omittingEmptySubsequences: false)
        return parts.count == 4 && parts[0] == "summary" && parts[2] == "of"
            && [parts[1], parts[3]].allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }
    }
}

/// A `--shard` value or a set of shard outputs that does not make sense, in words a user can act on.
public struct ShardError: Error, Sendable, CustomStringConvertible {
    public var description: String

    init(_ description: String) { self.description = description }
}

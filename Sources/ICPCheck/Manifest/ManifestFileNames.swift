/// The manifest file name of each application in a batch: one file per application, never two
/// applications in one file, and the same name for the same folder name in every run.
///
/// A folder name that is UTF-8, not reserved and not too long is its own file name. Any other
/// gets a form that says where it came from and a suffix made from the raw name's SHA-256, so that
/// it depends on nothing but the folder's own name:
/// - bytes that are not UTF-8 are percent-encoded (`APP%C9%ED`), where showing them as U+FFFD would
///   make `APP\xC9` and `APP\xCA` one name;
/// - `summary` would be the batch summary's own file, `summary-I-of-N` a shard's;
/// - a long name is cut at a character boundary, leaving room for the suffix and for the
///   temporary name that `AtomicFile` writes first (file names are at most 255 bytes).
/// Should a folder's literal name equal another's suffixed form, the later one in byte order
/// counts on (`-2`, `-3` …).
enum ManifestFileNames {
    /// File names of the batch's own outputs, which no manifest may take.
    static let reserved: Set<String> = ["summary"]
    /// Bytes of the name before `.json`: 255 less `.json` and the temporary suffix `.tmp-PID-N`.
    static let maxNameBytes = 200

    /// - Returns: `name.json` for each raw folder name, in the same order.
    static func assign(_ names: [[UInt8]]) -> [String] {
        var taken = Set<String>()
        var assigned = [String](repeating: "", count: names.count)
        for index in names.indices.sorted(by: { names[$0].lexicographicallyPrecedes(names[$1]) }) {
            let base = baseName(names[index])
            var candidate = base
            var count = 1
            while !taken.insert(candidate).inserted {
                count += 1
                candidate = base + "-\(count)"
            }
            assigned[index] = candidate + ".json"
        }
        return assigned
    }

    /// The name without `.json`, before any collision with another folder's.
    static func baseName(_ raw: [UInt8]) -> String {
        if let text = String(validating: raw, as: UTF8.self), !reserved.contains(text), !Shard.isSummaryName(text), raw.count <= maxNameBytes {
            return text
        }
        let suffix = "~" + SHA256.hexDigest(of: raw).prefix(8)
        return prefix(percentEncoded(raw), bytes: maxNameBytes - suffix.utf8.count) + suffix
    }

    /// Valid UTF-8 kept; every byte of an invalid sequence as `%XX`.
    static func percentEncoded(_ raw: [UInt8]) -> String {
        var text = ""
        var rest = raw[...]
        while !rest.isEmpty {
            let length = validSequenceLength(rest)
            if length > 0 {
                text += String(decoding: rest.prefix(length), as: UTF8.self)
                rest = rest.dropFirst(length)
            } else {
                text += "%" + String(rest.first!, radix: 16, uppercase: true).leftPadded(to: 2)
                rest = rest.dropFirst()
            }
        }
        return text
    }

    /// The length of the valid UTF-8 sequence at the start of `bytes`; 0 when it is not one.
    private static func validSequenceLength(_ bytes: ArraySlice<UInt8>) -> Int {
        for length in 1...4 where length <= bytes.count {
            if String(validating: bytes.prefix(length), as: UTF8.self) != nil { return length }
        }
        return 0
    }

    /// The longest prefix of whole characters that fits in `bytes` bytes.
    private static func prefix(_ text: String, bytes: Int) -> String {
        var result = ""
        var used = 0
        for character in text {
            let size = character.utf8.count
            if used + size > bytes { break }
            result.append(character)
            used += size
        }
        return result
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}

/// Where a JSON text first breaks the grammar (RFC 8259), so that a broken `application.json` can
/// be reported by line and column: Foundation's decoder says only that the data is not valid JSON.
struct JSONSyntaxError: Error, Equatable {
    /// 1-based; the column counts characters, not bytes.
    var line: Int
    var column: Int
    /// What the grammar wanted there, in English and Chinese.
    var expected: String
    var expectedZh: String
}

enum JSONSyntax {
    /// Nesting deeper than this is refused rather than recursed into.
    static let maxDepth = 256

    /// nil when the text is one valid JSON value (a leading byte order mark is allowed).
    static func firstError(in bytes: [UInt8]) -> JSONSyntaxError? {
        var parser = Parser(bytes: bytes)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { parser.offset = 3 }
        do throws(JSONSyntaxError) {
            try parser.value(depth: 0)
            parser.skipSpace()
            if parser.offset < bytes.count { throw parser.failure("the end of the file", "文件结尾") }
            return nil
        } catch {
            return error
        }
    }

    private struct Parser {
        let bytes: [UInt8]
        var offset = 0

        mutating func skipSpace() {
            while offset < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[offset]) { offset += 1 }
        }

        func failure(_ expected: String, _ expectedZh: String) -> JSONSyntaxError {
            let before = bytes[..<min(offset, bytes.count)]
            let lineStart = before.lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
            let line = before.count { $0 == 0x0A } + 1
            // Continuation bytes do not start a character.
            let column = bytes[lineStart..<before.endIndex].count { $0 & 0xC0 != 0x80 } + 1
            return JSONSyntaxError(line: line, column: column, expected: expected, expectedZh: expectedZh)
        }

        mutating func value(depth: Int) throws(JSONSyntaxError) {
            skipSpace()
            guard depth < JSONSyntax.maxDepth else { throw failure("less deeply nested data", "更少的嵌套层级") }
            guard offset < bytes.count else { throw failure("a value", "一个值") }
            switch bytes[offset] {
            case UInt8(ascii: "{"): try container(close: UInt8(ascii: "}"), depth: depth, keyed: true)
            case UInt8(ascii: "["): try container(close: UInt8(ascii: "]"), depth: depth, keyed: false)
            case UInt8(ascii: "\""): try string()
            case UInt8(ascii: "t"): try literal("true")
            case UInt8(ascii: "f"): try literal("false")
            case UInt8(ascii: "n"): try literal("null")
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try number()
            default: throw failure("a value (a string in double quotes, a number, true, false, null, { or [)",
                                   "一个值（双引号字符串、数字、true、false、null、{ 或 [）")
            }
        }

        private mutating func container(close: UInt8, depth: Int, keyed: Bool) throws(JSONSyntaxError) {
            offset += 1
            skipSpace()
            if offset < bytes.count, bytes[offset] == close { offset += 1; return }
            while true {
                if keyed {
                    skipSpace()
                    guard offset < bytes.count, bytes[offset] == UInt8(ascii: "\"") else {
                        throw failure("a key in double quotes", "双引号括起的键名")
                    }
                    try string()
                    skipSpace()
                    guard offset < bytes.count, bytes[offset] == UInt8(ascii: ":") else { throw failure("“:” after the key", "键名后的“:”") }
                    offset += 1
                }
                try value(depth: depth + 1)
                skipSpace()
                guard offset < bytes.count, bytes[offset] == close || bytes[offset] == UInt8(ascii: ",") else {
                    throw failure("“,” or “\(Character(Unicode.Scalar(close)))”", "“,”或“\(Character(Unicode.Scalar(close)))”")
                }
                if bytes[offset] == close { offset += 1; return }
                offset += 1
                skipSpace()
                if offset < bytes.count, bytes[offset] == close { throw failure("another item (no comma before the end)", "下一项（结尾前不能有逗号）") }
            }
        }

        private mutating func string() throws(JSONSyntaxError) {
            offset += 1
            while offset < bytes.count {
                let byte = bytes[offset]
                if byte == UInt8(ascii: "\"") { offset += 1; return }
                if byte < 0x20 { throw failure("the closing double quote (a line break cannot be inside a string)", "右双引号（字符串中不能换行）") }
                offset += byte == UInt8(ascii: "\\") ? 2 : 1
            }
            throw failure("the closing double quote", "右双引号")
        }

        private mutating func literal(_ word: String) throws(JSONSyntaxError) {
            let expected = Array(word.utf8)
            guard bytes[offset...].starts(with: expected) else { throw failure(word, word) }
            offset += expected.count
        }

        private mutating func number() throws(JSONSyntaxError) {
            let start = offset
            while offset < bytes.count, "+-.eE0123456789".utf8.contains(bytes[offset]) { offset += 1 }
            let text = String(decoding: bytes[start..<offset], as: UTF8.self)
            if Double(text) == nil || text.hasPrefix("+") || text.hasPrefix(".") {
                offset = start
                throw failure("a number", "数字")
            }
        }
    }
}

/// Where and what is wrong in an `application.json` that does not decode, for the applicant: the
/// line and column of a syntax error, or the key whose value has the wrong kind.
enum FormErrorPlace {
    static func describe(_ error: any Error, in bytes: [UInt8]) -> (en: String, zh: String)? {
        if let syntax = JSONSyntax.firstError(in: bytes) {
            return ("line \(syntax.line), column \(syntax.column): expected \(syntax.expected)",
                    "第 \(syntax.line) 行第 \(syntax.column) 列：此处应为\(syntax.expectedZh)")
        }
        guard let error = error as? DecodingError else { return nil }
        switch error {
        case .typeMismatch(let type, let context), .valueNotFound(let type, let context):
            let (en, zh) = kindName(type)
            return ("at \(keyPath(context.codingPath, zh: false)): expected \(en)", "\(keyPath(context.codingPath, zh: true))处应为\(zh)")
        case .keyNotFound(let key, let context):
            return ("at \(keyPath(context.codingPath, zh: false)): the key “\(key.stringValue)” is missing",
                    "\(keyPath(context.codingPath, zh: true))中缺少“\(key.stringValue)”")
        case .dataCorrupted(let context) where !context.codingPath.isEmpty:
            return ("at \(keyPath(context.codingPath, zh: false)): the value is not valid", "\(keyPath(context.codingPath, zh: true))的值无效")
        default:
            return ("the text is not UTF-8 JSON", "文本不是 UTF-8 编码的 JSON")
        }
    }

    /// `subject.type`, `websites[0].domains`; the top level is named as such.
    private static func keyPath(_ path: [any CodingKey], zh: Bool) -> String {
        guard !path.isEmpty else { return zh ? "最外层" : "the top level" }
        let joined = path.reduce("") { text, key in
            if let index = key.intValue { return text + "[\(index)]" }
            return text.isEmpty ? key.stringValue : text + "." + key.stringValue
        }
        return zh ? "\(joined) " : joined
    }

    private static func kindName(_ type: Any.Type) -> (String, String) {
        switch type {
        case is String.Type: ("text in double quotes", "双引号括起的文本")
        case is Bool.Type: ("true or false", "true 或 false")
        case is Int.Type, is Double.Type: ("a number", "数字")
        case is [Any].Type: ("a list in [ ]", "[ ] 括起的列表")
        case is [String: Any].Type: ("an object in { }", "{ } 括起的对象")
        default: ("another kind of value", "其他类型的值")
        }
    }
}

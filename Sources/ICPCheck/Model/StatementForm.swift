/// The statement an application's provider or region asks for: the older authenticity statement
/// (网站备案信息真实性核验单), its successor the commitment letter (承诺书), or either.
public enum StatementForm: String, Codable, Sendable {
    case either
    case authenticityStatement = "authenticity_statement"
    case commitmentLetter = "commitment_letter"

    /// The requirement's name in a checklist.
    public var chineseName: String {
        switch self {
        case .either: "真实性核验单或承诺书"
        case .authenticityStatement: "网站备案信息真实性核验单"
        case .commitmentLetter: "备案承诺书"
        }
    }

    public var englishName: String {
        switch self {
        case .either: "Authenticity statement or commitment letter"
        case .authenticityStatement: "Authenticity statement"
        case .commitmentLetter: "Commitment letter"
        }
    }
}

extension Requirement {
    /// The material's name in a checklist: the statement named as the form asked for.
    public var chineseName: String { id == .authenticityStatement ? (form ?? .either).chineseName : id.chineseName }
    public var englishName: String { id == .authenticityStatement ? (form ?? .either).englishName : id.englishName }
}

/// What a picture shows that its named or declared role does not, as the applicant reads it.
enum ShownContent: Equatable {
    case personPhoto, noFace, photograph, idCardFront, idCardBack, document

    var englishName: String {
        switch self {
        case .personPhoto: "a photograph of a person"
        case .noFace: "no face that can be seen"
        case .photograph: "a photograph, not a page or a card"
        case .idCardFront: "the front of an ID card (portrait side)"
        case .idCardBack: "the back of an ID card (emblem side)"
        case .document: "a page of a document"
        }
    }

    var chineseName: String {
        switch self {
        case .personPhoto: "一张人物照片"
        case .noFace: "一张看不到人脸的图片"
        case .photograph: "一张照片，而不是文件或证件"
        case .idCardFront: "身份证人像面"
        case .idCardBack: "身份证国徽面"
        case .document: "一页文件"
        }
    }

    /// The content kind a file report gives (`portrait`, `photo`, `document`, `id_card`).
    init(kind: String?) {
        switch kind {
        case "portrait": self = .personPhoto
        case "document": self = .document
        default: self = .photograph
        }
    }
}

extension Finding {
    /// A file whose picture contradicts the role its name or the form gave it (`role.content_mismatch`).
    static func contentMismatch(role: MaterialRole, shows content: ShownContent) -> Finding {
        Finding(
            code: FindingCode.contentMismatch, severity: .warning,
            message: "Named or declared as the \(role.englishName), but the picture shows \(content.englishName):"
                + " check that the right file is uploaded.",
            messageZh: "按文件名或声明是\(role.chineseName)，但图片看起来是\(content.chineseName)，请确认上传了正确的文件。",
            detail: "\(role.rawValue) shows \(content.englishName)")
    }
}

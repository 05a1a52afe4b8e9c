/// What a picture shows that its named or declared role does not, as the applicant reads it.
enum ShownContent: Equatable {
    case personPhoto, noFace, photograph, idCardFront, idCardBack

    /// "the picture shows …", in English and Chinese.
    var clauses: (en: String, zh: String) {
        switch self {
        case .personPhoto: ("the picture shows a photograph of a person", "图片看起来是一张人物照片")
        case .noFace: ("no face can be seen in the picture", "图片中看不到人脸")
        case .photograph: ("the picture shows a photograph, not a page or a card", "图片看起来是一张照片，而不是文件或证件")
        case .idCardFront: ("the picture shows the front of an ID card (portrait side)", "图片看起来是身份证人像面")
        case .idCardBack: ("the picture shows the back of an ID card (emblem side)", "图片看起来是身份证国徽面")
        }
    }
}

extension Finding {
    /// A file whose picture contradicts the role its name or the form gave it (`role.content_mismatch`).
    static func contentMismatch(role: MaterialRole, shows content: ShownContent) -> Finding {
        let (en, zh) = content.clauses
        return Finding(
            code: FindingCode.contentMismatch, severity: .warning,
            message: "Named or declared as the \(role.englishName), but \(en): check that the right file is uploaded.",
            messageZh: "按文件名或声明是\(role.chineseName)，但\(zh)，请确认上传了正确的文件。",
            detail: "\(role.rawValue): \(en)")
    }
}

extension MaterialRole {
    /// The material's name in English, for messages.
    public var englishName: String {
        switch self {
        case .authenticityStatement: "authenticity statement"
        case .subjectCertificate: "subject certificate (business licence or ID card)"
        case .idCardFront: "ID card front (portrait side)"
        case .idCardBack: "ID card back (emblem side)"
        case .idCardBothSides: "ID card, both sides"
        case .administratorPhoto: "administrator photo"
        case .handheldIDPhoto: "hand-held ID photo"
        case .domainCertificate: "domain certificate"
        case .preApproval: "pre-approval document"
        case .authorizationLetter: "authorisation letter"
        case .residencePermit: "residence permit"
        case .other: "other material"
        case .unknown: "unrecognised file"
        }
    }

    /// The material's name in Chinese, for messages.
    public var chineseName: String {
        switch self {
        case .authenticityStatement: "网站备案信息真实性核验单"
        case .subjectCertificate: "主体证件（营业执照或身份证）"
        case .idCardFront: "身份证人像面"
        case .idCardBack: "身份证国徽面"
        case .idCardBothSides: "身份证正反面"
        case .administratorPhoto: "负责人核验照片"
        case .handheldIDPhoto: "手持证件照"
        case .domainCertificate: "域名证书"
        case .preApproval: "前置审批文件"
        case .authorizationLetter: "授权书"
        case .residencePermit: "居住证"
        case .other: "其他材料"
        case .unknown: "无法识别的文件"
        }
    }
}

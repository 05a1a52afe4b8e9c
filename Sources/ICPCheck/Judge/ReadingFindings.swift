extension Finding {
    /// The title read names another document than the file's role.
    static func titleMismatch(role: MaterialRole, title: DocumentTitle) -> Finding {
        Finding(
            code: FindingCode.titleMismatch, severity: .warning,
            message: "This file is taken for the \(role.englishName), but its printed title reads as a \(title.englishName);"
                + " check that the right document was uploaded here.",
            messageZh: "该文件用作\(role.chineseName)，但识别到的标题是\(title.chineseName)，请确认上传的材料是否正确。",
            detail: "role \(role.rawValue), title \(title.rawValue)")
    }

    /// The validity period read on an ID card back or licence has ended.
    static func expired(until: String, days: Int, title: DocumentTitle?) -> Finding {
        let what = title ?? .idCardBack
        return Finding(
            code: FindingCode.expired, severity: .error,
            message: "The \(what.englishName) expired on \(until) (\(counted(-days, "day")) ago); upload a valid one.",
            messageZh: "\(what.chineseName)已于 \(until) 过期（\(-days) 天前），请上传有效期内的证件。",
            measure: "reading.valid_until_days", value: Double(days), limit: Double(ReadingJudge.lastValidDay), detail: "valid until \(until)")
    }

    /// The validity left is less than the providers accept.
    static func expiresSoon(until: String, days: Int, limit: Int, title: DocumentTitle?) -> Finding {
        let what = title ?? .idCardBack
        return Finding(
            code: FindingCode.expiresSoon, severity: .warning,
            message: "The \(what.englishName) is valid only until \(until) (\(counted(days, "day")) left); providers reject documents"
                + " with less than \(counted(limit, "day")) of validity, so renew it first.",
            messageZh: "\(what.chineseName)有效期至 \(until)（剩余 \(days) 天），有效期不足 \(limit) 天的证件会被驳回，请先换领。",
            measure: "reading.valid_until_days", value: Double(days), limit: Double(limit), detail: "valid until \(until)")
    }

    /// A statement or letter signed longer ago than the providers accept.
    static func letterTooOld(signed: String, days: Int, limit: Int, title: DocumentTitle) -> Finding {
        Finding(
            code: FindingCode.letterTooOld, severity: .warning,
            message: "The \(title.englishName) is dated \(signed), \(counted(days, "day")) ago; providers take letters dated within"
                + " \(counted(limit, "day")): sign and date a new one.",
            messageZh: "\(title.chineseName)落款日期为 \(signed)（\(days) 天前），服务商只接受 \(limit) 天内签署的文件，请重新签署并填写日期。",
            measure: "reading.signed_days_ago", value: Double(days), limit: Double(limit), detail: "signed on \(signed)")
    }

    static func creditCodeMismatch(read: String, expected: String, source: String, sourceZh: String) -> Finding {
        Finding(
            code: FindingCode.creditCodeMismatch, severity: .error,
            message: "The credit code read here, \(read), is not the one \(source), \(expected): this document may belong to"
                + " another company.",
            messageZh: "此处识别到的统一社会信用代码 \(read) 与\(sourceZh)的 \(expected) 不一致，该材料可能属于其他单位。",
            measure: "reading.credit_codes", detail: "read \(read), expected \(expected)")
    }

    static func idNumberMismatch(read: String, expected: [String], source: String, sourceZh: String) -> Finding {
        let expectedText = expected.joined(separator: ", ")
        return Finding(
            code: FindingCode.idNumberMismatch, severity: .error,
            message: "The ID number read here, \(read), is not the one \(source), \(expectedText): this card may belong to"
                + " another person, or the number on the form is wrong.",
            messageZh: "此处识别到的身份证号码 \(read) 与\(sourceZh)的 \(expectedText) 不一致，证件可能属于他人，或表单中的号码有误。",
            measure: "reading.id_numbers", detail: "read \(read), expected \(expectedText)")
    }

    static func nameMismatch(read: String, expected: String, confidence: Double, source: String, sourceZh: String) -> Finding {
        Finding(
            code: FindingCode.nameMismatch, severity: .warning,
            message: "The name read here, “\(read)”, differs from the name \(source), “\(expected)”; check the spelling on the form.",
            messageZh: "此处识别到的名称“\(read)”与\(sourceZh)的“\(expected)”不一致，请核对表单中的填写。",
            measure: "reading.confidence", value: confidence, detail: "read \(read), expected \(expected)")
    }

    static func readingUnavailable(_ reason: String) -> Finding {
        Finding(
            code: FindingCode.readingUnavailable, severity: .info,
            message: "The text of this document was not read (\(reason)); install tesseract-ocr-chi-sim and tesseract-ocr-eng.",
            messageZh: "未能识别此材料上的文字（\(reason)），请安装 tesseract-ocr-chi-sim 与 tesseract-ocr-eng。",
            detail: reason)
    }
}

extension DocumentTitle {
    var englishName: String {
        switch self {
        case .businessLicence: "business licence"
        case .idCardFront: "ID card front"
        case .idCardBack: "ID card back"
        case .authenticityStatement: "authenticity statement"
        case .commitmentLetter: "commitment letter"
        case .domainCertificate: "domain certificate"
        case .authorizationLetter: "authorization letter"
        }
    }

    var chineseName: String {
        switch self {
        case .businessLicence: "营业执照"
        case .idCardFront: "身份证人像面"
        case .idCardBack: "身份证国徽面"
        case .authenticityStatement: "网站备案信息真实性核验单"
        case .commitmentLetter: "承诺书"
        case .domainCertificate: "域名证书"
        case .authorizationLetter: "授权书"
        }
    }
}

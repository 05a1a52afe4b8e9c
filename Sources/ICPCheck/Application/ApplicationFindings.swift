extension Finding {
    static let assumedDefaults = Finding(
        code: FindingCode.assumedDefaults, severity: .info,
        message: "No application.json: checked as an entity (company) application with no region rules; roles come"
            + " from file names.",
        messageZh: "未提供 application.json：按单位（企业）备案检查，未应用地区规则，材料类型根据文件名判断。")

    static let assumedEntity = Finding(
        code: FindingCode.assumedEntity, severity: .info,
        message: "The subject type is not given: checked as an entity (company) application.",
        messageZh: "未填写主体性质：按单位（企业）备案检查。")

    static func subjectTypeUnknown(_ type: String) -> Finding {
        Finding(
            code: FindingCode.subjectTypeUnknown, severity: .warning,
            message: "The subject type “\(type)” is not one icpcheck knows (individual, enterprise, government, institution,"
                + " social_organization …); the application was checked as an entity's. Correct it in application.json.",
            messageZh: "无法识别主体性质“\(type)”（可填 individual 或“个人”，enterprise 或“企业”，以及“政府机关”“事业单位”“社会团体”等），"
                + "已按单位备案检查，请在 application.json 中改正。")
    }

    static func looksLikeUploads(folder: String, applications: [String]) -> Finding {
        let shown = applications.prefix(3).joined(separator: ", ") + (applications.count > 3 ? " …" : "")
        let shownZh = applications.prefix(3).joined(separator: "、") + (applications.count > 3 ? "等" : "")
        return Finding(
            code: FindingCode.looksLikeUploads, severity: .warning,
            message: "This folder has no files of its own, only \(counted(applications.count, "folder")) of them (\(shown)): it looks"
                + " like a folder of applications, here checked as one. To check each application, run icpcheck batch \(folder) --out DIR.",
            messageZh: "该文件夹本身没有文件，只有 \(applications.count) 个子文件夹（\(shownZh)），像是多个申请的上传文件夹，这里被当作一个申请检查。"
                + "要逐个检查，请运行 icpcheck batch \(folder) --out 输出文件夹。")
    }

    static func sameFileTwice(_ paths: [String]) -> Finding {
        Finding(
            code: FindingCode.sameFileTwice, severity: .info,
            message: "These files are the same file (the same bytes): \(paths.joined(separator: ", ")). If each should be a"
                + " different material, one of them is the wrong upload.",
            messageZh: "以下文件内容完全相同：\(paths.joined(separator: "、"))。如果它们应是不同的材料，其中有一个传错了。")
    }

    static func regionUnknown(_ region: String) -> Finding {
        Finding(
            code: FindingCode.regionUnknown, severity: .warning,
            message: "The region '\(region)' is not a province icpcheck knows; region rules were not applied.",
            messageZh: "无法识别地区“\(region)”，未应用地区规则。")
    }

    /// - Parameters:
    ///   - place: where and what, in English and Chinese (a line and column, or a key), when known.
    static func formInvalid(_ detail: String, place: (en: String, zh: String)? = nil) -> Finding {
        Finding(
            code: FindingCode.formInvalid, severity: .warning,
            message: "application.json cannot be read" + (place.map { " (\($0.en))" } ?? "")
                + "; the application was checked without its form data. Correct the file.",
            messageZh: "application.json 无法解析" + (place.map { "（\($0.zh)）" } ?? "") + "，已在没有表单数据的情况下检查，请改正该文件。",
            detail: detail)
    }

    static func appVerificationRegion(_ region: Province) -> Finding {
        Finding(
            code: FindingCode.appVerificationRegion, severity: .info,
            message: "\(region.name) verifies the administrator in its own app: no backdrop photo is needed.",
            messageZh: "\(region.shortName)通过当地管局 App 核验负责人，无需幕布照片。")
    }

    static func smsVerificationRegion(_ region: Province) -> Finding {
        Finding(
            code: FindingCode.smsVerificationRegion, severity: .info,
            message: "\(region.name) sends an SMS verification after submission: answer it within 48 hours.",
            messageZh: "\(region.shortName)在提交后会发送短信核验，请在 48 小时内完成。")
    }

    static func appUploadRegion(_ region: Province) -> Finding {
        Finding(
            code: FindingCode.appUploadRegion, severity: .info,
            message: "In \(region.name) the materials are uploaded through the provider's app.",
            messageZh: "\(region.shortName)需通过服务商 App 上传材料。")
    }

    static func addressProvinceMismatch(document: Province, mailing: Province) -> Finding {
        Finding(
            code: FindingCode.addressProvinceMismatch, severity: .error,
            message: "The document address is in \(document.name) but the mailing address is in \(mailing.name); both must be in"
                + " the same province.",
            messageZh: "证件地址在\(document.shortName)，通信地址在\(mailing.shortName)，两者必须在同一省份。")
    }

    static func regionMismatch(region: Province, mailing: Province) -> Finding {
        Finding(
            code: FindingCode.regionMismatch, severity: .error,
            message: "The filing is for \(region.name) but the mailing address is in \(mailing.name); file in the province of the"
                + " mailing address.",
            messageZh: "备案地区为\(region.shortName)，但通信地址在\(mailing.shortName)，请在通信地址所在省份备案。")
    }

    static func outOfProvinceRefused(region: Province) -> Finding {
        Finding(
            code: FindingCode.outOfProvinceRefused, severity: .error,
            message: "\(region.name) does not accept individuals whose ID card is from another province.",
            messageZh: "\(region.shortName)不受理外省身份证的个人备案。")
    }

    static func residencePermitNeeded(region: Province) -> Finding {
        Finding(
            code: FindingCode.residencePermitNeeded, severity: .warning,
            message: "The ID card is from another province: \(region.name) asks for a local residence permit as well.",
            messageZh: "身份证为外省证件：\(region.shortName)还需要提供本地居住证。")
    }

    static let creditCodeInvalid = Finding(
        code: FindingCode.creditCodeInvalid, severity: .error,
        message: "The unified social credit code in the form is not valid (its check character does not match); copy it"
            + " again from the licence.",
        messageZh: "表单中的统一社会信用代码校验位不正确，请对照营业执照重新填写。")

    static func idNumberInvalid(_ whose: String) -> Finding {
        Finding(
            code: FindingCode.idNumberInvalid, severity: .error,
            message: "The \(whose)'s ID number in the form is not valid (date or check digit wrong); copy it again from the"
                + " ID card.",
            messageZh: whose == "administrator" ? "表单中负责人的身份证号码不正确（日期或校验位错误），请对照身份证重新填写。"
                : "表单中主体的身份证号码不正确（日期或校验位错误），请对照身份证重新填写。",
            detail: whose)
    }

    static let individualPreApproval = Finding(
        code: FindingCode.individualPreApproval, severity: .error,
        message: "Individuals cannot file websites whose content needs pre-approval (news, publishing, medicine …);"
            + " file as an entity or remove that content.",
        messageZh: "个人不能备案需要前置审批内容（新闻、出版、医疗等）的网站，请以单位名义备案或去掉相关内容。")

    static func websiteName(_ name: String, problem: WebsiteNameProblem) -> Finding {
        let word = problem.word.map { " “\($0)”" } ?? ""
        let (english, chinese): (String, String) =
            switch problem.kind {
            case .tooShort: ("is too short", "太短")
            case .onlyDigits: ("is only digits", "不能只有数字")
            case .onlyLatinLetters: ("is only Latin letters", "不能只有英文字母")
            case .specialSymbols: ("contains special symbols", "不能包含特殊符号")
            case .looksLikeDomain: ("looks like a domain name", "不能是域名")
            case .forbiddenPrefix: ("starts with a national or place word\(word)", "不能以\(word)等国家或地域词开头")
            case .forbiddenWord: ("contains the word\(word), which personal sites may not use", "包含个人网站不允许的词\(word)")
            case .impliesPreApproval: ("contains\(word), which implies content individuals may not run", "包含\(word)，暗示个人不能开办的内容")
            case .provincePattern: ("does not follow this province's pattern (e.g. 'XX的个人博客')", "不符合本省要求的格式（如“XX的个人博客”）")
            }
        return Finding(
            code: FindingCode.websiteName, severity: .error,
            message: "The website name “\(name)” \(english); choose a name that describes the site's content.",
            messageZh: "网站名称“\(name)”\(chinese)，请改用能反映网站内容的名称。",
            detail: problem.kind.rawValue)
    }
}

/// The backgrounds a provider's verification photo may show (`photo.backdrop_colors`), as the
/// applicant reads them: the legacy blue backdrop, or a plain white or light background.
enum PhotoBackground {
    /// A measured colour's name, English and Chinese.
    static func colourName(_ name: String?) -> (String, String) {
        switch name {
        case "blue": ("blue", "蓝色")
        case "white": ("white", "白色")
        case "grey": ("light grey", "浅灰色")
        default: ("another colour", "其他颜色")
        }
    }

    /// What the provider expects, as a phrase.
    static func expected(_ accepted: [String]) -> (en: String, zh: String, advice: String, adviceZh: String) {
        let legacy = accepted.contains("blue"), appEra = accepted.contains("white") || accepted.contains("grey")
        return switch (legacy, appEra) {
        case (true, false):
            ("the blue backdrop", "蓝色幕布", "take the photo before the official backdrop", "请在官方幕布前拍摄")
        case (false, true):
            ("a plain white or light background", "白色或浅色纯色背景",
             "stand before a plain white wall, as the provider's app asks", "请按服务商 App 的要求站在白色纯色墙面前拍摄")
        default:
            ("the blue backdrop or a plain white background", "蓝色幕布或白色纯色背景",
             "take the photo before the backdrop or a plain white wall", "请在幕布或白色纯色墙面前拍摄")
        }
    }

    /// The missing administrator photo, for `requirement.missing`.
    static func missingPhoto(accepting accepted: [String]) -> (String, String) {
        let expected = expected(accepted)
        return ("the administrator's photo before \(expected.en)", "网站负责人在\(expected.zh)前拍摄的照片")
    }
}

extension Finding {
    /// `photo.backdrop_wrong_colour`: the colour measured and the one expected.
    static func backdropWrongColour(measured: String?, accepted: [String], provider: ProviderRules, detail: String) -> Finding {
        let (colour, colourZh) = PhotoBackground.colourName(measured)
        let expected = PhotoBackground.expected(accepted)
        return Finding(
            code: FindingCode.backdropWrongColour, severity: .error,
            message: "The background is \(colour), but \(provider.named.en) expects \(expected.en): \(expected.advice).",
            messageZh: "背景是\(colourZh)，但\(provider.named.zh)要求\(expected.zh)：\(expected.adviceZh)。",
            detail: detail)
    }

    /// `photo.backdrop_not_found`: no plain background found, and the one expected.
    static func backdropNotFound(area: Double, limit: Double, accepted: [String], provider: ProviderRules) -> Finding {
        let expected = PhotoBackground.expected(accepted)
        return Finding(
            code: FindingCode.backdropNotFound, severity: .warning,
            message: "No plain background is behind the person; \(provider.named.en) expects \(expected.en): \(expected.advice).",
            messageZh: "人物背后没有纯色背景，\(provider.named.zh)要求\(expected.zh)：\(expected.adviceZh)。",
            measure: "backdrop_area_fraction", value: area, limit: limit)
    }
}

extension Finding {
    /// A document finding comparing a measure (named by its `measures` key) with its threshold.
    static func document(
        _ problem: DocumentProblem, _ severity: Severity, measure: String? = nil, value: Double? = nil, limit: Double? = nil,
        detail: String? = nil
    ) -> Finding {
        Finding(code: problem.code, severity: severity, message: problem.messages.0, messageZh: problem.messages.1,
                measure: measure, value: value, limit: limit, detail: detail)
    }
}

/// What the document measures can find wrong with a page or card.
/// Each has its code and both messages, so a new one without a message does not compile.
enum DocumentProblem: CaseIterable {
    case sealMissing, docGreyscale, borderCutOff, glare, docBlurry, screenCapture, inkNotBlack, sideways

    var code: FindingCode {
        switch self {
        case .sealMissing: .sealMissing
        case .docGreyscale: .docGreyscale
        case .borderCutOff: .borderCutOff
        case .glare: .glare
        case .docBlurry: .docBlurry
        case .screenCapture: .screenCapture
        case .inkNotBlack: .inkNotBlack
        case .sideways: .sideways
        }
    }

    /// English, then Chinese.
    var messages: (String, String) {
        switch self {
        case .sealMissing:
            ("No red official seal can be seen on the statement. A company or organisation must stamp it with its red round seal.",
                "核验单上看不到红色公章。单位主体须在核验单上加盖红色圆形公章。")
        case .docGreyscale:
            ("The document shows no colour: a black-and-white scan or a copy. Upload a colour scan or colour photo of the original.",
                "文件没有颜色，是黑白扫描件或复印件。请上传原件的彩色扫描件或彩色照片。")
        case .borderCutOff:
            ("The document's edges are cut off. Photograph or scan the whole page with all four borders visible.",
                "文件边缘不完整。请拍摄或扫描整页，四边都要完整可见。")
        case .glare:
            ("Glare covers part of the document. Retake it without flash or direct light on the page.",
                "文件有反光，部分内容被遮挡。请关闭闪光灯、避开直射光重新拍摄。")
        case .docBlurry:
            ("The document's text is blurred. Retake it in focus, holding the camera still.",
                "文件文字模糊。请对焦清晰、保持相机稳定后重新拍摄。")
        case .screenCapture:
            ("The document looks photographed from a screen. Scan or photograph the paper original.",
                "文件疑似翻拍屏幕。请扫描或拍摄纸质原件。")
        case .inkNotBlack:
            ("The handwriting looks blue. The statement should be signed in black ink.",
                "手写内容疑似蓝色笔迹。核验单应使用黑色签字笔填写。")
        case .sideways:
            ("The document lies on its side. Rotate it upright before uploading.",
                "文件方向横置。请旋转为正向后上传。")
        }
    }
}

/// Stable codes of the document heuristics.
extension FindingCode {
    public static let sealMissing = "doc.seal_missing"
    public static let docGreyscale = "doc.greyscale"
    public static let borderCutOff = "doc.border_cut_off"
    public static let glare = "doc.glare"
    public static let docBlurry = "doc.blurry"
    public static let screenCapture = "doc.screen_capture"
    public static let inkNotBlack = "doc.ink_not_black"
    public static let sideways = "doc.sideways"
}

extension Finding {
    /// A document finding comparing a measure with its threshold.
    static func document(_ code: String, _ severity: Severity, value: Double? = nil, limit: Double? = nil, detail: String? = nil)
        -> Finding
    {
        measured(code, severity, messages: documentMessages[code] ?? ("The document has a problem.", "文件存在问题。"),
                 value: value, limit: limit, detail: detail)
    }

    private static let documentMessages: [String: (String, String)] = [
        FindingCode.sealMissing: ("No red official seal can be seen on the statement. A company or organisation must stamp it with its red round seal.",
                                  "核验单上看不到红色公章。单位主体须在核验单上加盖红色圆形公章。"),
        FindingCode.docGreyscale: ("The document is black and white. Upload a colour scan or colour photo of the original.",
                                   "文件为黑白图片。请上传原件的彩色扫描件或彩色照片。"),
        FindingCode.borderCutOff: ("The document's edges are cut off. Photograph or scan the whole page with all four borders visible.",
                                   "文件边缘不完整。请拍摄或扫描整页，四边都要完整可见。"),
        FindingCode.glare: ("Glare covers part of the document. Retake it without flash or direct light on the page.",
                            "文件有反光，部分内容被遮挡。请关闭闪光灯、避开直射光重新拍摄。"),
        FindingCode.docBlurry: ("The document's text is blurred. Retake it in focus, holding the camera still.",
                                "文件文字模糊。请对焦清晰、保持相机稳定后重新拍摄。"),
        FindingCode.screenCapture: ("The document looks photographed from a screen. Scan or photograph the paper original.",
                                    "文件疑似翻拍屏幕。请扫描或拍摄纸质原件。"),
        FindingCode.inkNotBlack: ("The handwriting looks blue. The statement should be signed in black ink.",
                                  "手写内容疑似蓝色笔迹。核验单应使用黑色签字笔填写。"),
        FindingCode.sideways: ("The document lies on its side. Rotate it upright before uploading.",
                               "文件方向横置。请旋转为正向后上传。"),
    ]
}

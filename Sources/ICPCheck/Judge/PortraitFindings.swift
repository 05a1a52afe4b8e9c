/// Stable codes of the photo heuristics.
extension FindingCode {
    public static let noFace = "photo.no_face"
    public static let multipleFaces = "photo.multiple_faces"
    public static let faceNotFrontal = "photo.face_not_frontal"
    public static let faceTooSmall = "photo.face_too_small"
    public static let faceTooLarge = "photo.face_too_large"
    public static let offCentre = "photo.off_centre"
    public static let headCutOff = "photo.head_cut_off"
    public static let backdropNotFound = "photo.backdrop_not_found"
    public static let backdropWrongColour = "photo.backdrop_wrong_colour"
    public static let backdropNotFillingBackground = "photo.backdrop_not_filling_background"
    public static let backdropWrinkled = "photo.backdrop_wrinkled"
    public static let clothingMatchesBackdrop = "photo.clothing_matches_backdrop"
    public static let underexposed = "photo.underexposed"
    public static let overexposed = "photo.overexposed"
    public static let blurry = "photo.blurry"
    public static let recompressed = "photo.recompressed"
    public static let thumbnailMismatch = "photo.thumbnail_mismatch"
    public static let detectorUnavailable = "photo.detector_unavailable"
    public static let contentMismatch = "role.content_mismatch"
}

extension Finding {
    /// A photo finding comparing a measure with its threshold.
    static func photo(_ code: String, _ severity: Severity, value: Double? = nil, limit: Double? = nil, detail: String? = nil)
        -> Finding
    {
        measured(code, severity, messages: photoMessages[code] ?? ("The photo has a problem.", "照片存在问题。"),
                 value: value, limit: limit, detail: detail)
    }

    /// A finding of a pixel heuristic: its English and Chinese message, the measure and its threshold.
    static func measured(_ code: String, _ severity: Severity, messages: (String, String), value: Double?, limit: Double?,
                         detail: String?) -> Finding
    {
        Finding(code: code, severity: severity, message: messages.0, messageZh: messages.1, value: value, limit: limit, detail: detail)
    }

    private static let photoMessages: [String: (String, String)] = [
        FindingCode.noFace: ("No face can be seen. Retake the photo facing the camera, face uncovered, chest up.",
                             "照片中看不到人脸。请正对镜头、露出面部、拍摄胸部以上重新拍照。"),
        FindingCode.faceNotFrontal: ("The face is turned away from the camera: look straight into it, face and both ears"
                                     + " showing evenly.",
                                     "面部没有正对镜头：请直视镜头，正脸和双耳对称露出。"),
        FindingCode.multipleFaces: ("More than one face is in the photo; only the website administrator may be in it.",
                                    "照片中有多张人脸，只能有网站负责人一人入镜。"),
        FindingCode.faceTooSmall: ("The face is too small: stand closer, so that the head and shoulders fill the frame.",
                                   "人脸太小：请靠近镜头，使头部和肩部充满画面。"),
        FindingCode.faceTooLarge: ("The face is too close: step back so that the chest and the backdrop show.",
                                   "人脸太大：请后退一些，拍到胸部和背景幕布。"),
        FindingCode.offCentre: ("The person is not centred: stand in the middle of the backdrop.", "人物没有居中：请站在幕布正中间。"),
        FindingCode.headCutOff: ("The top of the head is cut off: leave room above the head.", "头顶被裁掉了：请在头部上方留出空间。"),
        FindingCode.backdropNotFound: (
            "No plain backdrop is behind the person: stand in front of the provider's backdrop (or a plain white wall"
                + " where the provider allows it).",
            "人物背后没有纯色幕布：请站在服务商提供的幕布前（或服务商允许的白色墙面前）拍摄。"),
        FindingCode.backdropWrongColour: ("The background is not the provider's backdrop colour: use the official backdrop.",
                                          "背景颜色不是服务商幕布的颜色：请使用官方幕布。"),
        FindingCode.backdropNotFillingBackground: (
            "The backdrop does not fill the background (wall, door or furniture shows at the edges): stand closer to"
                + " the backdrop or frame tighter.",
            "幕布没有占满背景（边缘露出墙面、门或家具）：请靠近幕布或缩小取景范围。"),
        FindingCode.backdropWrinkled: ("The backdrop looks creased or patterned: smooth it out before taking the photo.",
                                       "幕布有褶皱或花纹：拍照前请将幕布展平。"),
        FindingCode.clothingMatchesBackdrop: (
            "The clothing is the same colour as the backdrop and merges with it: wear a different colour (no blue or"
                + " red top in front of a blue backdrop).",
            "衣服颜色与幕布相同，融为一体：请换其他颜色的衣服（蓝色幕布前不要穿蓝色或红色上衣）。"),
        FindingCode.underexposed: ("The face is too dark: add light in front of the person.", "面部太暗：请在人物正面补光。"),
        FindingCode.overexposed: ("The face is too bright or washed out: reduce the light or turn off the flash.",
                                  "面部过亮或曝光过度：请减弱光线或关闭闪光灯。"),
        FindingCode.blurry: ("The face is blurry: hold the camera still and focus on the face.", "面部模糊：请稳住相机并对焦在面部。"),
        FindingCode.recompressed: ("The photo has been saved again at low quality (re-compressed or edited): upload the"
                                   + " camera's original file.",
                                   "照片经过低质量重新压缩（可能被编辑过）：请上传相机拍摄的原始文件。"),
        FindingCode.thumbnailMismatch: ("The picture differs from the camera's own thumbnail in the file: it was edited"
                                        + " after it was taken. Upload the original.",
                                        "图片与文件内相机生成的缩略图不一致，说明拍摄后被修改过，请上传原图。"),
        FindingCode.detectorUnavailable: ("The face detector could not run; install the Debian package opencv-data"
                                          + " (make run does) and check again.",
                                          "人脸检测无法运行：请安装 Debian 软件包 opencv-data（make run 会自动安装）后重新检查。"),
        FindingCode.contentMismatch: ("What the picture shows does not match the material it is named or declared as:"
                                      + " check that the right file is uploaded.",
                                      "图片内容与其文件名或声明的材料类型不符，请确认上传了正确的文件。"),
    ]
}

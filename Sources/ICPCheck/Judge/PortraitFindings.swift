extension Finding {
    /// A photo finding comparing a measure (named by its `measures` key) with its threshold.
    static func photo(
        _ problem: PhotoProblem, _ severity: Severity, measure: String? = nil, value: Double? = nil, limit: Double? = nil,
        detail: String? = nil
    ) -> Finding {
        Finding(code: problem.code, severity: severity, message: problem.messages.0, messageZh: problem.messages.1,
                measure: measure, value: value, limit: limit, detail: detail)
    }
}

/// What the photo measures can find wrong with a photo of a person, and a role the pixels contradict.
/// Each has its code and both messages, so a new one without a message does not compile.
enum PhotoProblem: CaseIterable {
    case noFace, faceNotFrontal, multipleFaces, faceTooSmall, faceTooLarge, offCentre, headCutOff,
        backdropNotFillingBackground, backdropWrinkled, clothingMatchesBackdrop, underexposed,
        overexposed, blurry, recompressed, thumbnailMismatch, detectorUnavailable

    var code: FindingCode {
        switch self {
        case .noFace: .noFace
        case .faceNotFrontal: .faceNotFrontal
        case .multipleFaces: .multipleFaces
        case .faceTooSmall: .faceTooSmall
        case .faceTooLarge: .faceTooLarge
        case .offCentre: .offCentre
        case .headCutOff: .headCutOff
        case .backdropNotFillingBackground: .backdropNotFillingBackground
        case .backdropWrinkled: .backdropWrinkled
        case .clothingMatchesBackdrop: .clothingMatchesBackdrop
        case .underexposed: .underexposed
        case .overexposed: .overexposed
        case .blurry: .blurry
        case .recompressed: .recompressed
        case .thumbnailMismatch: .thumbnailMismatch
        case .detectorUnavailable: .detectorUnavailable
        }
    }

    /// English, then Chinese.
    var messages: (String, String) {
        switch self {
        case .noFace:
            ("No face can be seen. Retake the photo facing the camera, face uncovered, chest up.",
                "照片中看不到人脸。请正对镜头、露出面部、拍摄胸部以上重新拍照。")
        case .faceNotFrontal:
            ("The face is turned away from the camera: look straight into it, face and both ears"
                + " showing evenly.",
                "面部没有正对镜头：请直视镜头，正脸和双耳对称露出。")
        case .multipleFaces:
            ("More than one face is in the photo; only the website administrator may be in it.",
                "照片中有多张人脸，只能有网站负责人一人入镜。")
        case .faceTooSmall:
            ("The face is too small: stand closer, so that the head and shoulders fill the frame.",
                "人脸太小：请靠近镜头，使头部和肩部充满画面。")
        case .faceTooLarge:
            ("The face is too close: step back so that the chest and the backdrop show.",
                "人脸太大：请后退一些，拍到胸部和背景幕布。")
        case .offCentre:
            ("The person is not centred: stand in the middle of the backdrop.", "人物没有居中：请站在幕布正中间。")
        case .headCutOff:
            ("The top of the head is cut off: leave room above the head.", "头顶被裁掉了：请在头部上方留出空间。")
        case .backdropNotFillingBackground:
            ("The backdrop does not fill the background (wall, door or furniture shows at the edges): stand closer to"
                + " the backdrop or frame tighter.",
                "幕布没有占满背景（边缘露出墙面、门或家具）：请靠近幕布或缩小取景范围。")
        case .backdropWrinkled:
            ("The backdrop looks creased or patterned: smooth it out before taking the photo.",
                "幕布有褶皱或花纹：拍照前请将幕布展平。")
        case .clothingMatchesBackdrop:
            ("The clothing is the same colour as the backdrop and merges with it: wear a different colour (no blue or"
                + " red top in front of a blue backdrop).",
                "衣服颜色与幕布相同，融为一体：请换其他颜色的衣服（蓝色幕布前不要穿蓝色或红色上衣）。")
        case .underexposed:
            ("The face is too dark: add light in front of the person.", "面部太暗：请在人物正面补光。")
        case .overexposed:
            ("The face is too bright or washed out: reduce the light or turn off the flash.",
                "面部过亮或曝光过度：请减弱光线或关闭闪光灯。")
        case .blurry:
            ("The face is blurry: hold the camera still and focus on the face.", "面部模糊：请稳住相机并对焦在面部。")
        case .recompressed:
            ("The photo has been saved again at low quality (re-compressed or edited): upload the"
                + " camera's original file.",
                "照片经过低质量重新压缩（可能被编辑过）：请上传相机拍摄的原始文件。")
        case .thumbnailMismatch:
            ("The picture differs from the camera's own thumbnail in the file: it was edited"
                + " after it was taken. Upload the original.",
                "图片与文件内相机生成的缩略图不一致，说明拍摄后被修改过，请上传原图。")
        case .detectorUnavailable:
            ("The face detector could not run; install the Debian package opencv-data"
                + " (make run does) and check again.",
                "人脸检测无法运行：请安装 Debian 软件包 opencv-data（make run 会自动安装）后重新检查。")
        }
    }
}

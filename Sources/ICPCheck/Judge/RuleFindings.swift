import Foundation

extension Finding {
    static func formatNotAccepted(_ format: ImageFormat, accepted: [ImageFormat], role: MaterialRole) -> Finding {
        let list = accepted.map { $0.rawValue.uppercased() }.joined(separator: "/")
        return Finding(
            code: FindingCode.formatNotAccepted, severity: .error,
            message: "The \(role.englishName) must be \(list); this file is \(format.rawValue.uppercased()). Export it as \(list)"
                + " (renaming the file does not convert it).",
            messageZh: "\(role.chineseName)须为 \(list) 格式，此文件为 \(format.rawValue.uppercased())。请另存为 \(list)（仅改扩展名无效）。")
    }

    static func fileTooLarge(bytes: Int, limit: Int) -> Finding {
        Finding(
            code: FindingCode.fileTooLargeForRole, severity: .error,
            message: "The file is \(megabytes(bytes)); the limit is \(megabytes(limit)). Save it with stronger JPEG compression"
                + " or a smaller size.",
            messageZh: "文件大小为 \(megabytes(bytes))，超过 \(megabytes(limit)) 的上限，请压缩或缩小后再上传。",
            measure: "bytes", value: Double(bytes), limit: Double(limit))
    }

    static func fileTooSmall(bytes: Int, limit: Int) -> Finding {
        Finding(
            code: FindingCode.fileTooSmall, severity: .warning,
            message: "The file is only \(counted(bytes, "byte")); a readable scan or photo is rarely under \(limit / 1024) KB."
                + " Upload the original, not a thumbnail.",
            messageZh: "文件只有 \(bytes) 字节，清晰的扫描件或照片通常不小于 \(limit / 1024) KB，请上传原图而非缩略图。",
            measure: "bytes", value: Double(bytes), limit: Double(limit))
    }

    /// - Parameter measure: `long_side` or `short_side`, whichever is below its limit.
    static func imageTooSmall(_ measure: String, side: Int, limit: Int, width: Int, height: Int) -> Finding {
        Finding(
            code: FindingCode.imageTooSmall, severity: .error,
            message: "The image is \(width)×\(height) pixels, too small to read (needs at least \(limit) on that side)."
                + " Scan or photograph the original again at a higher resolution.",
            messageZh: "图片尺寸为 \(width)×\(height) 像素，太小看不清（该边至少需 \(limit) 像素），请重新高分辨率扫描或拍摄原件。",
            measure: measure, value: Double(side), limit: Double(limit))
    }

    static func imageTooLarge(side: Int, limit: Int, width: Int, height: Int, provider: ProviderRules) -> Finding {
        Finding(
            code: FindingCode.imageTooLarge, severity: .error,
            message: "The image is \(width)×\(height) pixels; \(provider.named.en) accepts at most \(limit) on each side."
                + " Save a smaller copy (long side \(limit) or less) before uploading.",
            messageZh: "图片尺寸为 \(width)×\(height) 像素，\(provider.named.zh)要求每边不超过 \(limit) 像素，请缩小后（长边不超过 \(limit)）再上传。",
            measure: "long_side", value: Double(side), limit: Double(limit))
    }

    static func lowDPI(_ dpi: Double, limit: Double) -> Finding {
        Finding(
            code: FindingCode.lowDPI, severity: .warning,
            message: "The scan is recorded at \(Int(dpi)) dpi; small print needs at least \(Int(limit)) dpi. Scan again at 300 dpi.",
            messageZh: "扫描分辨率为 \(Int(dpi)) dpi，小字需要至少 \(Int(limit)) dpi，请以 300 dpi 重新扫描。",
            measure: "dpi", value: dpi, limit: limit)
    }

    static func notColor(role: MaterialRole) -> Finding {
        Finding(
            code: FindingCode.notColor, severity: .error,
            message: "The \(role.englishName) is a greyscale image; reviewers require a colour scan or photo of the original.",
            messageZh: "\(role.chineseName)为黑白/灰度图片，审核要求上传原件的彩色扫描件或照片。")
    }

    static func editedBySoftware(software: String, editor: String) -> Finding {
        Finding(
            code: FindingCode.editedBySoftware, severity: .warning,
            message: "The file was saved by \(software) (an editor): a reviewer may take it for an edited image and send"
                + " it back. Upload the camera's or scanner's original if you can.",
            messageZh: "文件经 \(software) 处理（修图软件），审核可能视为修改过的图片而退回，请尽量上传相机或扫描仪直接生成的原图。",
            detail: editor)
    }

    static let gpsPresent = Finding(
        code: FindingCode.gpsPresent, severity: .warning,
        message: "The file records the GPS position where it was taken; remove location data before sharing it if that"
            + " is private.",
        messageZh: "文件中含有拍摄地点的 GPS 位置信息，如涉及隐私请在上传前删除位置信息。")

    /// - Parameter difference: |thumbnail aspect − image aspect| / image aspect, over `tolerance`.
    static func thumbnailAspectMismatch(difference: Double, tolerance: Double) -> Finding {
        Finding(
            code: FindingCode.thumbnailAspectMismatch, severity: .warning,
            message: "The EXIF thumbnail has a different shape from the image, a sign that the image was cropped or edited"
                + " after it was taken.",
            messageZh: "EXIF 缩略图与图片的宽高比不一致，说明图片拍摄后可能被裁剪或修改过。",
            measure: "thumbnail_aspect_difference", value: difference, limit: tolerance)
    }

    static let noCameraEXIF = Finding(
        code: FindingCode.noCameraEXIF, severity: .warning,
        message: "The photo carries no camera make or model, so it may be a screenshot or an exported copy; upload the"
            + " photo as the camera or phone saved it.",
        messageZh: "照片没有相机品牌和型号信息，可能是截图或导出的副本，请上传相机或手机拍摄的原始照片。")

    static func photoTooOld(days: Double, limit: Int) -> Finding {
        Finding(
            code: FindingCode.photoTooOld, severity: .warning,
            message: "The photo was taken \(counted(Int(days), "day")) ago; take a new one for this filing (limit \(counted(limit, "day"))).",
            messageZh: "照片拍摄于 \(Int(days)) 天前，请为本次备案重新拍摄（上限 \(limit) 天）。",
            measure: "photo_age_days", value: days, limit: Double(limit))
    }

    private static func megabytes(_ bytes: Int) -> String {
        String(format: "%.1f MB", Double(bytes) / 1_048_576)
    }
}

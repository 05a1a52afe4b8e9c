/// The bilingual findings of the format and metadata stages.
extension Finding {
    /// An error that stopped a stage, as a finding with the codec's text kept as detail.
    init(_ error: ICPCheckError) {
        self.init(code: error.code, severity: .error, message: error.message, messageZh: error.messageZh, detail: error.underlying)
    }

    /// A file the upload forms refuse: said as what it is, with what to upload instead.
    static func unsupported(_ format: ImageFormat) -> Finding {
        let (message, messageZh): (String, String) =
            switch format {
            case .pdf:
                ("The file is a PDF document; the upload forms take pictures only. Export each page as a JPG image (or scan"
                    + " it to JPG) and upload the pages.",
                 "该文件是 PDF 文档，备案系统只接受图片：请把每一页导出为 JPG 图片（或重新扫描为 JPG）后上传。")
            case .zip:
                ("The file is a ZIP archive; unpack it and upload the pictures it holds (JPG or PNG) one by one.",
                 "该文件是 ZIP 压缩包，请解压后逐个上传其中的图片（JPG 或 PNG）。")
            case .heic:
                ("The file is a HEIC photo (an iPhone's own format); convert it to JPG, or set the camera to take JPG"
                    + " (Settings › Camera › Formats › Most Compatible), and upload that.",
                 "该文件是 HEIC 照片（苹果手机的默认格式），请转换为 JPG 后上传，或在“设置 > 相机 > 格式”中选择“兼容性最佳”后重新拍摄。")
            case .unknown:
                ("The file is not an image format icpcheck recognises; upload it as JPEG or PNG instead (open it and save"
                    + " or export as JPG).",
                 "无法识别该文件格式，请另存为 JPG 或 PNG 后上传。")
            default:
                ("The file is a \(format.rawValue.uppercased()) file; upload it as JPEG or PNG instead (open it and save or"
                    + " export as JPG).",
                 "该文件是 \(format.rawValue.uppercased()) 格式，请另存为 JPG 或 PNG 后上传。")
            }
        return Finding(code: FindingCode.unsupported, severity: .error, message: message, messageZh: messageZh)
    }

    static func extensionMismatch(detected: ImageFormat, fileExtension: String) -> Finding {
        let shown = fileExtension.isEmpty ? "no extension" : "the extension .\(fileExtension)"
        return Finding(
            code: FindingCode.extensionMismatch, severity: .warning,
            message: "The file is \(detected.rawValue.uppercased()) but has \(shown); rename it to match its format"
                + " (upload forms check the extension).",
            messageZh: "文件实际为 \(detected.rawValue.uppercased()) 格式，但扩展名为"
                + (fileExtension.isEmpty ? "空" : " .\(fileExtension)") + "，请改为与格式一致的扩展名。")
    }

    static func corruptData(_ diagnostics: CodecDiagnostics) -> Finding {
        Finding(
            code: FindingCode.corruptData, severity: .warning,
            message: "Parts of the image data are damaged (\(counted(diagnostics.warningCount, "problem"))); the picture may show"
                + " artefacts. Upload the original file again.",
            messageZh: "图片部分数据已损坏（\(diagnostics.warningCount) 处），可能出现花屏，请重新上传原文件。",
            value: Double(diagnostics.warningCount), detail: diagnostics.warning)
    }

    static func truncatedButDecoded(_ diagnostics: CodecDiagnostics) -> Finding {
        Finding(
            code: FindingCode.truncated, severity: .error,
            message: "The file ends before its image data is complete; part of the picture is missing."
                + " Upload the original file again.",
            messageZh: "文件不完整（数据提前结束），部分画面缺失，请重新上传原文件。",
            detail: diagnostics.warning)
    }

    static func ancillaryChunkWarning(_ diagnostics: CodecDiagnostics) -> Finding {
        Finding(
            code: FindingCode.ancillaryChunkWarning, severity: .info,
            message: "libpng reported \(diagnostics.warningCount) harmless problem(s) in optional PNG chunks.",
            messageZh: "PNG 可选数据块存在 \(diagnostics.warningCount) 处小问题，不影响图片内容。",
            value: Double(diagnostics.warningCount), detail: diagnostics.warning)
    }

    static let animated = Finding(
        code: FindingCode.animated, severity: .warning,
        message: "The PNG is animated (APNG); reviewers see only its first frame. Upload a still image.",
        messageZh: "该 PNG 为动图（APNG），审核只能看到第一帧，请上传静态图片。")

    static func exifCorrupt(_ diagnostics: CodecDiagnostics) -> Finding {
        Finding(
            code: FindingCode.exifCorrupt, severity: .info,
            message: "The EXIF metadata is partly damaged (\(diagnostics.warningCount) problem(s)); some fields may be missing.",
            messageZh: "EXIF 信息部分损坏（\(diagnostics.warningCount) 处），部分字段可能缺失。",
            value: Double(diagnostics.warningCount), detail: diagnostics.warning)
    }

    static let changedWhileReading = Finding(
        code: FindingCode.changedWhileReading, severity: .warning,
        message: "The file changed while it was being checked (still uploading or being saved?); check it again.",
        messageZh: "检查过程中文件发生了变化（可能仍在上传或保存），请稍后重新检查。")
}

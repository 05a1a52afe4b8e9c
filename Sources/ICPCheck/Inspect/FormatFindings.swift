/// The bilingual findings of the format and metadata stages.
extension Finding {
    /// An error that stopped a stage, as a finding with the codec's text kept as detail.
    init(_ error: ICPCheckError) {
        let zh = error.messageZh ?? Self.chineseMessages[error.code] ?? "文件无法检查。"
        self.init(code: error.code, severity: .error, message: error.message, messageZh: zh, detail: error.underlying)
    }

    private static let chineseMessages: [FindingCode: String] = [
        FindingCode.unreadable: "无法读取该文件，请检查文件权限后重新上传。",
        FindingCode.empty: "文件为空（0 字节），请重新导出并上传原文件。",
        FindingCode.fileTooLarge: "文件过大，未被读取，请压缩或缩小后再上传。",
        FindingCode.unsupported: "不支持该文件格式，请另存为 JPG 或 PNG 后上传。",
        FindingCode.truncated: "文件不完整（数据提前结束），请重新上传原文件。",
        FindingCode.corrupt: "图片数据已损坏，无法解码，请重新上传原文件。",
        FindingCode.tooManyPixels: "图片像素数超过上限，未解码，请以正常尺寸导出。",
        FindingCode.tooCostly: "解码该图片的开销超出上限，未解码，请重新导出为普通的 JPG 或 PNG 后上传。",
    ]

    static func unsupported(_ format: ImageFormat) -> Finding {
        let name = format == .unknown ? "not an image format icpcheck recognises" : "a \(format.rawValue.uppercased()) file"
        return Finding(
            code: FindingCode.unsupported, severity: .error,
            message: "The file is \(name); upload it as JPEG or PNG instead (open it and save or export as JPG).",
            messageZh: format == .unknown
                ? "无法识别该文件格式，请另存为 JPG 或 PNG 后上传。"
                : "该文件是 \(format.rawValue.uppercased()) 格式，请另存为 JPG 或 PNG 后上传。")
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
            message: "Parts of the image data are damaged (\(diagnostics.warningCount) problem(s)); the picture may show"
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

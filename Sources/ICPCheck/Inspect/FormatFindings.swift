/// The bilingual findings of the format and metadata stages.
extension Finding {
    /// An error that stopped a stage, as a finding with the codec's text kept as detail.
    init(_ error: ICPCheckError) {
        self.init(code: error.code, severity: .error, message: error.message, messageZh: error.messageZh, detail: error.underlying)
    }

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

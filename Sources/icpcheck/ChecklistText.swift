import ICPCheck

/// The applicant's checklist: verdict, requirement by requirement, then file by file. Marks tell
/// an error (✗, red) from a warning (!, yellow) and a pass (✓, green) on a terminal.
enum ChecklistText {
    static func render(_ manifest: Manifest, language: Language, style: TerminalStyle = .plain) -> String {
        let zh = language == .zh
        var lines: [String] = []
        let (verdict, verdictColour) = verdictText(manifest.verdict, zh: zh)
        lines.append((zh ? "申请 " : "Application ") + manifest.application + (zh ? "：" : ": ") + style.paint(verdict, verdictColour))
        lines.append("")
        lines.append(zh ? "材料要求" : "Requirements")
        for requirement in manifest.requirements {
            var body = zh ? requirement.chineseName : requirement.englishName
            if !requirement.required && requirement.status == .notApplicable {
                body += zh ? "（不需要）" : " (not needed)"
            } else if !requirement.files.isEmpty {
                body += (zh ? "：" : ": ") + requirement.files.joined(separator: zh ? "、" : ", ")
            }
            let (mark, colour) = mark(requirement.status)
            lines.append(style.line("  ", mark + " ", colour, body))
            lines += findingLines(requirement.findings, zh: zh, indent: "      ", style: style)
        }
        let general = manifest.findings
        if !general.isEmpty {
            lines.append("")
            lines.append(zh ? "申请信息" : "Application")
            lines += findingLines(general, zh: zh, indent: "  ", style: style)
        }
        lines.append("")
        lines.append(zh ? "文件" : "Files")
        if manifest.files.isEmpty { lines.append(zh ? "  （文件夹中没有文件）" : "  (the folder has no files)") }
        for file in manifest.files {
            let role = file.role.map { zh ? $0.chineseName : $0.englishName } ?? "?"
            var body = "\(file.path) — \(role)"
            if file.roleSource == .content { body += zh ? "（按内容判断）" : " (judged from the picture)" }
            if let width = file.format.width, let height = file.format.height {
                body += (zh ? "，" : ", ") + "\(file.format.detected.rawValue.uppercased()) \(width)×\(height)"
            }
            let (mark, colour) = mark(file.worstSeverity)
            lines.append(style.line("  ", mark + " ", colour, body))
            lines += findingLines(file.findings, zh: zh, indent: "      ", style: style)
        }
        return lines.joined(separator: "\n")
    }

    static func verdictText(_ verdict: Verdict, zh: Bool) -> (String, TerminalStyle.Colour) {
        switch verdict {
        case .ready: (zh ? "可以提交 ✓" : "ready to submit ✓", .green)
        case .needsReview: (zh ? "请先核对以下提醒" : "check the warnings below first", .yellow)
        case .notReady: (zh ? "尚不能提交，请先修正以下问题" : "not ready: fix the problems below", .red)
        }
    }

    private static func mark(_ status: Requirement.Status) -> (String, TerminalStyle.Colour?) {
        switch status {
        case .pass: ("✓", .green)
        case .warn: ("!", .yellow)
        case .fail: ("✗", .red)
        case .notApplicable: ("-", .dim)
        }
    }

    /// A file's mark: by its most serious finding (a note alone is a pass).
    private static func mark(_ worst: Severity?) -> (String, TerminalStyle.Colour?) {
        switch worst {
        case .error: ("✗", .red)
        case .warning: ("!", .yellow)
        default: ("✓", .green)
        }
    }

    private static func findingLines(_ findings: [Finding], zh: Bool, indent: String, style: TerminalStyle) -> [String] {
        findings.sorted { $0.severity > $1.severity }.map { finding in
            let (label, colour): (String, TerminalStyle.Colour?) =
                switch finding.severity {
                case .error: (zh ? "错误" : "error", .red)
                case .warning: (zh ? "提醒" : "warning", .yellow)
                case .info: (zh ? "说明" : "note", nil)
                }
            return style.line(indent, "[\(label)] ", colour, zh ? finding.messageZh : finding.message)
        }
    }
}

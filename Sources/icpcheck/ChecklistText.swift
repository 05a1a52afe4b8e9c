import ICPCheck

/// The applicant's checklist: verdict, requirement by requirement, then file by file.
enum ChecklistText {
    static func render(_ manifest: Manifest, language: Language) -> String {
        let zh = language == .zh
        var lines: [String] = []
        lines.append((zh ? "申请 " : "Application ") + manifest.application + ": " + verdictText(manifest.verdict, zh: zh))
        lines.append("")
        lines.append(zh ? "材料要求" : "Requirements")
        for requirement in manifest.requirements {
            let name = zh ? requirement.id.chineseName : requirement.id.englishName
            var line = "  \(mark(requirement.status)) \(name)"
            if !requirement.required && requirement.status == .notApplicable {
                line += zh ? "（不需要）" : " (not needed)"
            } else if !requirement.files.isEmpty {
                line += ": " + requirement.files.joined(separator: ", ")
            }
            lines.append(line)
            lines += findingLines(requirement.findings, zh: zh, indent: "      ")
        }
        let general = manifest.findings
        if !general.isEmpty {
            lines.append("")
            lines.append(zh ? "申请信息" : "Application")
            lines += findingLines(general, zh: zh, indent: "  ")
        }
        lines.append("")
        lines.append(zh ? "文件" : "Files")
        if manifest.files.isEmpty { lines.append(zh ? "  （文件夹中没有文件）" : "  (the folder has no files)") }
        for file in manifest.files {
            let role = file.role.map { zh ? $0.chineseName : $0.englishName } ?? "?"
            var line = "  \(file.findings.contains { $0.severity != .info } ? "✗" : "✓") \(file.path) — \(role)"
            if let width = file.format.width, let height = file.format.height {
                line += (zh ? "，" : ", ") + "\(file.format.detected.rawValue.uppercased()) \(width)×\(height)"
            }
            lines.append(line)
            lines += findingLines(file.findings, zh: zh, indent: "      ")
        }
        return lines.joined(separator: "\n")
    }

    static func verdictText(_ verdict: Verdict, zh: Bool) -> String {
        switch verdict {
        case .ready: zh ? "可以提交 ✓" : "ready to submit ✓"
        case .needsReview: zh ? "请先核对以下提醒" : "check the warnings below first"
        case .notReady: zh ? "尚不能提交，请先修正以下问题" : "not ready: fix the problems below"
        }
    }

    private static func mark(_ status: Requirement.Status) -> String {
        switch status {
        case .pass: "✓"
        case .warn: "!"
        case .fail: "✗"
        case .notApplicable: "-"
        }
    }

    private static func findingLines(_ findings: [Finding], zh: Bool, indent: String) -> [String] {
        findings.sorted { $0.severity > $1.severity }.map { finding in
            let label: String =
                switch finding.severity {
                case .error: zh ? "错误" : "error"
                case .warning: zh ? "提醒" : "warning"
                case .info: zh ? "说明" : "note"
                }
            return "\(indent)[\(label)] \(zh ? finding.messageZh : finding.message)"
        }
    }
}

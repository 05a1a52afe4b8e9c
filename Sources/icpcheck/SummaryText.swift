import ICPCheck

/// The closing lines of a batch: counts per verdict and where the manifests are.
enum SummaryText {
    static func render(_ summary: BatchSummary, language: Language, output: String) -> String {
        let zh = language == .zh
        let count = { (verdict: Verdict) in summary.counts[verdict.rawValue] ?? 0 }
        var lines = [
            zh ? "已检查 \(summary.applications.count) 个申请：可提交 \(count(.ready))，需核对 \(count(.needsReview))，未就绪 \(count(.notReady))"
                : "Checked \(summary.applications.count) applications: \(count(.ready)) ready, \(count(.needsReview)) need review, \(count(.notReady)) not ready"
        ]
        for row in summary.applications where row.verdict != .ready {
            var line = "  \(row.application): \(row.verdict.rawValue) (\(row.errors) \(zh ? "错误" : "errors"), \(row.warnings) \(zh ? "提醒" : "warnings"))"
            if !row.missing.isEmpty { line += (zh ? "，缺少 " : ", missing ") + row.missing.joined(separator: ", ") }
            lines.append(line)
        }
        lines.append((zh ? "清单与汇总：" : "Manifests and summary: ") + output)
        return lines.joined(separator: "\n")
    }
}

import ICPCheck

/// The closing lines of a batch: counts per verdict, the most frequent finding codes, and where
/// the manifests are; each application that is not ready only with `verbose` (a real batch has
/// thousands).
enum SummaryText {
    /// How many of the most frequent codes are shown.
    static let shownCodes = 10

    static func render(_ summary: BatchSummary, language: Language, output: String, verbose: Bool = false) -> String {
        let zh = language == .zh
        let count = { (verdict: Verdict) in summary.counts[verdict.rawValue] ?? 0 }
        let total = summary.applications.count
        var lines = [
            zh ? "已检查 \(total) 个申请：可提交 \(count(.ready))，需核对 \(count(.needsReview))，未就绪 \(count(.notReady))"
                : "Checked \(counted(total, "application")): \(count(.ready)) ready, \(count(.needsReview)) need\(count(.needsReview) == 1 ? "s" : "") review, \(count(.notReady)) not ready"
        ]
        let codes = summary.frequentCodes(limit: shownCodes)
        if !codes.isEmpty {
            lines.append(zh ? "最常见的问题（涉及的申请数）：" : "Most frequent findings (applications with each):")
            // Chinese: the kind of problem in words (the codes are in summary.csv); English: the code, to route by, and its title.
            let names = codes.map { code in
                FindingCode(rawValue: code.code).map { zh ? $0.chineseTitle : code.code + "  " + $0.englishTitle } ?? code.code
            }
            let width = names.map(TerminalStyle.columns).max() ?? 0
            for (code, name) in zip(codes, names) {
                let severity = code.severity == .error ? (zh ? "错误" : "error") : (zh ? "提醒" : "warning")
                let padding = String(repeating: " ", count: width - TerminalStyle.columns(name))
                lines.append(zh ? "  \(name)\(padding)  \(code.applications)（\(severity)）" : "  \(name)\(padding)  \(code.applications)  (\(severity))")
            }
        }
        if verbose {
            for row in summary.applications where row.verdict != .ready {
                var line = zh
                    ? "  \(row.application)：\(row.verdict.chineseName)（错误 \(row.errors)，提醒 \(row.warnings)）"
                    : "  \(row.application): \(row.verdict.englishName) (\(counted(row.errors, "error")), \(counted(row.warnings, "warning")))"
                let missing = row.missing.map { id in Requirement.ID(rawValue: id).map { zh ? $0.chineseName : $0.englishName } ?? id }
                if !missing.isEmpty { line += zh ? "，缺少" + missing.joined(separator: "、") : ", missing " + missing.joined(separator: ", ") }
                lines.append(line)
            }
        } else if count(.ready) < total {
            lines.append(zh ? "（每个申请的详情见 summary.csv；加 --verbose 逐个列出）" : "(each application's details are in summary.csv; --verbose lists them)")
        }
        if let cache = summary.cache {
            if let moved = cache.setAside {
                lines.append(zh ? "警告：缓存文件已损坏，已移到 \(moved)，并重新建立。" : "Warning: the cache file was damaged; it was moved to \(moved) and a new one started.")
            }
            let files = cache.hits + cache.misses
            lines.append(zh ? "缓存：\(files) 个文件中 \(cache.hits) 个已检查过，沿用其结果（\(cache.path)）"
                            : "Cache: \(cache.hits) of \(counted(files, "file")) checked before (same bytes, name and role), their reports reused (\(cache.path))")
        }
        lines.append((zh ? "清单与汇总：" : "Manifests and summary: ") + output)
        if let report = summary.report { lines.append((zh ? "审核报告：" : "Review report: ") + report) }
        return lines.joined(separator: "\n")
    }
}

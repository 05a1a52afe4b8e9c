import Foundation
import ICPCheck

/// The batch's progress line on a terminal: how many applications are done, their rate, the time
/// left, and the last one's name and verdict, cut to the terminal's width so that it never wraps
/// (a wrapped line is not overwritten by the next one).
enum ProgressLine {
    /// - Parameters:
    ///   - elapsed: seconds since the batch started.
    ///   - width: the terminal's columns.
    static func render(done: Int, total: Int, last: SummaryRow, elapsed: Double, width: Int, language: Language) -> String {
        let zh = language == .zh
        let rate = elapsed > 0 ? Double(done) / elapsed : 0
        var head = "\(done)/\(total)"
        if rate > 0 {
            head += String(format: zh ? "  %.1f 个/秒" : "  %.1f/s", rate)
            if done < total { head += (zh ? "  剩余 " : "  ") + duration(Double(total - done) / rate) + (zh ? "" : " left") }
        }
        let verdict = zh ? last.verdict.chineseName : last.verdict.englishName
        return truncated(head + "  " + last.application + (zh ? "：" : ": ") + verdict, width: width - 1)
    }

    /// `1:05:09`, `4:07`, `12s`.
    static func duration(_ seconds: Double) -> String {
        let whole = Int(seconds.rounded(.up))
        let (hours, minutes, rest) = (whole / 3600, whole / 60 % 60, whole % 60)
        if hours > 0 { return String(format: "%d:%02d:%02d", hours, minutes, rest) }
        return minutes > 0 ? String(format: "%d:%02d", minutes, rest) : "\(rest)s"
    }

    /// `text` cut to `width` columns, with `…` where it was cut.
    static func truncated(_ text: String, width: Int) -> String {
        guard TerminalStyle.columns(text) > width else { return text }
        var kept = "", columns = 0
        for character in text {
            let next = TerminalStyle.columns(String(character))
            if columns + next > width - 1 { break }
            kept.append(character)
            columns += next
        }
        return kept + "…"
    }
}

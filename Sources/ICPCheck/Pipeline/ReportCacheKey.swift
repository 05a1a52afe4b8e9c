import Foundation
import Glibc

/// The key a file's report is cached under: the SHA-256 of the file's bytes, and of everything
/// else the report depends on. A run shares most of it (`RunPart`): the tool (its version and the
/// build of its executable, so a rebuilt tool checks again), Tesseract's version, the effective
/// rules, how files are decoded and read, and the day in China (photo age and validity are counted
/// in days). Each file adds its name in the application, the role its name or the form gave it, the
/// folder scan's findings about it, and whether the applicant is an entity.
enum ReportCacheKey {
    struct RunPart: Sendable {
        let digest: String

        init(options: CheckOptions) {
            let rules = (try? ManifestJSON.encodeLine(options.rules)).map { String(decoding: $0, as: UTF8.self) } ?? ""
            let day = options.day.date.formatted(
                Date.ISO8601FormatStyle(timeZone: TimeZone(identifier: "Asia/Shanghai")!).year().month().day())
            let parts = [
                "icpcheck \(ICPCheckVersion.current)", Self.executableBuild, TextEngine.version, rules,
                String(describing: options.inspect), "\(options.read)", day,
            ]
            digest = SHA256.hexDigest(of: Array(parts.joined(separator: "\n").utf8))
        }

        /// The running executable's size and modification time: a new build has others.
        private static let executableBuild: String = {
            var status = stat()
            guard stat("/proc/self/exe", &status) == 0 else { return "unknown build" }
            return "\(status.st_size) \(status.st_mtim.tv_sec).\(status.st_mtim.tv_nsec)"
        }()
    }

    /// The key of one file's report.
    static func key(
        contentDigest: String, path: String, given: RoleAssignment.Assigned, scanFindings: [Finding], isEntity: Bool?, run: RunPart
    ) -> String {
        let context = FileContext(
            path: path, role: given.role, roleSource: given.source, roleFindings: given.findings, scanFindings: scanFindings,
            isEntity: isEntity)
        let encoded = (try? ManifestJSON.encodeLine(context)) ?? Data()
        return contentDigest + "-" + SHA256.hexDigest(of: Array(encoded) + Array(run.digest.utf8))
    }

    private struct FileContext: Encodable {
        var path: String
        var role: MaterialRole
        var roleSource: RoleSource?
        var roleFindings: [Finding]
        var scanFindings: [Finding]
        var isEntity: Bool?
    }
}

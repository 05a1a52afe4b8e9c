import Foundation
import Glibc

/// The batch's output folder, held for one run: where it may lie, its lock, and what it clears of
/// earlier runs. Every removal is of a file this tool wrote, known by its exact name.
final class OutputFolder {
    /// Held with `flock` for the run; its presence also marks a folder as an icpcheck output, so
    /// that a later run over an uploads folder that holds one does not take it for an application.
    static let lockName = ".icpcheck.lock"
    static let summaryName = "summary.json"
    /// A summary of 100,000 applications is about 30 MB; one past this is not ours.
    static let maxSummaryBytes = 256 << 20

    let path: String
    private let lock: Int32

    /// Checks where `output` lies against `uploads`, creates it, locks it, makes sure it can be
    /// written, and removes the temporary files of killed runs — all before any application is checked.
    ///
    /// The output may not be the uploads folder, contain it, or lie inside an application; it may
    /// be a new (or empty, or earlier output) immediate sub-folder of the uploads folder, and is then
    /// not an application.
    /// - Throws: `ICPCheckError` (`output.*`) saying what is wrong, before anything is written.
    init(_ output: String, uploads: String) throws(ICPCheckError) {
        path = output
        _ = try Self.placement(of: output, uploads: uploads)
        do {
            try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
        } catch {
            throw ICPCheckError(code: FindingCode.outputWriteFailed, message: "cannot create the output folder", messageZh: "无法创建输出文件夹",
                                path: output,
                                underlying: error.localizedDescription)
        }
        lock = try Self.takeLock(in: output)
        do {
            try Self.probeWriting(in: output)
            Self.removeTemporaryFilesOfEndedRuns(in: output)
        } catch {
            close(lock)
            throw error
        }
    }

    deinit { close(lock) }

    /// Whether an entry of the uploads folder is an output folder: this run's (`nameInUploads`, from
    /// `placement`), or an earlier run's.
    static func isOutput(_ entry: DirectoryListing.Entry, nameInUploads: [UInt8]?) -> Bool {
        entry.name == nameInUploads || isOutputFolder(entry.path)
    }

    static func isOutputFolder(_ path: [UInt8]) -> Bool {
        DirectoryListing.kind(of: path + [0x2F] + Array(lockName.utf8)) == .regular
    }

    // MARK: Placement

    /// - Returns: the output's name when it is an immediate sub-folder of the uploads folder.
    static func placement(of output: String, uploads: String) throws(ICPCheckError) -> [UInt8]? {
        guard let root = DirectoryListing.realPath(Array(uploads.utf8)) else {
            throw ICPCheckError.uploadsUnreadable(uploads)
        }
        let out = DirectoryListing.canonicalPath(Array(output.utf8))
        func refuse(_ why: String, _ whyZh: String) -> ICPCheckError {
            ICPCheckError(code: .outputMisplaced, message: why + " Choose an output folder outside the uploads folder.",
                          messageZh: whyZh + "请选择上传文件夹之外的输出文件夹。", path: output)
        }
        if out == root {
            throw refuse("The output folder is the uploads folder: manifests would be mixed with uploads.",
                         "输出文件夹就是上传文件夹，清单会与上传材料混在一起。")
        }
        if root.starts(with: out + [0x2F]) { throw refuse("The output folder contains the uploads folder.", "输出文件夹包含上传文件夹。") }
        guard out.starts(with: root + [0x2F]) else { return nil }
        let inside = out[(root.count + 1)...].split(separator: 0x2F).map(Array.init)
        guard let first = inside.first else { throw refuse("The output folder is the uploads folder.", "输出文件夹就是上传文件夹。") }
        // A hidden folder is never an application: the scan skips it.
        if ApplicationScanner.isIgnored(first) { return nil }
        let shown = String(decoding: first, as: UTF8.self)
        guard inside.count == 1 else {
            throw refuse("The output folder lies inside '\(shown)', which is an application folder of the uploads folder.",
                         "输出文件夹位于申请文件夹“\(shown)”之内。")
        }
        let existing = root + [0x2F] + first
        if DirectoryListing.isDirectory(existing, following: false), !isOutputFolder(existing),
            let entries = DirectoryListing.entries(of: existing), !entries.isEmpty
        {
            throw refuse("The output folder is '\(shown)', an application folder of the uploads folder.",
                         "输出文件夹就是申请文件夹“\(shown)”。")
        }
        return first
    }

    // MARK: Lock and probe

    /// Takes the run's lock, or fails at once: a second run on one output folder would remove the
    /// first's temporary files and overwrite its summary with a summary of its own applications, so
    /// it is refused rather than queued (a scheduler that queues runs can retry).
    private static func takeLock(in output: String) throws(ICPCheckError) -> Int32 {
        let lockPath = output + "/" + lockName
        let descriptor = open(lockPath, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw ICPCheckError(code: .outputWriteFailed, message: "cannot create the lock file", messageZh: "无法创建锁文件",
                                path: lockPath,
                                underlying: String(cString: strerror(errno)))
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            guard errno == EWOULDBLOCK else {
                let reason = String(cString: strerror(errno))
                close(descriptor)
                throw ICPCheckError(
                    code: .outputWriteFailed, message: "cannot lock the output folder", messageZh: "无法锁定输出文件夹", path: lockPath,
                    underlying: reason)
            }
            let holder = readAll(descriptor).trimmingCharacters(in: .whitespacesAndNewlines)
            close(descriptor)
            throw ICPCheckError(
                code: .outputLocked,
                message: "Another icpcheck batch\(holder.isEmpty ? "" : " (process \(holder))") is writing to this output"
                    + " folder. Wait for it to finish, or choose another --out.",
                messageZh: "另一个 icpcheck 批处理\(holder.isEmpty ? "" : "（进程 \(holder)）")正在写入该输出文件夹，请等待其完成，或换用其他 --out。",
                path: output)
        }
        let pid = Array("\(getpid())\n".utf8)
        _ = ftruncate(descriptor, 0)
        _ = pid.withUnsafeBytes { pwrite(descriptor, $0.baseAddress!, $0.count, 0) }
        return descriptor
    }

    private static func readAll(_ descriptor: Int32) -> String {
        var buffer = [UInt8](repeating: 0, count: 64)
        let count = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress!, $0.count, 0) }
        return String(decoding: buffer.prefix(max(0, count)), as: UTF8.self)
    }

    /// Creates, writes and removes a file, so that an output that cannot be written is said before
    /// the batch, not after hours of checking.
    private static func probeWriting(in output: String) throws(ICPCheckError) {
        let probe = output + "/.icpcheck-probe-\(getpid())"
        let descriptor = open(probe, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0o600)
        var written = -1
        if descriptor >= 0 {
            written = [UInt8(0x0A)].withUnsafeBytes { write(descriptor, $0.baseAddress!, 1) }
            close(descriptor)
            unlink(probe)
        }
        guard written == 1 else {
            throw ICPCheckError(code: .outputWriteFailed, message: "the output folder cannot be written", messageZh: "输出文件夹无法写入",
                                path: output,
                                underlying: String(cString: strerror(errno)))
        }
    }

    // MARK: Clearing up after earlier runs

    /// Removes `AtomicFile`'s temporary files whose writing process has ended. Nothing else is
    /// touched: not a folder, not a link, not a file of another name. Files named with this
    /// process's own id are an earlier run's too (nothing is written yet, and in a container every
    /// run may be process 1), and would otherwise block `AtomicFile`'s exclusive create.
    /// - Parameter kinds: the endings of the files written there (`AtomicFile.writer(ofTemporary:kinds:)`).
    static func removeTemporaryFilesOfEndedRuns(in output: String, kinds: [String] = [".json", ".csv"]) {
        for entry in DirectoryListing.entries(of: Array(output.utf8)) ?? [] {
            guard let name = String(validating: entry.name, as: UTF8.self), let writer = AtomicFile.writer(ofTemporary: name, kinds: kinds),
                writer == getpid() || !isRunning(writer), DirectoryListing.kind(of: entry.path) == .regular
            else { continue }
            _ = DirectoryListing.withCString(entry.path) { unlink($0) }
        }
    }

    private static func isRunning(_ pid: Int32) -> Bool {
        kill(pid, 0) == 0 || errno == EPERM
    }

    /// The manifest files that the last complete run's summary names.
    /// - Parameter summaryName: the summary the last run wrote (a shard's is its own).
    func manifestsOfLastRun(summaryName: String = OutputFolder.summaryName) -> Set<String> {
        let summaryPath = Array((path + "/" + summaryName).utf8)
        guard let contents = try? FileReader.read(path: summaryPath, maxBytes: Self.maxSummaryBytes),
            let summary = try? JSONDecoder().decode(ManifestList.self, from: Data(contents.bytes))
        else { return [] }
        return Set(summary.applications.compactMap(\.manifest).filter(Self.isManifestName))
    }

    /// Removes manifests that the last run wrote and this run did not (their applications are gone).
    func removeManifests(_ names: Set<String>) {
        for name in names where Self.isManifestName(name) {
            let file = Array((path + "/" + name).utf8)
            if DirectoryListing.kind(of: file) == .regular { _ = DirectoryListing.withCString(file) { unlink($0) } }
        }
    }

    /// A name this tool gives manifests: one path component, `.json`, not hidden, not the summary.
    private static func isManifestName(_ name: String) -> Bool {
        name.hasSuffix(".json") && !name.hasPrefix(".") && !name.contains("/") && name != summaryName
            && !Shard.isSummaryName(String(name.dropLast(5)))
    }

    private struct ManifestList: Decodable {
        struct Row: Decodable { var manifest: String? }
        var applications: [Row]
    }
}

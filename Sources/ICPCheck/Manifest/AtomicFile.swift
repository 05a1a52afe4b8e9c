import Foundation
import Glibc
import Synchronization

/// Writes files so that a reader (or a rerun after a crash) only ever sees a complete file:
/// write to a temporary name in the same folder, flush, then rename over the target.
enum AtomicFile {
    /// Temporary names are `TARGET.tmp-PID-N`: the writing process and a count within it, so that
    /// two writes never share one, and leftovers of a killed run are known by their exact form.
    static let temporaryMarker = ".tmp-"
    private static let written = Atomic<Int>(0)

    /// - Parameter durable: flushes the file to the disk before it is renamed, so that it survives a
    ///   crash of the machine as well; off for what a run can make again (the review report), where
    ///   a flush per thumbnail would cost more than the check.
    static func write(_ bytes: [UInt8], to path: String, durable: Bool = true) throws(ICPCheckError) {
        let count = written.add(1, ordering: .relaxed).newValue
        let temporary = path + temporaryMarker + "\(getpid())-\(count)"
        // O_EXCL and O_NOFOLLOW: never write through a file or link that someone else put there.
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw failure("cannot create", temporary) }
        var written = 0
        while written < bytes.count {
            let result = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress! + written, bytes.count - written) }
            if result < 0 && errno == EINTR { continue }
            guard result > 0 else {
                close(descriptor)
                unlink(temporary)
                throw failure("cannot write", temporary)
            }
            written += result
        }
        let flushed = !durable || fsync(descriptor) == 0
        close(descriptor)
        guard flushed, rename(temporary, path) == 0 else {
            unlink(temporary)
            throw failure("cannot save", path)
        }
    }

    /// The process that wrote a temporary file of this tool's, from its name; nil for any other name.
    /// - Parameter kinds: the endings of the files written in that folder (the report's `.html`, `.jpg`).
    static func writer(ofTemporary name: String, kinds: [String] = [".json", ".csv"]) -> Int32? {
        guard let marker = name.range(of: temporaryMarker, options: .backwards) else { return nil }
        let target = name[..<marker.lowerBound]
        let numbers = name[marker.upperBound...].split(separator: "-", omittingEmptySubsequences: false)
        guard kinds.contains(where: target.hasSuffix), target.count > 5, numbers.count == 2,
            numbers.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
            let pid = Int32(numbers[0]), pid > 0
        else { return nil }
        return pid
    }

    private static func failure(_ what: String, _ path: String) -> ICPCheckError {
        ICPCheckError(code: .outputWriteFailed, message: "\(what) \(path)", messageZh: "无法写入 \(path)", path: path,
                      underlying: String(cString: strerror(errno)))
    }
}

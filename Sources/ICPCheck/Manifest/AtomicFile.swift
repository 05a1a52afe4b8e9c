import Glibc

/// Writes files so that a reader (or a rerun after a crash) only ever sees a complete file:
/// write to a temporary name in the same folder, flush, then rename over the target.
public enum AtomicFile {
    /// Part of every temporary name, so that leftovers of a killed run can be found.
    static let temporaryMarker = ".tmp-"

    public static func write(_ bytes: [UInt8], to path: String) throws(ICPCheckError) {
        let temporary = path + temporaryMarker + "\(getpid())"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
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
        let flushed = fsync(descriptor) == 0
        close(descriptor)
        guard flushed, rename(temporary, path) == 0 else {
            unlink(temporary)
            throw failure("cannot save", path)
        }
    }

    private static func failure(_ what: String, _ path: String) -> ICPCheckError {
        ICPCheckError(code: "output.write_failed", message: "\(what) \(path)", path: path, underlying: String(cString: strerror(errno)))
    }
}

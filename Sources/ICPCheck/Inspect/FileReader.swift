import Glibc

/// Reads a whole file once, refusing files over a byte cap before reading them. Never writes.
enum FileReader {
    struct Contents {
        var bytes: [UInt8]
        /// Size or modification time differed after reading: the file was being written.
        var changedWhileReading: Bool
    }

    /// - Parameter path: the file system path as raw bytes (names need not be UTF-8), without NUL.
    static func read(path: [UInt8], maxBytes: Int) throws(ICPCheckError) -> Contents {
        let shown = String(decoding: path, as: UTF8.self)
        let descriptor = DirectoryListing.withCString(path) { open($0, O_RDONLY | O_CLOEXEC) }
        guard descriptor >= 0 else { throw failure(shown, "The file cannot be opened; check that it exists and is readable.") }
        defer { close(descriptor) }
        var before = stat()
        guard fstat(descriptor, &before) == 0 else { throw failure(shown, "The file's status cannot be read.") }
        guard (before.st_mode & S_IFMT) == S_IFREG else {
            throw ICPCheckError(code: FindingCode.unreadable, message: "This is not a regular file.", path: shown)
        }
        let size = Int(before.st_size)
        guard size <= maxBytes else {
            throw ICPCheckError(
                code: FindingCode.fileTooLarge,
                message: "The file has \(size) bytes, more than the \(maxBytes) bytes icpcheck reads; make it smaller.",
                path: shown, underlying: "\(size)")
        }
        // One byte more than announced, to notice a file that grows while it is read.
        let capacity = size + 1
        var failed = false
        let bytes = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
            var total = 0
            while total < capacity {
                let got = Glibc.read(descriptor, buffer.baseAddress! + total, capacity - total)
                if got < 0 && errno == EINTR { continue }
                if got < 0 { failed = true }
                if got <= 0 { break }
                total += got
            }
            count = total
        }
        if failed { throw failure(shown, "Reading the file failed part-way.") }
        guard bytes.count <= maxBytes else {
            throw ICPCheckError(
                code: FindingCode.fileTooLarge, message: "The file grew past \(maxBytes) bytes while it was read.",
                path: shown, underlying: "\(bytes.count)")
        }
        var after = stat()
        let changed =
            fstat(descriptor, &after) != 0 || after.st_size != before.st_size || bytes.count != size
            || after.st_mtim.tv_sec != before.st_mtim.tv_sec || after.st_mtim.tv_nsec != before.st_mtim.tv_nsec
        return Contents(bytes: bytes, changedWhileReading: changed)
    }

    private static func failure(_ path: String, _ message: String) -> ICPCheckError {
        ICPCheckError(code: FindingCode.unreadable, message: message, path: path, underlying: String(cString: strerror(errno)))
    }
}

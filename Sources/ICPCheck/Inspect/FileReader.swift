import Glibc

/// Reads a whole file once, refusing files over a byte cap before reading them. Never writes.
enum FileReader {
    static func read(path: String, maxBytes: Int) throws(ICPCheckError) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw failure(path, "The file cannot be opened; check that it exists and is readable.") }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw failure(path, "The file's status cannot be read.") }
        guard (status.st_mode & S_IFMT) == S_IFREG else {
            throw ICPCheckError(code: FindingCode.unreadable, message: "This is not a regular file.", path: path)
        }
        let size = Int(status.st_size)
        guard size <= maxBytes else {
            throw ICPCheckError(
                code: FindingCode.fileTooLarge,
                message: "The file has \(size) bytes, more than the \(maxBytes) bytes icpcheck reads; make it smaller.",
                path: path, underlying: "\(size)")
        }
        // One byte more than announced, to notice a file that grows while it is read.
        let capacity = min(size, maxBytes) + 1
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
        if failed { throw failure(path, "Reading the file failed part-way.") }
        guard bytes.count <= maxBytes else {
            throw ICPCheckError(
                code: FindingCode.fileTooLarge, message: "The file grew past \(maxBytes) bytes while it was read.",
                path: path)
        }
        return bytes
    }

    private static func failure(_ path: String, _ message: String) -> ICPCheckError {
        ICPCheckError(code: FindingCode.unreadable, message: message, path: path, underlying: String(cString: strerror(errno)))
    }
}

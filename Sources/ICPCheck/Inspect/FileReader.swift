import Glibc

/// Reads a whole file once, refusing files over a byte cap before reading them. Never writes.
///
/// Only regular files are read: the entry is looked at with `lstat` before it is opened, and opened
/// with `O_NOFOLLOW | O_NONBLOCK`, so that a link swapped in is not followed and a FIFO (which
/// blocks `open` until a writer appears) is never waited for. `fstat` on the open file confirms it.
enum FileReader {
    struct Contents {
        var bytes: [UInt8]
        /// Size or modification time differed after reading: the file was being written.
        var changedWhileReading: Bool
    }

    /// - Parameter path: the file system path as raw bytes (names need not be UTF-8), without NUL.
    ///   A link as the last component is refused; resolve it first where following it is intended.
    static func read(path: [UInt8], maxBytes: Int) throws(ICPCheckError) -> Contents {
        let shown = String(decoding: path, as: UTF8.self)
        guard let entry = DirectoryListing.kind(of: path) else {
            throw failure(shown, "The file cannot be opened; check that it exists and is readable.")
        }
        try requireRegularFile(entry, path: shown)
        let descriptor = DirectoryListing.withCString(path) { open($0, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK) }
        guard descriptor >= 0 else { throw failure(shown, "The file cannot be opened; check that it exists and is readable.") }
        defer { close(descriptor) }
        var before = stat()
        guard fstat(descriptor, &before) == 0 else { throw failure(shown, "The file's status cannot be read.") }
        // Replaced between lstat and open: whatever is there now must be a regular file too.
        try requireRegularFile(FileKind(before), path: shown)
        // Regular files never block; blocking reads keep the loop below simple.
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) & ~O_NONBLOCK)
        let size = Int(before.st_size)
        guard size <= maxBytes else {
            throw ICPCheckError(
                code: FindingCode.fileTooLarge,
                message: "The file has \(size) bytes, more than the \(maxBytes) bytes icpcheck reads; make it smaller.",
                messageZh: "文件过大，未被读取，请压缩或缩小后再上传。", path: shown, underlying: "\(size)")
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
                messageZh: "文件过大，未被读取，请压缩或缩小后再上传。", path: shown, underlying: "\(bytes.count)")
        }
        var after = stat()
        let changed =
            fstat(descriptor, &after) != 0 || after.st_size != before.st_size || bytes.count != size
            || after.st_mtim.tv_sec != before.st_mtim.tv_sec || after.st_mtim.tv_nsec != before.st_mtim.tv_nsec
        return Contents(bytes: bytes, changedWhileReading: changed)
    }

    /// Reads a file that the user named (on the command line, in an environment variable): a link
    /// there is followed once, since the user chose it; what it leads to must be a regular file.
    static func read(namedPath path: String, maxBytes: Int) throws(ICPCheckError) -> Contents {
        let raw = Array(path.utf8)
        return try read(path: DirectoryListing.realPath(raw) ?? raw, maxBytes: maxBytes)
    }

    /// Throws `scan.not_regular_file`, naming what the entry is, unless it is a regular file.
    private static func requireRegularFile(_ kind: FileKind, path: String) throws(ICPCheckError) {
        guard kind != .regular else { return }
        throw ICPCheckError(
            code: FindingCode.notRegularFile,
            message: "This is \(kind.description), not a regular file; it was not read. Put the file itself in its place.",
            messageZh: "这是\(kind.descriptionZh)，不是普通文件，未被读取，请上传图片文件本身。", path: path, underlying: kind.rawValue)
    }

    private static func failure(_ path: String, _ message: String) -> ICPCheckError {
        ICPCheckError(code: FindingCode.unreadable, message: message, messageZh: "无法读取该文件，请检查文件权限后重新上传。", path: path,
                      underlying: String(cString: strerror(errno)))
    }
}

/// What a directory entry is, from its `st_mode`.
enum FileKind: String {
    case regular = "regular_file"
    case directory
    case symbolicLink = "symbolic_link"
    case fifo
    case socket
    case characterDevice = "character_device"
    case blockDevice = "block_device"
    case other

    init(_ status: stat) {
        switch status.st_mode & S_IFMT {
        case S_IFREG: self = .regular
        case S_IFDIR: self = .directory
        case S_IFLNK: self = .symbolicLink
        case S_IFIFO: self = .fifo
        case S_IFSOCK: self = .socket
        case S_IFCHR: self = .characterDevice
        case S_IFBLK: self = .blockDevice
        default: self = .other
        }
    }

    var description: String {
        switch self {
        case .regular: "a regular file"
        case .directory: "a folder"
        case .symbolicLink: "a link"
        case .fifo: "a named pipe (FIFO)"
        case .socket: "a socket"
        case .characterDevice, .blockDevice: "a device"
        case .other: "not a regular file"
        }
    }

    var descriptionZh: String {
        switch self {
        case .regular: "普通文件"
        case .directory: "文件夹"
        case .symbolicLink: "链接"
        case .fifo: "命名管道（FIFO）"
        case .socket: "套接字"
        case .characterDevice, .blockDevice: "设备文件"
        case .other: "特殊文件"
        }
    }
}

import Glibc

/// Directory entries with raw byte names, through `opendir`/`readdir`, so that names that are not
/// UTF-8 survive and can still be opened.
enum DirectoryListing {
    struct Entry {
        var name: [UInt8]
        var path: [UInt8]
    }

    /// The entries of a folder except `.` and `..`; nil when it cannot be opened.
    static func entries(of folder: [UInt8]) -> [Entry]? {
        guard let directory = withCString(folder, { opendir($0) }) else { return nil }
        defer { closedir(directory) }
        var entries: [Entry] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                Array(raw.prefix { $0 != 0 })
            }
            if name == [0x2E] || name == [0x2E, 0x2E] { continue }
            entries.append(Entry(name: name, path: folder + [0x2F] + name))
        }
        return entries
    }

    static func isDirectory(_ path: [UInt8], following: Bool) -> Bool {
        var status = stat()
        let result = withCString(path) { following ? stat($0, &status) : lstat($0, &status) }
        return result == 0 && (status.st_mode & S_IFMT) == S_IFDIR
    }

    static func isSymbolicLink(_ path: [UInt8]) -> Bool {
        var status = stat()
        return withCString(path) { lstat($0, &status) } == 0 && (status.st_mode & S_IFMT) == S_IFLNK
    }

    /// The canonical absolute path, links resolved; nil when it does not resolve.
    static func realPath(_ path: [UInt8]) -> [UInt8]? {
        guard let resolved = withCString(path, { realpath($0, nil) }) else { return nil }
        defer { free(resolved) }
        return Array(UnsafeRawBufferPointer(start: resolved, count: strlen(resolved)))
    }

    /// A raw path as the NUL-terminated C string that `open`, `stat` and `opendir` take.
    static func withCString<T>(_ path: [UInt8], _ body: (UnsafePointer<CChar>) -> T) -> T {
        (path + [0]).withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { body($0.baseAddress!) }
        }
    }
}

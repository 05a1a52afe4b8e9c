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

    /// What the entry at `path` is (`following` a link to what it points at); nil when there is none.
    static func kind(of path: [UInt8], following: Bool = false) -> FileKind? {
        var status = stat()
        let result = withCString(path) { following ? stat($0, &status) : lstat($0, &status) }
        return result == 0 ? FileKind(status) : nil
    }

    static func isDirectory(_ path: [UInt8], following: Bool) -> Bool { kind(of: path, following: following) == .directory }

    static func isSymbolicLink(_ path: [UInt8]) -> Bool { kind(of: path) == .symbolicLink }

    /// The canonical absolute path, links resolved; nil when it does not resolve.
    static func realPath(_ path: [UInt8]) -> [UInt8]? {
        guard let resolved = withCString(path, { realpath($0, nil) }) else { return nil }
        defer { free(resolved) }
        return Array(UnsafeRawBufferPointer(start: resolved, count: strlen(resolved)))
    }

    /// The absolute path with links resolved as far as it exists; the rest (not yet created) is
    /// appended with `.` and `..` taken lexically. Shows where a folder that is about to be created
    /// will be.
    static func canonicalPath(_ path: [UInt8]) -> [UInt8] {
        var absolute = path
        if absolute.first != 0x2F, let cwd = realPath([0x2E]) { absolute = cwd + [0x2F] + path }
        var components = absolute.split(separator: 0x2F).map(Array.init)
        var missing: [[UInt8]] = []
        while true {
            if var resolved = realPath([0x2F] + components.joined(separator: [0x2F])) {
                for component in missing where component != [0x2E] {
                    if component == [0x2E, 0x2E] {
                        resolved = Array(resolved[..<(resolved.lastIndex(of: 0x2F) ?? 0)])
                    } else {
                        resolved += [0x2F] + component
                    }
                }
                return resolved.isEmpty ? [0x2F] : resolved.starts(with: [0x2F, 0x2F]) ? Array(resolved.dropFirst()) : resolved
            }
            guard let last = components.popLast() else { return absolute }
            missing.insert(last, at: 0)
        }
    }

    /// A raw path as the NUL-terminated C string that `open`, `stat` and `opendir` take.
    static func withCString<T>(_ path: [UInt8], _ body: (UnsafePointer<CChar>) -> T) -> T {
        (path + [0]).withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { body($0.baseAddress!) }
        }
    }
}

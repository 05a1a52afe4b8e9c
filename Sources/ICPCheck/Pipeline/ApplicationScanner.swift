import Glibc

/// One application: an immediate sub-folder of the uploads directory.
public struct ApplicationFolder: Sendable, Equatable {
    /// The folder's name, which names the application and its manifest.
    public var name: String
    /// The folder's path as raw bytes (names need not be UTF-8).
    var rawPath: [UInt8]

    public init(path: String) {
        rawPath = Array(path.utf8)
        name = path.split(separator: "/").last.map(String.init) ?? path
    }

    init(name: String, rawPath: [UInt8]) {
        self.name = name
        self.rawPath = rawPath
    }

    public var path: String { String(decoding: rawPath, as: UTF8.self) }
}

/// A file found in an application folder.
struct ScannedFile: Sendable {
    /// Relative to the application folder, `/`-separated; invalid UTF-8 shown as U+FFFD.
    var relativePath: String
    var rawPath: [UInt8]
    /// Problems with the name or link, found before the file is read.
    var findings: [Finding]
}

/// What an application folder holds: its files and anything skipped, with the reasons.
struct FolderContents: Sendable {
    var files: [ScannedFile] = []
    /// Findings about entries that were not checked (links out of the folder, unreadable folders).
    var findings: [Finding] = []
    /// The raw bytes of `application.json`, when present.
    var formBytes: [UInt8]?
}

/// Lists applications and their files. Reads directories only; never writes.
enum ApplicationScanner {
    /// Names that uploads carry from desktops and archives, never materials.
    static let ignoredNames: Set<String> = [".DS_Store", "Thumbs.db", "desktop.ini", "__MACOSX", "ehthumbs.db"]
    static let formName = "application.json"
    /// Deeper folders than this are not entered (a guard against link loops and odd archives).
    static let maxDepth = 8

    /// The immediate, non-hidden sub-folders of `uploads`, sorted by name.
    static func applications(in uploads: String) throws(ICPCheckError) -> [ApplicationFolder] {
        let root = Array(uploads.utf8)
        guard let entries = DirectoryListing.entries(of: root) else {
            throw ICPCheckError(code: FindingCode.unreadable, message: "The uploads folder cannot be read.", path: uploads,
                                underlying: String(cString: strerror(errno)))
        }
        return entries.filter { !isIgnored($0.name) && DirectoryListing.isDirectory($0.path, following: true) }
            .map { ApplicationFolder(name: String(decoding: $0.name, as: UTF8.self), rawPath: $0.path) }
            .sorted { $0.name < $1.name }
    }

    static func scan(_ application: ApplicationFolder) -> FolderContents {
        var contents = FolderContents()
        let root = DirectoryListing.realPath(application.rawPath) ?? application.rawPath
        walk(application.rawPath, relative: [], depth: 0, root: root, into: &contents)
        contents.files.sort { $0.relativePath < $1.relativePath }
        return contents
    }

    private static func walk(_ folder: [UInt8], relative: [String], depth: Int, root: [UInt8], into contents: inout FolderContents) {
        guard let entries = DirectoryListing.entries(of: folder) else {
            contents.findings.append(.folderUnreadable(relative.joined(separator: "/")))
            return
        }
        for entry in entries where !isIgnored(entry.name) {
            let name = String(decoding: entry.name, as: UTF8.self)
            let relativePath = (relative + [name]).joined(separator: "/")
            if DirectoryListing.isSymbolicLink(entry.path) {
                guard let target = DirectoryListing.realPath(entry.path), target.starts(with: root + [0x2F]) else {
                    contents.findings.append(.linkOutside(relativePath))
                    continue
                }
            }
            if DirectoryListing.isDirectory(entry.path, following: true) {
                if depth + 1 >= maxDepth {
                    contents.findings.append(.folderTooDeep(relativePath))
                } else {
                    walk(entry.path, relative: relative + [name], depth: depth + 1, root: root, into: &contents)
                }
                continue
            }
            if relative.isEmpty && name == formName {
                contents.formBytes = (try? FileReader.read(path: entry.path, maxBytes: 1 << 20))?.bytes ?? []
                continue
            }
            var findings: [Finding] = []
            if String(validating: entry.name, as: UTF8.self) == nil {
                findings.append(.nameNotUTF8(relativePath))
            }
            contents.files.append(ScannedFile(relativePath: relativePath, rawPath: entry.path, findings: findings))
        }
    }

    /// Hidden files and the litter of desktops and archive tools.
    static func isIgnored(_ name: [UInt8]) -> Bool {
        name.first == 0x2E || ignoredNames.contains(String(decoding: name, as: UTF8.self))
    }
}

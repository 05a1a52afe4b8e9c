import Glibc

/// One application: an immediate sub-folder of the uploads directory.
public struct ApplicationFolder: Sendable, Equatable {
    /// The folder's name, which names the application (invalid UTF-8 shown as U+FFFD).
    public var name: String
    /// The folder's name as raw bytes, from which its manifest's file name is made.
    var rawName: [UInt8]
    /// The folder's path as raw bytes (names need not be UTF-8).
    var rawPath: [UInt8]
    /// Why the folder is not entered (a link, or a folder that resolves outside the uploads
    /// folder); nil when its files are checked.
    var refusal: Finding?

    /// The application in the folder at `path`; its name is the folder's last path component.
    public init(path: String) {
        rawPath = Array(path.utf8)
        rawName = Array((path.split(separator: "/").last.map(String.init) ?? path).utf8)
        name = String(decoding: rawName, as: UTF8.self)
    }

    init(rawName: [UInt8], rawPath: [UInt8], refusal: Finding? = nil) {
        self.name = String(decoding: rawName, as: UTF8.self)
        self.rawName = rawName
        self.rawPath = rawPath
        self.refusal = refusal
    }

    /// The folder's path (invalid UTF-8 shown as U+FFFD).
    public var path: String { String(decoding: rawPath, as: UTF8.self) }
}

/// A file found in an application folder.
struct ScannedFile: Sendable {
    /// Relative to the application folder, `/`-separated; invalid UTF-8 shown as U+FFFD.
    var relativePath: String
    /// Where the file is read: its own path, or for a link within the application, its target.
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
    /// An `application.json` is there but could not be read (too large, not a regular file).
    var formUnreadable = false
}

/// Lists applications and their files. Reads directories only; never writes.
enum ApplicationScanner {
    /// Names that uploads carry from desktops and archives, never materials.
    static let ignoredNames: Set<String> = [".DS_Store", "Thumbs.db", "desktop.ini", "__MACOSX", "ehthumbs.db"]
    static let formName = "application.json"
    /// Deeper folders than this are not entered (a guard against link loops and odd archives).
    static let maxDepth = 8
    /// A form is a few hundred bytes; anything past a megabyte is not one.
    static let maxFormBytes = 1 << 20

    /// The immediate, non-hidden sub-folders of `uploads`, sorted by their names' bytes.
    ///
    /// A link to a folder is listed with a refusal and never entered: following it would read
    /// whatever it points at (`/etc`, another applicant's folder) as if it were uploaded.
    /// - Parameter isExcluded: folders that are not applications (the batch's own output folders).
    static func applications(
        in uploads: String, excluding isExcluded: (DirectoryListing.Entry) -> Bool = { _ in false }
    ) throws(ICPCheckError) -> [ApplicationFolder] {
        let root = Array(uploads.utf8)
        guard let entries = DirectoryListing.entries(of: root), let realRoot = DirectoryListing.realPath(root) else {
            throw ICPCheckError.uploadsUnreadable(uploads)
        }
        var applications: [ApplicationFolder] = []
        for entry in entries where !isIgnored(entry.name) && DirectoryListing.isDirectory(entry.path, following: true) {
            if isExcluded(entry) { continue }
            let leadsElsewhere = DirectoryListing.isSymbolicLink(entry.path)
                || DirectoryListing.realPath(entry.path).map { !$0.starts(with: realRoot + [0x2F]) } ?? true
            let refusal = leadsElsewhere ? Finding.applicationLink(String(decoding: entry.name, as: UTF8.self)) : nil
            applications.append(ApplicationFolder(rawName: entry.name, rawPath: entry.path, refusal: refusal))
        }
        return applications.sorted { $0.rawName.lexicographicallyPrecedes($1.rawName) }
    }

    /// The names of the files (not folders, not ignored) directly in `uploads`, sorted: what a user
    /// who gave one application's folder instead of the folder of applications sees there.
    static func looseFiles(in uploads: String) -> [String] {
        (DirectoryListing.entries(of: Array(uploads.utf8)) ?? [])
            .filter { !isIgnored($0.name) && !DirectoryListing.isDirectory($0.path, following: true) }
            .map { String(decoding: $0.name, as: UTF8.self) }.sorted()
    }

    static func scan(_ application: ApplicationFolder) -> FolderContents {
        var contents = FolderContents()
        if let refusal = application.refusal {
            contents.findings.append(refusal)
            return contents
        }
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
            // A link is followed only to its target inside the application, and read there.
            var path = entry.path
            if DirectoryListing.isSymbolicLink(entry.path) {
                guard let target = DirectoryListing.realPath(entry.path), target.starts(with: root + [0x2F]) else {
                    contents.findings.append(.linkOutside(relativePath))
                    continue
                }
                path = target
            }
            if DirectoryListing.isDirectory(path, following: false) {
                if depth + 1 >= maxDepth {
                    contents.findings.append(.folderTooDeep(relativePath))
                } else {
                    walk(path, relative: relative + [name], depth: depth + 1, root: root, into: &contents)
                }
                continue
            }
            if relative.isEmpty && name == formName {
                do { contents.formBytes = try FileReader.read(path: path, maxBytes: maxFormBytes).bytes } catch {
                    contents.findings.append(.formInvalid(error.description))
                    contents.formUnreadable = true
                }
                continue
            }
            var findings: [Finding] = []
            if String(validating: entry.name, as: UTF8.self) == nil {
                findings.append(.nameNotUTF8(relativePath))
            }
            // FIFOs, sockets and devices are listed too: the reader refuses them, with a finding.
            contents.files.append(ScannedFile(relativePath: relativePath, rawPath: path, findings: findings))
        }
    }

    /// Hidden files and the litter of desktops and archive tools.
    static func isIgnored(_ name: [UInt8]) -> Bool {
        name.first == 0x2E || ignoredNames.contains(String(decoding: name, as: UTF8.self))
    }
}

extension ICPCheckError {
    /// The uploads folder holds no application folder: empty, or loose files (one application's
    /// folder given where the folder of applications was wanted).
    static func noApplications(_ uploads: String, looseFiles: [String]) -> ICPCheckError {
        let shown = looseFiles.prefix(3).joined(separator: ", ") + (looseFiles.count > 3 ? ", …" : "")
        guard !looseFiles.isEmpty else {
            return ICPCheckError(code: .noApplications, message: "The uploads folder holds no application folder (nor any file).",
                                 messageZh: "上传文件夹中没有申请文件夹（也没有文件）。", path: uploads)
        }
        return ICPCheckError(
            code: .noApplications,
            message: "The uploads folder holds no application folder, only \(counted(looseFiles.count, "loose file")) (\(shown)). "
                + "batch wants a folder of application folders; to check one application's folder, use icpcheck check.",
            messageZh: "上传文件夹中没有申请文件夹，只有 \(looseFiles.count) 个散放的文件（\(shown)）。batch 需要一个包含各申请文件夹的文件夹；检查单个申请文件夹请用 icpcheck check。",
            path: uploads)
    }

    /// The uploads folder cannot be listed (with the system's reason, from `errno`).
    static func uploadsUnreadable(_ uploads: String) -> ICPCheckError {
        ICPCheckError(code: FindingCode.unreadable, message: "The uploads folder cannot be read.", messageZh: "无法读取上传文件夹。",
                      path: uploads, underlying: String(cString: strerror(errno)))
    }
}

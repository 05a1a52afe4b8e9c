import Foundation
import Mustache

/// The review report: a self-contained offline site (no fetched fonts, styles or scripts; it
/// works from `file://`) in `DIR/report/`: `index.html`, one page per application in
/// `applications/`, the thumbnails in `thumbs/` and one style sheet, each file written atomically.
struct HTMLReport: Sendable {
    static let folderName = "report"
    static let indexName = "index.html"
    static let pagesFolder = "applications"
    static let thumbnailsFolder = "thumbs"
    /// One style sheet for the index and every page of a batch (a page of its own carries it inline).
    static let stylesheetName = "style.css"

    /// The report's folder.
    let folder: String
    let thumbnails: Thumbnails

    /// Makes the report's folders in `output`, and clears what a killed run left half-written there.
    init(output: String) throws(ICPCheckError) {
        folder = output + "/" + Self.folderName
        for sub in [folder, folder + "/" + Self.pagesFolder, folder + "/" + Self.thumbnailsFolder] {
            do { try FileManager.default.createDirectory(atPath: sub, withIntermediateDirectories: true) } catch {
                throw ICPCheckError(code: .outputWriteFailed, message: "cannot create the report folder", messageZh: "无法创建报告文件夹",
                                    path: sub, underlying: error.localizedDescription)
            }
            OutputFolder.removeTemporaryFilesOfEndedRuns(in: sub, kinds: [".html", ".jpg", ".css"])
        }
        thumbnails = Thumbnails(.folder(folder + "/" + Self.thumbnailsFolder))
        try AtomicFile.write(PackageResources.style_css, to: folder + "/" + Self.stylesheetName, durable: false)
    }

    /// The page of the application whose manifest is `manifestFile` (`NAME.json` → `NAME.html`).
    static func pageName(manifestFile: String) -> String {
        (manifestFile.hasSuffix(".json") ? String(manifestFile.dropLast(5)) : manifestFile) + ".html"
    }

    /// Writes one application's page; its thumbnails were made while its files were checked.
    func writePage(_ manifest: Manifest, manifestFile: String) throws(ICPCheckError) {
        let page = ApplicationPage(manifest, indexLink: "../" + Self.indexName, stylesheet: "../" + Self.stylesheetName) { digest in
            thumbnails.has(digest) ? "../" + Self.thumbnailsFolder + "/" + Self.urlPath(Thumbnails.fileName(digest)) : nil
        }
        try AtomicFile.write(Array(Self.render(page, "application").utf8), to: folder + "/" + Self.pagesFolder + "/" + Self.pageName(manifestFile: manifestFile), durable: false)
    }

    /// Removes the pages of applications whose manifests are gone.
    func removePages(of manifestFiles: Set<String>) {
        for name in manifestFiles { try? FileManager.default.removeItem(atPath: folder + "/" + Self.pagesFolder + "/" + Self.pageName(manifestFile: name)) }
    }

    /// Writes the index of a batch's applications.
    /// - Parameter link: each row's page, relative to the report folder (nil: it has none).
    func writeIndex(_ summary: BatchSummary, link: (SummaryRow) -> String?) throws(ICPCheckError) {
        try AtomicFile.write(Array(Self.render(IndexPage(summary, link: link), "index").utf8), to: folder + "/" + Self.indexName, durable: false)
    }

    /// One application's page with its thumbnails inline (`data:` addresses), a single file to keep
    /// or send (`check --html`).
    static func standalonePage(_ manifest: Manifest, thumbnails: Thumbnails) -> String {
        let page = ApplicationPage(manifest, indexLink: nil, stylesheet: nil) { digest in
            thumbnails.jpeg(digest).map { "data:image/jpeg;base64," + Data($0).base64EncodedString() }
        }
        return render(page, "application")
    }

    /// A relative address's path: each part percent-encoded, so any file name works in a link.
    static func urlPath(_ path: String) -> String {
        path.split(separator: "/", omittingEmptySubsequences: false).map { part in
            part.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(CharacterSet(charactersIn: "/?#;"))) ?? String(part)
        }.joined(separator: "/")
    }

    /// The path of `file` relative to the folder `base`, both resolved against the working folder.
    static func relativePath(from base: String, to file: String) -> String {
        let from = URL(fileURLWithPath: base).standardizedFileURL.pathComponents
        let to = URL(fileURLWithPath: file).standardizedFileURL.pathComponents
        var shared = 0
        while shared < min(from.count, to.count), from[shared] == to[shared] { shared += 1 }
        return (Array(repeating: "..", count: from.count - shared) + to[shared...]).joined(separator: "/")
    }

    private static func render(_ object: Any, _ template: String) -> String {
        templates.render(templateValues(object), withTemplate: template) ?? ""
    }

    /// A page's view model as dictionaries and arrays, made in one pass: the templates then look each
    /// name up in a dictionary, where reflecting on the structure at every lookup cost more than
    /// the batch's cached re-run itself. An absent optional is left out, as a template expects.
    static func templateValues(_ value: Any) -> Any {
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .struct:
            var fields: [String: Any] = [:]
            for child in mirror.children {
                guard let label = child.label, let present = unwrapped(child.value) else { continue }
                fields[label] = templateValues(present)
            }
            return fields
        case .collection:
            return mirror.children.map { templateValues($0.value) }
        default:
            return value
        }
    }

    private static func unwrapped(_ value: Any) -> Any? {
        let mirror = Mirror(reflecting: value)
        guard mirror.displayStyle == .optional else { return value }
        return mirror.children.first.flatMap { unwrapped($0.value) }
    }

    /// The templates, compiled into the binary so that it needs no file beside it.
    private static let templates: MustacheLibrary = {
        var library = MustacheLibrary()
        let sources: [(String, [UInt8])] = [
            ("application", PackageResources.application_mustache), ("index", PackageResources.index_mustache),
            ("finding", PackageResources.finding_mustache), ("style", PackageResources.style_css),
            ("index-script", PackageResources.index_js),
        ]
        for (name, bytes) in sources {
            // The templates are part of the build: one that does not parse is a programming error.
            try! library.register(String(decoding: bytes, as: UTF8.self), named: name)
        }
        return library
    }()
}

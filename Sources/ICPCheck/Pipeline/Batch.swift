import Foundation

/// `icpcheck batch`: every sub-folder of the uploads directory is an application; writes one
/// manifest per application, then `summary.json` and `summary.csv`, each atomically.
public enum Batch {
    /// Progress as the batch goes, for a progress line.
    public struct Progress: Sendable {
        public var done: Int
        public var total: Int
        public var last: SummaryRow
    }

    /// - Parameters:
    ///   - shard: checks only the applications of this part, and writes its summary as
    ///     `summary-I-of-N.json` alone (`Merge` makes the summary of all parts).
    ///   - cache: where reports of unchanged files are kept from run to run.
    ///   - csvByteOrderMark: starts `summary.csv` with a UTF-8 BOM (for Excel on Chinese Windows).
    ///   - html: also writes the review report, `DIR/report/` (a shard writes its pages and
    ///     thumbnails; `Merge` writes the index of all parts).
    ///   - progress: called as each application is done, its manifest written.
    /// - Returns: the summary of the whole batch.
    /// - Throws: `ICPCheckError` when the uploads folder cannot be listed or holds no application
    ///   folder, the output folder lies where it may not, is locked by another run or cannot be
    ///   written (all before any work), or when an output cannot be written.
    public static func run(
        uploads: String, output: String, options: CheckOptions, shard: Shard? = nil, cache: ReportCacheLocation = .outputFolder, csvByteOrderMark: Bool = false,
        html: Bool = false, progress: @Sendable (Progress) -> Void = { _ in }
    ) async throws -> BatchSummary {
        // The uploads folder is listed before the output folder is made: a run that has nothing to
        // check leaves nothing behind.
        let nameInUploads = try OutputFolder.placement(of: output, uploads: uploads)
        var excluded: [String] = []
        var applications = try ApplicationScanner.applications(in: uploads) { entry in
            guard OutputFolder.isOutput(entry, nameInUploads: nameInUploads) else { return false }
            excluded.append(String(decoding: entry.name, as: UTF8.self))
            return true
        }
        if applications.isEmpty { throw ICPCheckError.noApplications(uploads, looseFiles: ApplicationScanner.looseFiles(in: uploads)) }
        let folder = try OutputFolder(output, uploads: uploads)
        // This run's output folder, new in the uploads folder, was not there to be listed.
        if let name = nameInUploads.map({ String(decoding: $0, as: UTF8.self) }), !excluded.contains(name) { excluded.append(name) }
        // Named among all applications, so that a shard names each manifest as a whole run does.
        var fileNames = ManifestFileNames.assign(applications.map(\.rawName))
        if let shard {
            let kept = applications.indices.filter { shard.contains(applications[$0].rawName) }
            (applications, fileNames) = (kept.map { applications[$0] }, kept.map { fileNames[$0] })
        }
        let summaryName = shard?.summaryName ?? OutputFolder.summaryName
        let lastRun = folder.manifestsOfLastRun(summaryName: summaryName)
        var options = options
        let reportCache = try cache.path(in: output).map { path throws(ICPCheckError) in try ReportCache(path: path) }
        options.reportCache = reportCache.map { ($0, ReportCacheKey.RunPart(options: options)) }
        let report = try html ? HTMLReport(output: output) : nil
        options.thumbnails = report?.thumbnails
        var rows: [SummaryRow] = []
        var writeError: ICPCheckError?
        // Pages are rendered beside the file checks, not in the one task that hands out manifests.
        let pageErrors = await withTaskGroup(of: ICPCheckError?.self) { pages in
            await BatchRunner.run(applications: applications, options: options) { index, manifest in
                do {
                    try AtomicFile.write(Array(try ManifestJSON.encode(manifest)), to: output + "/" + fileNames[index])
                } catch let error as ICPCheckError {
                    writeError = writeError ?? error
                } catch {
                    writeError = writeError ?? ICPCheckError(code: .outputWriteFailed, message: "\(error)", messageZh: "写入输出失败：\(error)")
                }
                if let report {
                    let name = fileNames[index]
                    pages.addTask { () -> ICPCheckError? in
                        do throws(ICPCheckError) { try report.writePage(manifest, manifestFile: name) } catch { return error }
                        return nil
                    }
                }
                rows.append(SummaryRow(manifest, file: fileNames[index], folder: output))
                progress(Progress(done: rows.count, total: applications.count, last: rows[rows.count - 1]))
            }
            return await pages.compactMap { $0 }.reduce(into: [ICPCheckError]()) { $0.append($1) }
        }
        if let writeError = writeError ?? pageErrors.first { throw writeError }
        reportCache?.removeStale()
        var summary = BatchSummary(
            rows: rows, checkedAt: ApplicationChecker.timestamp(options.now), profile: options.rules.profile,
            excludedFolders: excluded.sorted())
        summary.shard = shard
        summary.cache = reportCache.map { CacheSummary(path: $0.path, hits: $0.statistics.hits, misses: $0.statistics.misses, setAside: $0.setAside) }
        if let report, shard == nil {
            try report.writeIndex(summary) { row in row.manifest.map { HTMLReport.pagesFolder + "/" + HTMLReport.urlPath(HTMLReport.pageName(manifestFile: $0)) } }
            summary.report = report.folder + "/" + HTMLReport.indexName
        }
        try AtomicFile.write(Array(try ManifestJSON.encode(summary)), to: output + "/" + summaryName)
        if shard == nil { try AtomicFile.write(Array(summary.csv(byteOrderMark: csvByteOrderMark).utf8), to: output + "/summary.csv") }
        // Only after a complete run: the manifests (and pages) of applications that are gone since
        // the last one, and, of a whole batch, the thumbnails no page shows.
        let gone = lastRun.subtracting(fileNames)
        folder.removeManifests(gone)
        report?.removePages(of: gone)
        if shard == nil { report?.thumbnails.removeUnshown() }
        return summary
    }
}

/// Where a batch keeps the reports of the files it checked, so that a re-run checks only what changed.
public enum ReportCacheLocation: Sendable, Equatable {
    /// No cache: every file is checked.
    case off
    /// `DIR/.icpcheck-cache.sqlite`, beside the manifests.
    case outputFolder
    /// A file of the operator's choice (several output folders may share one).
    case file(String)

    static let fileName = ".icpcheck-cache.sqlite"

    func path(in output: String) -> String? {
        switch self {
        case .off: nil
        case .outputFolder: output + "/" + Self.fileName
        case .file(let path): path
        }
    }
}

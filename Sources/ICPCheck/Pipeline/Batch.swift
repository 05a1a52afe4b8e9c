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

    /// - Returns: the summary of the whole batch.
    /// - Throws: `ICPCheckError` when the uploads folder cannot be listed or an output cannot be written.
    public static func run(
        uploads: String, output: String, options: CheckOptions, progress: @Sendable (Progress) -> Void = { _ in }
    ) async throws -> BatchSummary {
        let applications = try ApplicationScanner.applications(in: uploads)
        do {
            try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
        } catch {
            throw ICPCheckError(code: "output.write_failed", message: "cannot create the output folder", path: output,
                                underlying: error.localizedDescription)
        }
        removeLeftoverTemporaryFiles(in: output)
        var rows: [SummaryRow] = []
        var writeError: ICPCheckError?
        await BatchRunner.run(applications: applications, options: options) { manifest in
            do {
                try AtomicFile.write(Array(try ManifestJSON.encode(manifest)), to: output + "/" + fileName(manifest.application))
            } catch let error as ICPCheckError {
                writeError = writeError ?? error
            } catch {
                writeError = writeError ?? ICPCheckError(code: "output.write_failed", message: "\(error)")
            }
            rows.append(SummaryRow(manifest))
            progress(Progress(done: rows.count, total: applications.count, last: rows[rows.count - 1]))
        }
        if let writeError { throw writeError }
        let summary = BatchSummary(rows: rows, checkedAt: ApplicationChecker.timestamp(options.now), profile: options.rules.profile)
        try AtomicFile.write(Array(try ManifestJSON.encode(summary)), to: output + "/summary.json")
        try AtomicFile.write(Array(summary.csv.utf8), to: output + "/summary.csv")
        return summary
    }

    /// A batch killed while writing leaves `NAME.tmp-PID` files beside the complete ones; the next run clears them.
    static func removeLeftoverTemporaryFiles(in output: String) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: output)) ?? []
        for name in names where name.contains(AtomicFile.temporaryMarker) {
            try? FileManager.default.removeItem(atPath: output + "/" + name)
        }
    }

    /// The manifest's file name: the application's name, made safe for a file system; an
    /// application called `summary` gets `_summary.json`, so the batch summary cannot overwrite it.
    static func fileName(_ application: String) -> String {
        let safe = String(application.map { $0 == "/" || $0 == "\0" ? "_" : $0 })
        return (safe == "summary" ? "_summary" : safe) + ".json"
    }
}

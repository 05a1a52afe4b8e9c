import Foundation

/// `icpcheck merge`: the summaries of a batch's shards (`batch --shard I/N`, each in its own output
/// folder) made into the summary of the whole batch, as one run over all applications would have
/// written it, with each row's manifest path in its shard's folder. Refuses, saying which, shards
/// that are missing, given twice, or of different splits, tools or profiles.
public enum Merge {
    /// - Parameter shardFolders: the shards' output folders, in any order.
    /// - Returns: the merged summary, also written to `output` as `summary.json` and `summary.csv`.
    public static func run(shardFolders: [String], output: String, csvByteOrderMark: Bool = false) throws(ICPCheckError) -> BatchSummary {
        var parts: [(folder: String, summary: BatchSummary)] = []
        for folder in shardFolders {
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
                .filter { $0.hasSuffix(".json") && Shard.isSummaryName(String($0.dropLast(5))) }.sorted()
            guard !names.isEmpty else { throw failure(.shardSummaryMissing, "holds no shard summary (summary-I-of-N.json)", "没有分片汇总（summary-I-of-N.json）", folder) }
            for name in names {
                guard let contents = try? FileReader.read(namedPath: folder + "/" + name, maxBytes: OutputFolder.maxSummaryBytes),
                      let summary = try? JSONDecoder().decode(BatchSummary.self, from: Data(contents.bytes)), summary.shard != nil
                else { throw failure(.shardSummaryMissing, "\(name) cannot be read as a shard summary", "\(name) 不是可读的分片汇总", folder) }
                parts.append((folder, summary))
            }
        }
        let shards = parts.map { $0.summary.shard! }
        let counts = Set(shards.map(\.count))
        guard counts.count == 1, let count = counts.first else {
            throw failure(.shardsMismatched, "the shards come from different splits (N = \(counts.sorted().map(String.init).joined(separator: ", ")))",
                          "分片来自不同的拆分（N = \(counts.sorted().map(String.init).joined(separator: "、"))）", nil)
        }
        for (key, what, whatZh) in [(\BatchSummary.toolVersion, "tool versions", "工具版本"), (\BatchSummary.profile, "profiles", "规则配置")] {
            let values = Set(parts.map { $0.summary[keyPath: key] })
            guard values.count == 1 else {
                throw failure(.shardsMismatched, "the shards were made with different \(what): \(values.sorted().joined(separator: ", "))",
                              "分片使用了不同的\(whatZh)：\(values.sorted().joined(separator: "、"))", nil)
            }
        }
        let given = Dictionary(grouping: shards.map(\.index), by: { $0 })
        let twice = given.filter { $0.value.count > 1 }.keys.sorted()
        guard twice.isEmpty else {
            let list = twice.map { "\($0)/\(count)" }.joined(separator: ", ")
            throw failure(.shardsMismatched, "shards given more than once: \(list)", "重复给出的分片：\(list)", nil)
        }
        let missing = (0..<count).filter { given[$0] == nil }
        guard missing.isEmpty else {
            let list = missing.map { "\($0)/\(count)" }.joined(separator: ", ")
            throw failure(.shardsMissing, "shards missing: \(list)", "缺少分片：\(list)", nil)
        }
        var rows: [SummaryRow] = []
        for (folder, summary) in parts {
            rows += summary.applications.map { row in
                var row = row
                row.manifestPath = row.manifest.map { (folder.hasSuffix("/") ? folder : folder + "/") + $0 }
                return row
            }
        }
        var merged = BatchSummary(
            rows: rows, checkedAt: parts.map(\.summary.checkedAt).max() ?? "", profile: parts[0].summary.profile,
            excludedFolders: Array(Set(parts.flatMap(\.summary.excludedFolders))).sorted())
        do {
            try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
        } catch {
            throw ICPCheckError(code: .outputWriteFailed, message: "cannot create the output folder", messageZh: "无法创建输出文件夹",
                                path: output, underlying: error.localizedDescription)
        }
        // The index of the shards' review pages, where they wrote any (`batch --html`).
        let pages = Dictionary(uniqueKeysWithValues: parts.map { ($0.folder, $0.folder + "/" + HTMLReport.folderName + "/" + HTMLReport.pagesFolder) })
        if pages.values.contains(where: { FileManager.default.fileExists(atPath: $0) }) {
            let report = try HTMLReport(output: output)
            let folderOfRow = Dictionary(parts.flatMap { part in part.summary.applications.map { ($0.manifest ?? "", part.folder) } }) { first, _ in first }
            try report.writeIndex(merged) { row in
                guard let manifest = row.manifest, let folder = folderOfRow[manifest], let pagesFolder = pages[folder] else { return nil }
                let page = pagesFolder + "/" + HTMLReport.pageName(manifestFile: manifest)
                guard FileManager.default.fileExists(atPath: page) else { return nil }
                return HTMLReport.urlPath(HTMLReport.relativePath(from: report.folder, to: page))
            }
            merged.report = report.folder + "/" + HTMLReport.indexName
        }
        let json: Data
        do { json = try ManifestJSON.encode(merged) } catch {
            throw ICPCheckError(code: .outputWriteFailed, message: "\(error)", messageZh: "写入输出失败：\(error)", path: output)
        }
        try AtomicFile.write(Array(json), to: output + "/" + OutputFolder.summaryName)
        try AtomicFile.write(Array(merged.csv(byteOrderMark: csvByteOrderMark).utf8), to: output + "/summary.csv")
        return merged
    }

    private static func failure(_ code: FindingCode, _ message: String, _ messageZh: String, _ path: String?) -> ICPCheckError {
        ICPCheckError(code: code, message: "Cannot merge: \(message).", messageZh: "无法合并：\(messageZh)。", path: path)
    }
}

import Foundation
import Testing

@testable import ICPCheck

/// `batch --shard I/N` and `merge`, as an Indexed Job runs them: each part in its own process and
/// output folder, its index from `JOB_COMPLETION_INDEX`; the merged summary is the one a single
/// run writes, whatever the number of parts.
@Suite struct ShardTests {
    @Test func partsAreParsedAndEveryApplicationFallsInExactlyOne() throws {
        #expect(try Shard(parsing: "2/7", environment: [:]) == Shard(index: 2, count: 7))
        #expect(try Shard(parsing: "auto/3", environment: ["JOB_COMPLETION_INDEX": "1"]) == Shard(index: 1, count: 3))
        for bad in ["7/7", "-1/3", "1/0", "a/3", "1", "auto/3"] {
            #expect(throws: ShardError.self) { try Shard(parsing: bad, environment: [:]) }
        }
        let names = (0..<500).map { Array("APP-\($0)".utf8) }
        let shards = try (0..<7).map { try Shard(index: $0, count: 7) }
        for name in names { #expect(shards.filter { $0.contains(name) }.count == 1) }
        // Spread over all parts, none holding more than twice its share.
        let sizes = shards.map { shard in names.filter(shard.contains).count }
        #expect(sizes.allSatisfy { $0 > 0 && $0 < 2 * 500 / 7 })
        #expect(Shard.isSummaryName("summary-0-of-3") && !Shard.isSummaryName("summary-x-of-3") && !Shard.isSummaryName("summary"))
        #expect(ManifestFileNames.assign([Array("summary-0-of-3".utf8)]) != ["summary-0-of-3.json"])
    }

    @Test func mergedShardsEqualOneRun() throws {
        let (uploads, rules) = try BatchTests.uploads(count: 9, broken: 2)
        let base = uploads.root.path + "-runs"
        defer { try? FileManager.default.removeItem(atPath: base) }
        let common = ["--rules", rules.path, "--read", "off"]
        let single = try BatchTests.run(["batch", uploads.root.path, "--out", base + "/single"] + common)
        #expect(single.status == 1)
        let whole = try BatchTests.summary(in: base + "/single")
        let wholeManifests = try BatchTests.manifests(in: base + "/single")
        #expect(whole.applications.count == 9)

        for count in [1, 3, 7] {
            let folders = (0..<count).map { base + "/shard-\(count)-\($0)" }
            for (index, folder) in folders.enumerated() {
                let part = try BatchTests.run(
                    ["batch", uploads.root.path, "--out", folder, "--shard", "auto/\(count)"] + common,
                    environment: ["JOB_COMPLETION_INDEX": "\(index)"])
                #expect(part.status <= 1)
                #expect(FileManager.default.fileExists(atPath: folder + "/summary-\(index)-of-\(count).json"))
                #expect(!FileManager.default.fileExists(atPath: folder + "/summary.json"))
            }
            let merged = try BatchTests.run(["merge"] + folders.reversed() + ["--out", base + "/merged-\(count)", "--lang", "en"])
            #expect(merged.status == single.status, "\(merged.error)")
            let summary = try BatchTests.summary(in: base + "/merged-\(count)")
            #expect(summary.counts == whole.counts)
            #expect(summary.applications.map(Self.withoutPath) == whole.applications.map(Self.withoutPath))
            var shardManifests: [String: String] = [:]
            for folder in folders { shardManifests.merge(try BatchTests.manifests(in: folder)) { $1 } }
            #expect(shardManifests == wholeManifests)
            for row in summary.applications {
                #expect(FileManager.default.fileExists(atPath: try #require(row.manifestPath)))
            }
        }

        // A part missing, or given twice, is said and nothing is merged.
        let three = (0..<3).map { base + "/shard-3-\($0)" }
        let missing = try BatchTests.run(["merge", three[0], three[2], "--out", base + "/merged-missing"])
        #expect(missing.status == 2)
        #expect(missing.error.contains("shards missing: 1/3"))
        #expect(!FileManager.default.fileExists(atPath: base + "/merged-missing/summary.json"))
        let twice = try BatchTests.run(["merge"] + three + [three[1], "--out", base + "/merged-twice"])
        #expect(twice.status == 2)
        #expect(twice.error.contains("more than once: 1/3"))
        let mixed = try BatchTests.run(["merge", three[0], base + "/shard-7-1", "--out", base + "/merged-mixed"])
        #expect(mixed.status == 2)
        #expect(mixed.error.contains("different splits"))
    }

    private static func withoutPath(_ row: SummaryRow) -> SummaryRow {
        var row = row
        row.manifestPath = nil
        return row
    }
}

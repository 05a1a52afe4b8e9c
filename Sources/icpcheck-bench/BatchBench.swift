import Foundation
import Glibc

/// `icpcheck batch` over generated upload folders of growing size, each run in its own process:
/// files per second and the process's peak memory, side by side, to show that memory does not
/// grow with the number of applications.
enum BatchBench {
    /// Builds `count` applications under `root`, each a set of hard links to the files of `sample`
    /// (links cost no disk; to icpcheck they are ordinary files).
    static func makeUploads(count: Int, sample: String, root: String) -> Int {
        _ = Command("/bin/rm", ["-rf", root]).run()
        guard mkdir(root, 0o755) == 0 else { fail("cannot create \(root)") }
        let names = directoryNames(sample).filter { !$0.hasPrefix(".") }
        for index in 0..<count {
            let folder = root + "/" + applicationName(index)
            guard mkdir(folder, 0o755) == 0 else { fail("cannot create \(folder)") }
            for name in names where link(sample + "/" + name, folder + "/" + name) != 0 {
                fail("cannot link \(name) into \(folder)")
            }
        }
        return names.filter { $0 != "application.json" }.count * count
    }

    static func run(icpcheck: String, sample: String, work: String, counts: [Int]) {
        _ = Command("/bin/mkdir", ["-p", work]).run()
        line("")
        line("== batch: icpcheck batch --read off over N copies of \(sample.split(separator: "/").last ?? "") (own process each, all cores;"
            + " reading's cost is the reading table's) ==")
        line(pad("applications", 14) + pad("files", 8) + pad("seconds", 10) + pad("files/s", 10) + pad("peak RSS MiB", 14)
            + "verdict exit")
        var results: [(count: Int, filesPerSecond: Double, peak: Double)] = []
        for count in counts {
            let uploads = work + "/uploads-\(count)", out = work + "/out-\(count)"
            let files = makeUploads(count: count, sample: sample, root: uploads)
            _ = Command("/bin/rm", ["-rf", out]).run()
            // No cache: the copies are links to one application's files, which a cache would check once.
            let (status, seconds, peak) = Command(icpcheck, ["batch", uploads, "--out", out, "--read", "off", "--no-cache"]).runMeasured()
            guard status <= 1 else { fail("icpcheck batch exited with \(status) on \(count) applications") }
            results.append((count, Double(files) / seconds, peak))
            line(pad("\(count)", 14) + pad("\(files)", 8) + pad(f(seconds, 1), 10) + pad(f(Double(files) / seconds, 1), 10)
                + pad(f(peak, 1), 14) + "\(status)")
        }
        if let first = results.first, let last = results.last, results.count > 1 {
            line("peak RSS \(last.count) / \(first.count) applications: \(f(last.peak / first.peak, 2))×;"
                + " files/s \(last.count) / \(first.count): \(f(last.filesPerSecond / first.filesPerSecond, 2))×")
        }
        // The first batch again on all cores, then on one worker, back to back (the first run above
        // was the bench's coldest): how much the other cores add.
        if let first = results.first {
            let uploads = work + "/uploads-\(first.count)", out = work + "/out-\(first.count)-again"
            let files = Double(makeUploads(count: first.count, sample: sample, root: uploads))
            func seconds(_ extra: [String]) -> Double {
                _ = Command("/bin/rm", ["-rf", out]).run()
                let (status, seconds, _) = Command(icpcheck, ["batch", uploads, "--out", out, "--read", "off", "--no-cache"] + extra).runMeasured()
                guard status <= 1 else { fail("icpcheck batch \(extra.joined(separator: " ")) exited with \(status)") }
                return seconds
            }
            let (all, one) = (seconds([]), seconds(["--jobs", "1"]))
            let cores = sysconf(Int32(_SC_NPROCESSORS_ONLN))
            line("files/s on all \(cores) cores / on one (--jobs 1), \(first.count) applications, back to back: "
                + "\(f(files / all, 1)) / \(f(files / one, 1)) = \(f(one / all, 2))× (target at least 1.8 on two cores)")
        }
    }

    /// A first run and a re-run over the same `count` applications, whose files differ in their
    /// bytes from application to application as real uploads do (each JPEG carries a comment
    /// naming its application): the re-run takes every report from the cache.
    static func runCached(icpcheck: String, sample: String, work: String, counts: [Int]) {
        line("")
        line("== batch cache: icpcheck batch --read off --html, first run and unchanged re-run over N distinct applications (all cores) ==")
        line(pad("applications", 14) + pad("files", 8) + pad("first s", 10) + pad("re-run s", 10) + pad("ratio", 8)
            + pad("peak MiB first", 16) + pad("re-run", 8) + pad("cache MiB", 11) + pad("report MiB", 12) + "manifests")
        for count in counts {
            let uploads = work + "/distinct-\(count)", out = work + "/distinct-out-\(count)"
            let files = makeDistinctUploads(count: count, sample: sample, root: uploads)
            _ = Command("/bin/rm", ["-rf", out]).run()
            let arguments = ["batch", uploads, "--out", out, "--read", "off", "--html"]
            let first = Command(icpcheck, arguments).runMeasured()
            let firstManifests = manifests(in: out)
            let again = Command(icpcheck, arguments).runMeasured()
            guard first.status <= 1, again.status <= 1 else { fail("icpcheck batch exited with \(first.status), \(again.status)") }
            let same = manifests(in: out) == firstManifests ? "identical" : "DIFFER"
            var status = stat()
            let cacheMiB = stat(out + "/.icpcheck-cache.sqlite", &status) == 0 ? Double(status.st_size) / 1_048_576 : 0
            line(pad("\(count)", 14) + pad("\(files)", 8) + pad(f(first.seconds, 1), 10) + pad(f(again.seconds, 2), 10)
                + pad(f(first.seconds / again.seconds, 1) + "×", 8) + pad(f(first.peakMiB, 1), 16) + pad(f(again.peakMiB, 1), 8)
                + pad(f(cacheMiB, 1), 11) + pad(f(Double(folderBytes(out + "/report")) / 1_048_576, 1), 12) + same)
        }
    }

    /// The bytes of every file under `path`.
    private static func folderBytes(_ path: String) -> Int {
        let files = FileManager.default.enumerator(atPath: path)?.compactMap { $0 as? String } ?? []
        return files.reduce(0) { total, name in
            var status = stat()
            return total + (stat(path + "/" + name, &status) == 0 && (status.st_mode & S_IFMT) == S_IFREG ? Int(status.st_size) : 0)
        }
    }

    /// `count` applications made of `sample`'s files, each JPEG with a comment naming its application.
    private static func makeDistinctUploads(count: Int, sample: String, root: String) -> Int {
        _ = Command("/bin/rm", ["-rf", root]).run()
        guard mkdir(root, 0o755) == 0 else { fail("cannot create \(root)") }
        let names = directoryNames(sample).filter { !$0.hasPrefix(".") }
        let contents = names.map { name in (name, (try? Data(contentsOf: URL(fileURLWithPath: sample + "/" + name))).map(Array.init) ?? []) }
        for index in 0..<count {
            let folder = root + "/" + applicationName(index)
            guard mkdir(folder, 0o755) == 0 else { fail("cannot create \(folder)") }
            for (name, bytes) in contents {
                var written = bytes
                if bytes.starts(with: [0xFF, 0xD8]) {
                    let comment = Array(applicationName(index).utf8)
                    written = [0xFF, 0xD8, 0xFF, 0xFE, 0, UInt8(comment.count + 2)] + comment + bytes.dropFirst(2)
                }
                guard FileManager.default.createFile(atPath: folder + "/" + name, contents: Data(written)) else {
                    fail("cannot write \(folder)/\(name)")
                }
            }
        }
        return names.filter { $0 != "application.json" }.count * count
    }

    /// Every manifest of an output folder, without its `checked_at` line.
    private static func manifests(in out: String) -> [String: String] {
        Dictionary(uniqueKeysWithValues: directoryNames(out).filter { $0.hasPrefix("APP-") && $0.hasSuffix(".json") }.map { name in
            let text = (try? String(contentsOfFile: out + "/" + name, encoding: .utf8)) ?? ""
            return (name, text.split(separator: "\n").filter { !$0.contains("\"checked_at\"") }.joined(separator: "\n"))
        })
    }

    private static func directoryNames(_ path: String) -> [String] {
        guard let directory = opendir(path) else { fail("cannot list \(path)") }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted()
    }

    private static func applicationName(_ index: Int) -> String {
        let digits = String(index)
        return "APP-" + String(repeating: "0", count: max(0, 5 - digits.count)) + digits
    }
}

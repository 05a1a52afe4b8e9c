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
            let (status, seconds, peak) = Command(icpcheck, ["batch", uploads, "--out", out, "--read", "off"]).runMeasured()
            guard status <= 1 else { fail("icpcheck batch exited with \(status) on \(count) applications") }
            results.append((count, Double(files) / seconds, peak))
            line(pad("\(count)", 14) + pad("\(files)", 8) + pad(f(seconds, 1), 10) + pad(f(Double(files) / seconds, 1), 10)
                + pad(f(peak, 1), 14) + "\(status)")
        }
        if let first = results.first, let last = results.last, results.count > 1 {
            line("peak RSS \(last.count) / \(first.count) applications: \(f(last.peak / first.peak, 2))×;"
                + " files/s \(last.count) / \(first.count): \(f(last.filesPerSecond / first.filesPerSecond, 2))×")
        }
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

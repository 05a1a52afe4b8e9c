import Glibc

/// Checks many files concurrently, at most `jobs` in flight, and returns the reports in input order.
public enum FileBatch {
    public static func inspect(
        paths: [String], options: InspectOptions = InspectOptions(), jobs: Int = defaultJobs
    ) async -> [FileReport] {
        await withTaskGroup(of: (Int, FileReport).self) { group in
            var pending = paths.enumerated().makeIterator()
            var reports = [FileReport?](repeating: nil, count: paths.count)
            // A sliding window: each finished file lets the next one start, so memory stays flat.
            for _ in 0..<max(1, jobs) {
                guard let (index, path) = pending.next() else { break }
                group.addTask { (index, FileInspector.inspect(fileAt: path, options: options).report) }
            }
            while let (index, report) = await group.next() {
                reports[index] = report
                if let (next, path) = pending.next(), !Task.isCancelled {
                    group.addTask { (next, FileInspector.inspect(fileAt: path, options: options).report) }
                }
            }
            return reports.compactMap { $0 }
        }
    }

    /// One job per core.
    public static var defaultJobs: Int { max(1, sysconf(Int32(_SC_NPROCESSORS_ONLN))) }
}

/// Checks many applications with one pool of file jobs: at most `jobs` files in flight across all
/// applications, each application finished (and handed out) as soon as its last file is, so
/// memory holds only the applications in progress, however long the batch.
enum BatchRunner {
    /// - Parameter deliver: called once per application, in completion order, with its index in
    ///   `applications` and its manifest.
    static func run(
        applications: [ApplicationFolder], options: CheckOptions, deliver: (Int, Manifest) async -> Void
    ) async {
        await withTaskGroup(of: (Int, Int, FileReport).self) { group in
            var pendingApplications = applications.enumerated().makeIterator()
            var inProgress: [Int: (application: PreparedApplication, reports: [FileReport?], remaining: Int)] = [:]
            var queue: [(Int, Int)] = []  // (application index, file index) not yet started

            // Prepares applications until there is a file to start; those without files finish at once.
            func refillQueue() async {
                while queue.isEmpty, let (id, folder) = pendingApplications.next() {
                    let prepared = ApplicationChecker.prepare(folder, rules: options.rules)
                    if prepared.files.isEmpty {
                        await deliver(id, ApplicationChecker.manifest(prepared, files: [], options: options))
                        continue
                    }
                    inProgress[id] = (prepared, Array(repeating: nil, count: prepared.files.count), prepared.files.count)
                    queue = prepared.files.indices.map { (id, $0) }
                }
            }

            func startNext() async -> Bool {
                await refillQueue()
                guard !queue.isEmpty, !Task.isCancelled else { return false }
                let (id, index) = queue.removeFirst()
                let application = inProgress[id]!.application
                group.addTask { (id, index, ApplicationChecker.checkFile(index, of: application, options: options)) }
                return true
            }

            for _ in 0..<options.jobs where await !startNext() { break }
            while let (id, index, report) = await group.next() {
                inProgress[id]!.reports[index] = report
                inProgress[id]!.remaining -= 1
                if inProgress[id]!.remaining == 0, let done = inProgress.removeValue(forKey: id) {
                    await deliver(id, ApplicationChecker.manifest(done.application, files: done.reports.compactMap { $0 }, options: options))
                }
                _ = await startNext()
            }
        }
    }
}

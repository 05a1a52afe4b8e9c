package import Foundation
import Glibc

/// Checks many files concurrently, at most `jobs` in flight, and returns the reports in input order
/// (`icpcheck inspect`, eval and the bench; `defaultJobs` is also the public `CheckOptions` default).
@usableFromInline package enum FileBatch {
    /// - Parameters:
    ///   - rules: when given, the pixel heuristics run too (faces, backdrop, content kind), and pages
    ///     and cards are read unless `reading` is off.
    ///   - reading: whether pages are read, whether the lines read are kept, and the year of the check.
    package static func inspect(
        paths: [String], options: InspectOptions = InspectOptions(), rules: Rules? = nil, reading: FileReading = FileReading(),
        jobs: Int = defaultJobs
    ) async -> [FileReport] {
        await map(paths, jobs: jobs) { check($0, options: options, rules: rules, reading: reading) }
    }

    /// How single files are read.
    package struct FileReading: Sendable {
        package var mode: ReadMode = .auto
        package var keepLines = false
        package var role: MaterialRole?
        package var asOf = Date()

        package init(mode: ReadMode = .auto, keepLines: Bool = false, role: MaterialRole? = nil, asOf: Date = Date()) {
            self.mode = mode
            self.keepLines = keepLines
            self.role = role
            self.asOf = asOf
        }
    }

    /// `check` applied to every path, at most `jobs` at once, results in input order.
    static func map<Result: Sendable>(_ paths: [String], jobs: Int, _ check: @escaping @Sendable (String) -> Result) async -> [Result] {
        await withTaskGroup(of: (Int, Result).self) { group in
            var pending = paths.enumerated().makeIterator()
            var reports = [Result?](repeating: nil, count: paths.count)
            // A sliding window: each finished file lets the next one start, so memory stays flat.
            for _ in 0..<max(1, jobs) {
                guard let (index, path) = pending.next() else { break }
                group.addTask { (index, check(path)) }
            }
            while let (index, report) = await group.next() {
                reports[index] = report
                if let (next, path) = pending.next(), !Task.isCancelled {
                    group.addTask { (next, check(path)) }
                }
            }
            return reports.compactMap { $0 }
        }
    }

    private static func check(_ path: String, options: InspectOptions, rules: Rules?, reading: FileReading) -> FileReport {
        let analysis = FileInspector.inspect(fileAt: path, options: options)
        guard let rules else { return analysis.report }
        let content = analysis.image.map { ContentMeasures.measure($0, cascades: .installed, rules: rules) }
        let read = ReadingStage.read(
            analysis, content: content, role: reading.role, rules: rules, mode: reading.mode, keepLines: reading.keepLines,
            latestBirthYear: ReadingJudge.year(of: reading.asOf))
        let judge = FileJudge(rules: rules, now: reading.asOf)
        // A role given (`inspect --role`) is judged as an application's file is: with the role's rules.
        if let role = reading.role, role != .unknown {
            return judge.judge(analysis.report, editing: analysis.editing, content: content, reading: read,
                               given: RoleAssignment.Assigned(role: role, source: .declared), scanFindings: [])
        }
        return judge.judgePixels(analysis.report, role: reading.role, editing: analysis.editing, content: content, reading: read).0
    }

    /// One job per core.
    @usableFromInline package static var defaultJobs: Int { max(1, sysconf(Int32(_SC_NPROCESSORS_ONLN))) }
}

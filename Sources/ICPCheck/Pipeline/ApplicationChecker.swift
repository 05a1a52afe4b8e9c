public import Foundation

/// Everything a check needs besides the files: rules, decode options, concurrency and the clock.
public struct CheckOptions: Sendable {
    public var rules: Rules
    public var inspect: InspectOptions
    /// Files checked at once.
    public var jobs: Int
    /// The time written into manifests and used for photo age.
    public var now: Date
    /// The face detectors the photo measures use.
    public var cascades: FaceCascades
    /// Whether pages and cards are read.
    public var read: ReadMode
    /// The day validity and photo age are counted from, for reproducible runs; nil: `now`.
    public var asOf: Date?
    /// Reports of earlier runs, and the part of their keys this run shares; nil: every file is checked.
    var reportCache: (cache: ReportCache, run: ReportCacheKey.RunPart)?
    /// Where the review report's thumbnails go; nil: no report is written.
    var thumbnails: Thumbnails?

    public init(
        rules: Rules, inspect: InspectOptions = InspectOptions(), jobs: Int = FileBatch.defaultJobs, now: Date = Date(),
        cascades: FaceCascades = .installed, read: ReadMode = .auto, asOf: Date? = nil
    ) {
        self.rules = rules
        self.read = read
        self.asOf = asOf
        self.cascades = cascades
        self.inspect = inspect
        self.jobs = max(1, jobs)
        self.now = now
    }
}

extension CheckOptions {
    /// The moment validity and photo age are counted from, and its year in China.
    var day: (date: Date, year: Int) {
        let date = asOf ?? now
        return (date, ReadingJudge.year(of: date))
    }
}

/// An application after its folder was listed and its form read, before its files are checked.
struct PreparedApplication: Sendable {
    var folder: ApplicationFolder
    var form: ApplicationForm?
    var files: [ScannedFile]
    var roles: [RoleAssignment.Assigned]
    var facts: ApplicationFacts
    /// Findings about the folder, the form and the roles.
    var findings: [Finding]
}

/// The three steps of checking one application: prepare, check each file, assemble the manifest.
public enum ApplicationChecker {
    /// Checks one application folder, its files concurrently.
    public static func check(_ folder: ApplicationFolder, options: CheckOptions) async -> Manifest {
        var manifest: Manifest?
        await BatchRunner.run(applications: [folder], options: options) { manifest = $1 }
        return manifest!
    }

    /// Checks one application folder and writes its review page to `page` (atomically): one HTML
    /// file with its thumbnails inline, to open offline or send.
    public static func check(_ folder: ApplicationFolder, options: CheckOptions, writingPageTo page: String) async throws(ICPCheckError) -> Manifest {
        var options = options
        let thumbnails = Thumbnails(.memory)
        options.thumbnails = thumbnails
        let manifest = await check(folder, options: options)
        try AtomicFile.write(Array(HTMLReport.standalonePage(manifest, thumbnails: thumbnails).utf8), to: page)
        return manifest
    }

    static func prepare(_ folder: ApplicationFolder, rules: Rules) -> PreparedApplication {
        let contents = ApplicationScanner.scan(folder)
        var findings = contents.findings
        if contents.formBytes == nil, let inner = applicationFolders(in: contents.files) {
            findings.append(.looksLikeUploads(folder: folder.path, applications: inner))
        }
        var form: ApplicationForm?
        if let bytes = contents.formBytes {
            do { form = try JSONDecoder().decode(ApplicationForm.self, from: Data(bytes)) } catch {
                findings.append(.formInvalid(String(describing: error), place: FormErrorPlace.describe(error, in: bytes)))
            }
        }
        let facts = ApplicationFacts(form: form, formUnreadable: (contents.formBytes != nil && form == nil) || contents.formUnreadable, rules: rules)
        let (roles, roleFindings) = RoleAssignment.assign(
            paths: contents.files.map(\.relativePath), declared: form?.materials ?? [:], naming: RoleNaming(rules: rules))
        return PreparedApplication(
            folder: folder, form: form, files: contents.files, roles: roles, facts: facts, findings: findings + facts.findings + roleFindings)
    }

    /// The sub-folders holding all the files, when there are two or more and no file lies beside
    /// them: a folder of applications given where one application was meant (`check` on the uploads
    /// folder), which would otherwise be checked as one application without a word.
    static func applicationFolders(in files: [ScannedFile]) -> [String]? {
        let tops = files.map { $0.relativePath.split(separator: "/", maxSplits: 1) }
        guard !tops.isEmpty, tops.allSatisfy({ $0.count == 2 }) else { return nil }
        let folders = Set(tops.map { String($0[0]) }).sorted()
        return folders.count >= 2 ? folders : nil
    }

    /// One file's report: from the cache where its bytes and everything else it depends on are
    /// unchanged (read once, to hash them, and not decoded); else checked, and then cached.
    static func checkFile(_ index: Int, of application: PreparedApplication, options: CheckOptions) -> FileReport {
        let file = application.files[index]
        let contents: FileReader.Contents
        do { contents = try FileReader.read(path: file.rawPath, maxBytes: options.inspect.limits.maxFileBytes) } catch {
            return judge(FileInspector.unread(error, reportedAs: file.relativePath), index, of: application, options: options)
        }
        guard let (cache, run) = options.reportCache, !contents.changedWhileReading else {
            return judge(FileInspector.inspect(contents, reportedAs: file.relativePath, options: options.inspect), index, of: application, options: options)
        }
        let digest = contents.bytes.withUnsafeBytes { SHA256.hexDigest(of: $0) }
        let key = ReportCacheKey.key(
            contentDigest: digest, path: file.relativePath, given: application.roles[index], scanFindings: file.findings,
            isEntity: application.facts.isEntity, run: run)
        if let cached = cache.report(for: key) {
            // Decoded only when the report has no thumbnail of these bytes yet.
            if cached.overlays != nil { options.thumbnails?.add(bytes: contents.bytes, digest: digest, limits: options.inspect.limits) }
            return cached
        }
        let analysis = FileInspector.inspect(contents, reportedAs: file.relativePath, options: options.inspect, digest: digest)
        let report = judge(analysis, index, of: application, options: options)
        cache.store(report, for: key)
        return report
    }

    /// Measures, reads and judges one file of an application.
    private static func judge(_ analysis: FileAnalysis, _ index: Int, of application: PreparedApplication, options: CheckOptions) -> FileReport {
        let file = application.files[index]
        if let thumbnails = options.thumbnails, let image = analysis.image, let digest = analysis.report.sha256 {
            thumbnails.add(image, digest: digest)
        }
        let content = analysis.image.map { ContentMeasures.measure($0, cascades: options.cascades, rules: options.rules) }
        let given = application.roles[index]
        let reading = ReadingStage.read(
            analysis, content: content, role: given.role, rules: options.rules, mode: options.read,
            latestBirthYear: options.day.year)
        return FileJudge(rules: options.rules, now: options.day.date, isEntity: application.facts.isEntity)
            .judge(analysis.report, editing: analysis.editing, content: content, reading: reading, given: given,
                   scanFindings: file.findings)
    }

    static func manifest(_ application: PreparedApplication, files: [FileReport], options: CheckOptions) -> Manifest {
        let files = ReadingCrossCheck(form: application.form, isIndividual: application.facts.isIndividual, rules: options.rules.reading)
            .check(files)
        let requirements = RequirementEvaluator(facts: application.facts).requirements(for: files)
        // The same bytes under two names: one of them is likely the wrong upload.
        let twins = Dictionary(grouping: files.filter { $0.sha256 != nil }, by: \.sha256).values.filter { $0.count > 1 }
        let findings = application.findings + twins.map { Finding.sameFileTwice($0.map(\.path)) }.sorted { $0.message < $1.message }
        let verdict = RequirementEvaluator.verdict(requirements: requirements, files: files, findings: findings)
        return Manifest(
            application: application.folder.name, checkedAt: Self.timestamp(options.now),
            toolVersion: ICPCheckVersion.current, profile: options.rules.profile, verdict: verdict,
            subjectType: application.facts.isIndividual ? "individual" : "entity", region: application.facts.province?.name,
            requirements: requirements, files: files, findings: findings)
    }

    static func timestamp(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(timeZone: TimeZone(identifier: "UTC")!))
    }
}

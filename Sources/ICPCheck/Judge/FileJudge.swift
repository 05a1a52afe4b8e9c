import Foundation

/// The one stage that decides about a file. From its facts (format, header, EXIF, measures), the
/// role its declaration or name gave it and the application's facts, it decides once: the final
/// role and its source, what the pixels show (`content_kind`), and every finding of the file.
/// Nothing else writes a `FileReport` after inspection.
struct FileJudge {
    let rules: Rules
    /// When the check runs; photo age is measured from here.
    var now = Date()
    /// Whether the applicant is an entity; nil when the file is judged on its own.
    var isEntity: Bool?

    /// A file of an application: the role it was given and the folder scan's findings, what its
    /// pixels show (when it was decoded), and the rules' per-file checks for its final role.
    func judge(
        _ facts: FileReport, editing: EditingMeasurement, content: ContentMeasurement?, reading: Reading? = nil,
        given: RoleAssignment.Assigned, scanFindings: [Finding]
    ) -> FileReport {
        var report = facts
        report.role = given.role
        report.roleSource = given.source
        report.findings = scanFindings + given.findings + facts.findings
        // The title read, then the pixels, may give an unnamed file its role, so they are judged
        // before the role's rules.
        judgeTitle(reading, into: &report)
        if let content { judgePixels(content, editing: editing, reading: reading, into: &report) }
        judgeReading(reading, into: &report)
        report.findings += FileRuleJudge(rules: rules, now: now).findings(for: report, role: report.role ?? .unknown, editing: editing)
        report.findings = report.findings.map(sayingRefusal)
        return report
    }

    /// What the pixels alone say, for the role the file is given (nil: none, as `inspect` shows a
    /// file; `.unknown`: the pixels may give one), without the rules' per-file checks.
    /// - Returns: the report, and the document findings the pixels support whatever the role.
    func judgePixels(
        _ facts: FileReport, role: MaterialRole?, editing: EditingMeasurement = EditingMeasurement(), content: ContentMeasurement?,
        reading: Reading? = nil
    ) -> (FileReport, observed: [Finding]) {
        var report = facts
        report.role = role
        judgeTitle(reading, into: &report)
        let observed = content.map { judgePixels($0, editing: editing, reading: reading, into: &report) } ?? []
        judgeReading(reading, into: &report)
        report.findings = report.findings.map(sayingRefusal)
        return (report, observed.map(sayingRefusal))
    }

    /// Copies, black-and-white scans and photos of screens, where the provider refuses them
    /// outright (`provider.refuses_copies`): the finding says so.
    private func sayingRefusal(_ finding: Finding) -> Finding {
        let provider = rules.provider
        guard provider.refusesCopies, Self.copyCodes.contains(finding.code) else { return finding }
        var said = finding
        said.message += " \(provider.name ?? "The provider") refuses photocopies, black-and-white scans and photos of screens."
        said.messageZh += "\(provider.named.zh)不接受复印件、黑白扫描件和翻拍屏幕的照片。"
        return said
    }

    private static let copyCodes: Set<FindingCode> = [.docGreyscale, .notColor, .screenCapture]

    /// A printed title gives a file with no role its role: stronger evidence than any pixel statistic.
    private func judgeTitle(_ reading: Reading?, into report: inout FileReport) {
        report.reading = reading
        guard report.role == .unknown, let role = reading?.title?.role else { return }
        report.role = role
        report.roleSource = .content
        report.findings.removeAll { $0.code == FindingCode.roleUnknown }
    }

    private func judgeReading(_ reading: Reading?, into report: inout FileReport) {
        guard let reading else { return }
        let role = report.role ?? .unknown
        report.findings += ReadingJudge(rules: rules.reading, asOf: now).findings(for: reading, role: role, isIndividual: isEntity.map { !$0 })
    }

    @discardableResult
    private func judgePixels(
        _ content: ContentMeasurement, editing: EditingMeasurement, reading: Reading?, into report: inout FileReport
    ) -> [Finding] {
        // A reading that could not run (no models) read no lines: it counts none, rather than zero.
        let (title, printLines) = (reading?.title, reading.flatMap { $0.error == nil ? $0.printLines : nil })
        let (people, page) = (content.people, content.page)
        let photo = PortraitJudge(rules: rules)
        // A page of text filling most of the picture is a document, even with a face-like pattern on
        // it, unless the face shows eyes (a person before a white backdrop); an ID card's photo is not
        // a portrait either, nor a person holding a card up.
        let pageLike = rules.document.isPage(page) && page.paperFraction >= rules.document.pagePortraitFraction
        let hasEyes = (people.mainFace?.eyes ?? 0) >= rules.portrait.minEyesOverPage
        let portrait = photo.isPortrait(people) && !page.idSides.front && !page.idSides.back && !page.heldCard && (!pageLike || hasEyes)
        photo.apply(people, portrait: portrait, editing: editing, to: &report)
        let observed = DocumentJudge(rules: rules.document, isEntity: isEntity).apply(page, title: title, printLines: printLines, to: &report)
        // Drawn as what the picture was taken for: a page's outline only on a page or card.
        report.overlays = Overlays(content, contentKind: report.contentKind)
        return observed
    }
}

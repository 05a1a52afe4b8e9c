/// What the pixels show, whatever the file is named: the photo heuristics, then the document ones
/// (which use the faces the first found to tell an ID card's front).
struct ContentChecks {
    let rules: Rules
    /// Whether the applicant is an entity; nil when the file is checked on its own.
    var isEntity: Bool?

    /// - Returns: the findings the document measures support whatever the role (for `icpcheck eval`).
    @discardableResult
    func apply(to report: inout FileReport, image: DecodedImage) -> [Finding] {
        let faces = PhotoChecks(rules: rules).apply(to: &report, image: image)
        return DocumentChecks(rules: rules.document, isEntity: isEntity).apply(to: &report, image: image, faces: faces).1
    }
}

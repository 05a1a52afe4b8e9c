/// What the pixels show, whatever the file is named: the photo heuristics, then the document ones
/// (which use the faces the first found to tell an ID card's front).
struct ContentChecks {
    let rules: Rules
    /// Whether the applicant is an entity; nil when the file is checked on its own.
    var isEntity: Bool?

    /// - Returns: the findings the document measures support whatever the role (for `icpcheck eval`).
    @discardableResult
    func apply(to report: inout FileReport, image: DecodedImage) -> [Finding] {
        let photo = PhotoChecks(rules: rules)
        var people = photo.measure(image)
        let page = DocumentAnalysis.measure(image, faces: people.faceRects, rules: rules.document)
        // A photograph with no frontal face may show someone turned aside; a page or card is not searched.
        if !page.isDocument && !page.idSides.front && !page.idSides.back { photo.lookForProfiles(&people) }
        // A page of text filling most of the picture is a document, even with a face-like pattern on
        // it; an ID card's photo is not a portrait either, nor a person holding a card up.
        let portrait = people.isPortrait(rules: rules.portrait) && !page.idSides.front && !page.idSides.back && !page.heldCard
            && !(page.isDocument && (page.measures["paper_fraction"] ?? 0) >= rules.document.pagePortraitFraction)
        photo.apply(people, portrait: portrait, to: &report)
        return DocumentChecks(rules: rules.document, isEntity: isEntity).apply(page, to: &report)
    }
}

extension Overlays {
    /// Cells across the backdrop's grid: enough to follow a head and shoulders, small in the manifest.
    static let backdropColumns = 32

    /// What the measures located, for a picture whose content is `contentKind`: faces wherever they
    /// were found; the backdrop on a photograph; the page or card, its seals and glare on a document or
    /// a card (on a photograph, a white wall is no page; on a card, the photo's surround no backdrop).
    init(_ content: ContentMeasurement, contentKind: String?) {
        self.init()
        let people = content.people
        faces = people.faceRects.map(Box.init)
        chosenFace = people.mainFace == nil || faces.isEmpty ? nil : 0
        guard contentKind == "document" || contentKind == "id_card" else {
            backdrop = people.backdrop.flatMap { CellMask(mask: $0.mask, width: $0.maskWidth, maxColumns: Self.backdropColumns) }
            return
        }
        let page = content.page
        self.page = page.pageBox.map(Box.init)
        seals = page.sealBoxes.map(Box.init)
        glare = page.glarePatch.map { [Box($0)] } ?? []
    }
}

extension Overlays.Box {
    init(_ rect: UnitRect) { self.init(x: rect.x, y: rect.y, width: rect.width, height: rect.height) }
}

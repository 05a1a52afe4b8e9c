/// A card held up by the person in the picture (a hand-held ID photo): a light, nearly colourless,
/// card-shaped patch with print on it, away from the largest face and of a card's size beside it.
enum HeldCard {
    /// The card's box in fractions of the picture, if the picture shows one held by a person.
    /// - Parameter relativeLuma: how light the ground must be against the picture's brightest (as for paper).
    static func find(_ picture: DocumentPicture, paper: PaperRegion, faces: [UnitRect], relativeLuma: Double, rules: IDCardRules) -> UnitRect? {
        guard let person = faces.max(by: { $0.height < $1.height }) else { return nil }
        let (w, h) = (Double(picture.width), Double(picture.height))
        let size = paper.cellSize
        // Card stock is greyer than skin, which the page test lets in: a stricter colour test here. (Its
        // cells, as the page's, count when half their pixels do: a fixed property of the measure.)
        let bright = Int(Double(picture.brightLuma) * relativeLuma)
        let stock = picture.colourlessMask(minBackground: bright, maxSaturation: rules.heldCardMaxSaturation)
        let cells = CellGrid(mask: stock, width: picture.width, height: picture.height, cellSize: size, share: 0.5)
            .dilated().eroded().holesFilled().eroded().dilated()
        // A face enclosed by light ground is printed on a card or page, not a person's.
        let faceCell = (min(cells.columns - 1, Int(person.centreX * w) / size), min(cells.rows - 1, Int(person.centreY * h) / size))
        guard !cells[faceCell.0, faceCell.1] else { return nil }
        for region in cells.regions() where region.cellCount >= rules.heldCardMinCells && region.boxFill >= rules.heldCardMinFill {
            let (x, y) = (region.minColumn * size, region.minRow * size)
            let (width, height) = (min(picture.width - x, region.widthInCells * size), min(picture.height - y, region.heightInCells * size))
            // Held level or upright, a card keeps its 1.59 aspect (turned a little, a bit less).
            let aspect = Double(max(width, height)) / Double(max(1, min(width, height)))
            guard aspect >= rules.minAspect && aspect <= rules.maxAspect else { continue }
            let box = UnitRect(x: Double(x) / w, y: Double(y) / h, width: Double(width) / w, height: Double(height) / h)
            guard !box.contains(person.centreX, person.centreY) else { continue }
            let toFace = Double(min(width, height)) / (person.height * h)
            guard toFace >= rules.heldCardToFace[0] && toFace <= rules.heldCardToFace[1] else { continue }
            let glyphs = InkGlyphs(picture, box: (x, y, width, height)) { _, _ in true }.glyphs
            if isCardPrint(glyphs, person: person, pictureHeight: h, rules: rules) { return box }
        }
        // On a light wall the card joins the wall: then its print, a block of characters on the light
        // ground, away from the face, is the card.
        return printBlock(picture, cells: cells, cellSize: size, person: person, rules: rules)
    }

    /// Enough characters, and small beside the face: a card's print is a few hundredths of its
    /// holder's face high, while the text beside an ID card's own photo is a sixth of that face.
    private static func isCardPrint(_ glyphs: [InkGlyphs.Glyph], person: UnitRect, pictureHeight: Double, rules: IDCardRules) -> Bool {
        guard glyphs.count >= rules.heldCardMinGlyphs else { return false }
        let median = glyphs.map(\.height).sorted()[glyphs.count / 2]
        return Double(median) <= rules.heldCardMaxGlyphToFace * person.height * pictureHeight
    }

    private static func printBlock(_ picture: DocumentPicture, cells: CellGrid, cellSize: Int, person: UnitRect,
                                   rules: IDCardRules) -> UnitRect? {
        let (w, h) = (Double(picture.width), Double(picture.height))
        // Only characters on light, colourless ground (hair and patterned cloth make glyph-like specks too).
        let glyphs = InkGlyphs(picture, box: (0, 0, picture.width, picture.height)) {
            cells[min(cells.columns - 1, $0 / cellSize), min(cells.rows - 1, $1 / cellSize)]
        }.glyphs
        // Characters a line apart or less fall in touching cells (1/40 of the long side, at least 8
        // pixels: a fixed property of the measure, about a line of a card's print at arm's length).
        let step = max(8, max(picture.width, picture.height) / 40)
        var grid = CellGrid(columns: max(1, picture.width / step), rows: max(1, picture.height / step))
        for glyph in glyphs { grid[min(grid.columns - 1, Int(glyph.x) / step), min(grid.rows - 1, Int(glyph.y) / step)] = true }
        for region in grid.regions() {
            let (x0, y0) = (Double(region.minColumn * step), Double(region.minRow * step))
            let (x1, y1) = (Double((region.maxColumn + 1) * step), Double((region.maxRow + 1) * step))
            let inside = glyphs.filter { $0.x >= x0 && $0.x < x1 && $0.y >= y0 && $0.y < y1 }
            guard isCardPrint(inside, person: person, pictureHeight: h, rules: rules) else { continue }
            let box = UnitRect(x: x0 / w, y: y0 / h, width: (x1 - x0) / w, height: (y1 - y0) / h)
            guard !box.contains(person.centreX, person.centreY) else { continue }
            let toFace = min(x1 - x0, y1 - y0) / (person.height * h)
            guard toFace >= rules.heldCardToFace[0] && toFace <= rules.heldCardToFace[1] else { continue }
            return box
        }
        return nil
    }
}

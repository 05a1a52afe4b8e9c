/// Glare: a patch of clipped white on the page that is clearly brighter than the paper around it
/// (on a scan whose paper is itself white there is no telling, and none is reported).
enum Glare {
    /// The largest glare patch's share of the page (a cell is glare when 60% of its pixels are: a fixed
    /// property of the measure, so that a patch is solid white rather than the light between characters).
    /// - Returns: that share, and the patch's bounding box in fractions of the picture (nil: no patch).
    static func measure(_ picture: DocumentPicture, paper: PaperRegion, rules: DocumentRules) -> (fraction: Double, patch: UnitRect?) {
        guard paper.region != nil, paper.paperLevel + rules.glareMargin <= 255 else { return (0, nil) }
        let threshold = max(rules.glareMinLuma, paper.paperLevel + rules.glareMargin)
        let clipped = zip(picture.luma, paper.onPage).map { Int($0) >= threshold && $1 }
        let cells = CellGrid(mask: clipped, width: picture.width, height: picture.height, cellSize: paper.cellSize, share: 0.6)
        guard let largest = cells.regions().first, let page = paper.region else { return (0, nil) }
        let size = paper.cellSize
        let (x, y) = (largest.minColumn * size, largest.minRow * size)
        let patch = UnitRect(
            pixels: (x, y, min(picture.width - x, largest.widthInCells * size), min(picture.height - y, largest.heightInCells * size)),
            width: picture.width, height: picture.height)
        return (Double(largest.cellCount) / Double(max(1, page.cellCount)), patch)
    }
}

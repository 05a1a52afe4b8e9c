/// The page: the largest bright, colourless region, with the text and stamps inside it counted in.
struct PaperRegion {
    /// The region's cells, holes filled.
    let grid: CellGrid
    /// The same per pixel of the analysis picture (every measure asks it, pixel by pixel).
    let onPage: [Bool]
    private let width: Int
    /// Every paper-like cell, in whichever region (cards side by side each have their own).
    let anyPaper: CellGrid
    /// The same with holes left open: a photo printed on the page is not paper here.
    let bareCells: CellGrid
    let cellSize: Int
    let region: CellRegion?
    /// Luma the paper itself has (median of its bright pixels).
    let paperLevel: Int
    /// The paper's mean colour: a warm or cool cast of the light shows in it.
    let paperColour: (r: Double, g: Double, b: Double)

    /// Per channel, the gain that makes the paper grey: applied to a pixel, a warm or cool light
    /// neither makes nor hides a colour (red seal, blue ink). Held within 0.7…1.4 (a fixed property
    /// of the method: the strongest cast of indoor light; a coloured page must not be balanced to grey).
    var whiteBalance: (r: Double, g: Double, b: Double) {
        let grey = (paperColour.r + paperColour.g + paperColour.b) / 3
        let gain = { (channel: Double) in max(0.7, min(1.4, grey / max(1, channel))) }
        return (gain(paperColour.r), gain(paperColour.g), gain(paperColour.b))
    }

    /// Fixed properties of the measure: cells of 1/120 of the long side (at least 4 pixels: fine enough
    /// for a card on a desk, coarse enough that a line of text does not split the page), a cell is paper
    /// when half its pixels are, and the paper's level is sampled on every 2nd pixel of every 2nd row.
    init(_ picture: DocumentPicture, rules: DocumentRules) {
        cellSize = max(4, max(picture.width, picture.height) / 120)
        // Paper is bright relative to the picture (phone photos light it unevenly) and nearly colourless.
        let minLuma = max(rules.paperMinLuma, Int(Double(picture.brightLuma) * rules.paperRelativeLuma))
        // The background mean lets the ink of text lines count as paper; a cell needs half its pixels.
        let cells = CellGrid(mask: picture.colourlessMask(minBackground: minLuma, maxSaturation: rules.paperMaxSaturation),
                             width: picture.width, height: picture.height, cellSize: cellSize, share: 0.5)
        let closed = cells.dilated().eroded()
        bareCells = closed
        anyPaper = closed.holesFilled()
        if let largest = closed.regions().first {
            let filled = closed.filled(largest)
            grid = filled
            region = filled.regions().first
        } else {
            grid = closed
            region = nil
        }
        width = picture.width
        onPage = region == nil ? [Bool](repeating: false, count: picture.width * picture.height)
            : Self.pixelMask(grid, cellSize: cellSize, width: picture.width, height: picture.height)
        // The paper's own pixels: every 2nd of each 2nd row, on the page and not ink. (Without a page
        // region the grid has no cell set, as `onPage` has no pixel.)
        let (onPage, w) = (onPage, picture.width)
        func forEachSample(_ body: (_ index: Int) -> Void) {
            for y in stride(from: 0, to: picture.height, by: 2) {
                for x in stride(from: 0, to: w, by: 2) where onPage[y * w + x] && !picture.ink[y * w + x] { body(y * w + x) }
            }
        }
        var histogram = [Int](repeating: 0, count: 256)
        forEachSample { histogram[Int(picture.luma[$0])] += 1 }
        let level = DocumentPicture.quantile(histogram: histogram, 0.5)
        paperLevel = level
        // The brighter half is the sheet itself, not a light desk that joined the region.
        var sums = (0, 0, 0), count = 0
        forEachSample { index in
            guard Int(picture.luma[index]) >= level else { return }
            let pixel = 3 * index
            let (r, g, b) = (Int(picture.image.pixels[pixel]), Int(picture.image.pixels[pixel + 1]), Int(picture.image.pixels[pixel + 2]))
            sums = (sums.0 + r, sums.1 + g, sums.2 + b)
            count += 1
        }
        let n = Double(max(1, count))
        paperColour = count == 0 ? (255, 255, 255) : (Double(sums.0) / n, Double(sums.1) / n, Double(sums.2) / n)
    }

    private static func pixelMask(_ grid: CellGrid, cellSize: Int, width: Int, height: Int) -> [Bool] {
        var mask = [Bool](repeating: false, count: width * height)
        let columnCells = (0..<width).map { min(grid.columns - 1, $0 / cellSize) }
        for y in 0..<height {
            let row = min(grid.rows - 1, y / cellSize) * grid.columns
            for x in 0..<width where grid.cells[row + columnCells[x]] { mask[y * width + x] = true }
        }
        return mask
    }

    /// Whether pixel (x, y) of the analysis picture lies on the page.
    func contains(_ x: Int, _ y: Int) -> Bool { onPage[y * width + x] }

    /// Whether pixel (x, y) lies in any paper-like cell.
    func isPaperLike(_ x: Int, _ y: Int) -> Bool { Self.isSet(anyPaper, x, y, cellSize: cellSize) }

    /// Share of the pixels in `xs` × `ys`, sampled every `step`, that lie in paper-like cells: with a
    /// page's holes filled (cards and pages), or left open (`bare`: a photo printed on the page is
    /// not paper there).
    func paperLikeShare(xs: Range<Int>, ys: Range<Int>, step: Int, bare: Bool = false) -> Double {
        let cells = bare ? bareCells : anyPaper
        var (inside, total) = (0, 0)
        for y in stride(from: ys.lowerBound, to: ys.upperBound, by: step) {
            for x in stride(from: xs.lowerBound, to: xs.upperBound, by: step) {
                total += 1
                if Self.isSet(cells, x, y, cellSize: cellSize) { inside += 1 }
            }
        }
        return Double(inside) / Double(max(1, total))
    }

    private static func isSet(_ cells: CellGrid, _ x: Int, _ y: Int, cellSize: Int) -> Bool {
        cells[min(cells.columns - 1, x / cellSize), min(cells.rows - 1, y / cellSize)]
    }

    /// The page's share of the picture.
    var fraction: Double { Double(region?.cellCount ?? 0) / Double(grid.columns * grid.rows) }

    /// The page's bounding box in analysis pixels.
    var box: (x: Int, y: Int, width: Int, height: Int)? {
        guard let region else { return nil }
        // The last cells of a row or column may be cut short by the picture's edge.
        let x = region.minColumn * cellSize, y = region.minRow * cellSize
        return (x, y, min(width - x, region.widthInCells * cellSize), min(onPage.count / width - y, region.heightInCells * cellSize))
    }

    /// For each picture edge (top, bottom, left, right), the share of it the page runs along.
    var edgeContact: [Double] {
        guard region != nil else { return [0, 0, 0, 0] }
        let (columns, rows) = (grid.columns, grid.rows)
        let share = { (cells: [Bool]) in Double(cells.filter { $0 }.count) / Double(max(1, cells.count)) }
        return [
            share((0..<columns).map { grid[$0, 0] }), share((0..<columns).map { grid[$0, rows - 1] }),
            share((0..<rows).map { grid[0, $0] }), share((0..<rows).map { grid[columns - 1, $0] }),
        ]
    }
}

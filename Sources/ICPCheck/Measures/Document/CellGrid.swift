/// A coarse grid of yes/no cells over a picture, and its connected regions: the document measures
/// reason about paper, seals and glare in cells, which bridges the gaps text leaves in a page.
struct CellGrid {
    let columns: Int
    let rows: Int
    var cells: [Bool]

    init(columns: Int, rows: Int, cells: [Bool]? = nil) {
        self.columns = columns
        self.rows = rows
        self.cells = cells ?? [Bool](repeating: false, count: columns * rows)
    }

    /// Cells of `cellSize` pixels set where at least `share` of their pixels are set in `mask` (the
    /// picture's pixels, row by row), counted in one pass. A picture smaller than one cell is one cell
    /// of its own size.
    init(mask: [Bool], width: Int, height: Int, cellSize: Int, share: Double) {
        let columns = max(1, width / cellSize), rows = max(1, height / cellSize)
        var counts = [Int32](repeating: 0, count: columns * rows)
        let cellWidth = min(width, cellSize)
        mask.withUnsafeBufferPointer { mask in
            counts.withUnsafeMutableBufferPointer { counts in
                // A Bool is stored as the byte 0 or 1: a cell's count is a sum of bytes.
                mask.withMemoryRebound(to: UInt8.self) { bytes in
                    for y in 0..<min(height, rows * cellSize) {
                        let (line, rowStart) = (bytes.baseAddress! + y * width, (y / cellSize) * columns)
                        for column in 0..<columns {
                            var count: Int32 = 0
                            for x in column * cellSize..<column * cellSize + cellWidth { count &+= Int32(line[x]) }
                            counts[rowStart + column] &+= count
                        }
                    }
                }
            }
        }
        let area = Double(min(width, cellSize) * min(height, cellSize))
        self.init(columns: columns, rows: rows, cells: counts.map { $0 > 0 && Double($0) >= area * share })
    }

    subscript(column: Int, row: Int) -> Bool {
        get { cells[row * columns + column] }
        set { cells[row * columns + column] = newValue }
    }

    var count: Int { cells.reduce(0) { $0 + ($1 ? 1 : 0) } }

    /// Set cells grown by one cell in every direction (bridges one-cell gaps).
    func dilated() -> CellGrid { squareFiltered { $0 | $1 } }

    /// Set cells shrunk by one cell (undoes `dilated` away from gaps).
    func eroded() -> CellGrid { squareFiltered { $0 & $1 } }

    /// Each cell set where any (dilation: `|`) or every (erosion: `&`) cell of the 3×3 square around it,
    /// within the grid, is set: the square is a row of three by a column of three, so it is done as two
    /// passes, on the cells' bytes (a Bool is stored as 0 or 1). A missing neighbour at the grid's edge
    /// is stood in for by the cell itself, which changes neither.
    @inline(__always)
    private func squareFiltered(_ combine: (UInt8, UInt8) -> UInt8) -> CellGrid {
        let (columns, rows) = (columns, rows)
        var across = [UInt8](repeating: 0, count: cells.count), out = across
        cells.withUnsafeBufferPointer { cells in
            cells.withMemoryRebound(to: UInt8.self) { cells in
                for row in 0..<rows {
                    let start = row * columns
                    for column in 0..<columns {
                        let (left, right) = (start + max(0, column - 1), start + min(columns - 1, column + 1))
                        across[start + column] = combine(combine(cells[left], cells[start + column]), cells[right])
                    }
                }
            }
        }
        for row in 0..<rows {
            let (above, below) = (max(0, row - 1) * columns, min(rows - 1, row + 1) * columns)
            for column in 0..<columns {
                let here = row * columns + column
                out[here] = combine(combine(across[above + column], across[here]), across[below + column])
            }
        }
        return CellGrid(columns: columns, rows: rows, cells: out.map { $0 != 0 })
    }

    /// The 8-connected regions of set cells, largest first.
    func regions() -> [CellRegion] {
        var label = [Int](repeating: -1, count: cells.count)
        var found: [CellRegion] = []
        var stack: [Int] = []
        for start in 0..<cells.count where cells[start] && label[start] < 0 {
            var region = CellRegion(index: found.count, minColumn: columns, minRow: rows, maxColumn: 0, maxRow: 0)
            label[start] = region.index
            stack.append(start)
            while let index = stack.popLast() {
                let (column, row) = (index % columns, index / columns)
                region.add(column: column, row: row)
                region.members.append(index)
                forEachNeighbour(column, row) { next in
                    if cells[next] && label[next] < 0 {
                        label[next] = region.index
                        stack.append(next)
                    }
                }
            }
            found.append(region)
        }
        return found.sorted { $0.cellCount > $1.cellCount }
    }

    /// The grid holding only `region`, with the holes inside it (text, pictures, stamps) filled.
    func filled(_ region: CellRegion) -> CellGrid {
        var inside = CellGrid(columns: columns, rows: rows)
        for member in region.members { inside.cells[member] = true }
        return inside.holesFilled()
    }

    /// Every region with the holes inside it filled: cells not reachable from the grid's edge
    /// without crossing a set cell.
    func holesFilled() -> CellGrid {
        var inside = self
        // Cells reachable from the grid's edge without crossing the region are outside it.
        var outside = [Bool](repeating: false, count: cells.count)
        var stack = (0..<cells.count).filter {
            let (c, r) = ($0 % columns, $0 / columns)
            return (c == 0 || r == 0 || c == columns - 1 || r == rows - 1) && !inside.cells[$0]
        }
        for index in stack { outside[index] = true }
        while let index = stack.popLast() {
            let (column, row) = (index % columns, index / columns)
            for (c, r) in [(column - 1, row), (column + 1, row), (column, row - 1), (column, row + 1)]
            where c >= 0 && r >= 0 && c < columns && r < rows {
                let next = r * columns + c
                if !outside[next] && !inside.cells[next] {
                    outside[next] = true
                    stack.append(next)
                }
            }
        }
        inside.cells = outside.map { !$0 }
        return inside
    }

    /// Calls `body` with the index of each of the up to 8 cells around (column, row).
    @inline(__always)
    private func forEachNeighbour(_ column: Int, _ row: Int, _ body: (Int) -> Void) {
        for r in max(0, row - 1)...min(rows - 1, row + 1) {
            for c in max(0, column - 1)...min(columns - 1, column + 1) where r != row || c != column { body(r * columns + c) }
        }
    }
}

/// One connected region of a `CellGrid`: its bounding box in cells and its member cells.
struct CellRegion {
    var index: Int
    var minColumn: Int, minRow: Int, maxColumn: Int, maxRow: Int
    var cellCount = 0
    var members: [Int] = []

    var widthInCells: Int { maxColumn - minColumn + 1 }
    var heightInCells: Int { maxRow - minRow + 1 }
    /// Share of the bounding box the region covers: near 1 for an upright rectangle.
    var boxFill: Double { Double(cellCount) / Double(widthInCells * heightInCells) }

    mutating func add(column: Int, row: Int) {
        cellCount += 1
        minColumn = min(minColumn, column)
        minRow = min(minRow, row)
        maxColumn = max(maxColumn, column)
        maxRow = max(maxRow, row)
    }
}

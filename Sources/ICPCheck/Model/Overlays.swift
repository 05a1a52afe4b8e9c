/// Where the measures found what they measured, to draw over the picture (the HTML report does):
/// every shape in fractions of the upright picture's width and height, so it fits a thumbnail of
/// any size. Geometry only; the findings say what it means.
public struct Overlays: Codable, Sendable, Equatable {
    /// The people's faces, largest first (the frontal detector's boxes).
    public var faces: [Box] = []
    /// The face the portrait measures (framing, exposure, backdrop) were taken on; nil when none.
    public var chosenFace: Int?
    /// The backdrop region that grows from the picture's top and sides around the person.
    public var backdrop: CellMask?
    /// The paper or card the document measures found (`paper_fraction`).
    public var page: Box?
    /// The round red marks counted as seals (`seal_count`).
    public var seals: [Box] = []
    /// The largest patch of clipped white on the page (`glare_fraction`).
    public var glare: [Box] = []

    public init() {}

    /// True when there is nothing to draw.
    public var isEmpty: Bool { faces.isEmpty && backdrop == nil && page == nil && seals.isEmpty && glare.isEmpty }

    enum CodingKeys: String, CodingKey {
        case faces, backdrop, page, seals, glare
        case chosenFace = "chosen_face"
    }

    // Keys with no value are written as null, as in the rest of the report.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(faces, forKey: .faces)
        try container.encode(chosenFace, forKey: .chosenFace)
        try container.encode(backdrop, forKey: .backdrop)
        try container.encode(page, forKey: .page)
        try container.encode(seals, forKey: .seals)
        try container.encode(glare, forKey: .glare)
    }

    /// A rectangle in fractions of the picture, to four decimals (a tenth of a pixel on a 1,000 px picture).
    public struct Box: Codable, Sendable, Equatable {
        public var x: Double, y: Double, width: Double, height: Double

        init(x: Double, y: Double, width: Double, height: Double) {
            let rounded = { (value: Double) in (min(1, max(0, value)) * 10_000).rounded() / 10_000 }
            self.x = rounded(x)
            self.y = rounded(y)
            self.width = min(rounded(width), 1 - self.x)
            self.height = min(rounded(height), 1 - self.y)
        }
    }

    /// A region as a coarse grid over the whole picture, `columns` equal cells across and `rows` down:
    /// `rows` strings of `columns` characters, `1` where at least half a cell is in the region.
    public struct CellMask: Codable, Sendable, Equatable {
        public var columns: Int
        public var rows: Int
        public var cells: [String]

        public func contains(column: Int, row: Int) -> Bool {
            guard row >= 0, row < cells.count, column >= 0, column < columns else { return false }
            let line = cells[row].utf8
            return line[line.index(line.startIndex, offsetBy: column)] == UInt8(ascii: "1")
        }

        /// The grid of a per-pixel mask of `width` pixels a row: at most `maxColumns` cells on the long
        /// side, as near square as whole cells allow. Nil when no pixel is in the region.
        init?(mask: [Bool], width: Int, maxColumns: Int) {
            guard width > 0, mask.count >= width, mask.contains(true) else { return nil }
            let height = mask.count / width
            let scale = min(1, Double(maxColumns) / Double(max(width, height)))
            columns = max(1, Int((Double(width) * scale).rounded()))
            rows = max(1, Int((Double(height) * scale).rounded()))
            var inside = [Int](repeating: 0, count: columns * rows), total = inside
            for y in 0..<height {
                let row = y * rows / height
                for x in 0..<width {
                    let cell = row * columns + x * columns / width
                    total[cell] += 1
                    if mask[y * width + x] { inside[cell] += 1 }
                }
            }
            let (columns, rows) = (columns, rows)
            cells = (0..<rows).map { row in
                String(decoding: (0..<columns).map { column in
                    let cell = row * columns + column
                    return 2 * inside[cell] >= total[cell] ? UInt8(ascii: "1") : UInt8(ascii: "0")
                }, as: UTF8.self)
            }
        }
    }
}

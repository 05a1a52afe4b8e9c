import Foundation

/// One picture's overlays as SVG shapes, in a 1000 × 1000 box that the page stretches over the
/// thumbnail (`preserveAspectRatio="none"`), so that they fit whatever size the thumbnail is shown at.
struct OverlayShapes {
    /// The box's side: shapes are placed to a tenth of a per mille of the picture.
    static let side = 1000.0

    struct Rect {
        var x: String, y: String, width: String, height: String
        /// The face the portrait measures were taken on.
        var chosen = false
        var label: String
    }

    struct Ellipse {
        var cx: String, cy: String, rx: String, ry: String
    }

    var faces: [Rect]
    var page: Rect?
    var seals: [Ellipse]
    var glare: [Rect]
    /// The backdrop's cells, filled, and the region's outline: SVG path data.
    var backdropFill: String?
    var backdropOutline: String?
    /// False when there is nothing to draw.
    var any: Bool
    // Stored, since the template reads fields by reflection.
    var hasFaces: Bool, hasSeals: Bool, hasGlare: Bool

    init(_ overlays: Overlays) {
        faces = overlays.faces.enumerated().map { index, box in
            let chosen = index == overlays.chosenFace
            return Self.rect(box, chosen: chosen, label: chosen ? "face (measured)" : "face")
        }
        page = overlays.page.map { Self.rect($0, label: "page") }
        seals = overlays.seals.map { box in
            Ellipse(cx: Self.number(box.x + box.width / 2), cy: Self.number(box.y + box.height / 2),
                    rx: Self.number(box.width / 2), ry: Self.number(box.height / 2))
        }
        glare = overlays.glare.map { Self.rect($0, label: "glare") }
        if let mask = overlays.backdrop {
            (backdropFill, backdropOutline) = Self.paths(mask)
        }
        any = !overlays.isEmpty
        (hasFaces, hasSeals, hasGlare) = (!faces.isEmpty, !seals.isEmpty, !glare.isEmpty)
    }

    private static func rect(_ box: Overlays.Box, chosen: Bool = false, label: String) -> Rect {
        Rect(x: number(box.x), y: number(box.y), width: number(box.width), height: number(box.height), chosen: chosen, label: label)
    }

    /// A fraction of the picture in the box's units, to one decimal.
    static func number(_ fraction: Double) -> String {
        let tenths = Int((fraction * side * 10).rounded())
        return tenths % 10 == 0 ? String(tenths / 10) : String(format: "%.1f", Double(tenths) / 10)
    }

    /// The mask's cells as one rectangle per run of cells in a row, and its outline as one segment
    /// per run of cell edges between the region and the rest (or the picture's edge).
    static func paths(_ mask: Overlays.CellMask) -> (fill: String, outline: String) {
        let (columns, rows) = (mask.columns, mask.rows)
        let x = { (column: Int) in number(Double(column) / Double(columns)) }
        let y = { (row: Int) in number(Double(row) / Double(rows)) }
        var fill: [String] = [], outline: [String] = []
        // Runs of `true` over 0..<count, as half-open ranges.
        func runs(_ count: Int, _ isSet: (Int) -> Bool) -> [Range<Int>] {
            var found: [Range<Int>] = [], start: Int?
            for index in 0...count {
                let set = index < count && isSet(index)
                if set, start == nil { start = index }
                if !set, let first = start { found.append(first..<index); start = nil }
            }
            return found
        }
        for row in 0..<rows {
            for run in runs(columns, { mask.contains(column: $0, row: row) }) {
                fill.append("M\(x(run.lowerBound)) \(y(row))H\(x(run.upperBound))V\(y(row + 1))H\(x(run.lowerBound))Z")
            }
        }
        // Horizontal edges lie between rows row-1 and row; vertical ones between columns.
        for row in 0...rows {
            for run in runs(columns, { mask.contains(column: $0, row: row - 1) != mask.contains(column: $0, row: row) }) {
                outline.append("M\(x(run.lowerBound)) \(y(row))H\(x(run.upperBound))")
            }
        }
        for column in 0...columns {
            for run in runs(rows, { mask.contains(column: column - 1, row: $0) != mask.contains(column: column, row: $0) }) {
                outline.append("M\(x(column)) \(y(run.lowerBound))V\(y(run.upperBound))")
            }
        }
        return (fill.joined(), outline.joined())
    }
}

import Foundation

/// A text line's box cut out of the page for Tesseract, with room around it. On a page
/// photographed at an angle every line slopes its own way (the lines of the top and the bottom of
/// the page converge), which no turn of the whole page takes out; and the upright box around a
/// sloping line holds the ends of the lines above and below it, which Tesseract reads into it.
/// Where the line slopes that much, the cut-out is turned level and trimmed to the line's band.
struct LineCut {
    let picture: GreyPicture
    /// The cut-out's box in the page, and how it was turned (nil: not turned).
    private let origin: (x: Int, y: Int)
    private let turn: (radians: Double, cropWidth: Int, cropHeight: Int, turnedWidth: Int, turnedHeight: Int, bandTop: Int)?

    /// - Parameters:
    ///   - box: what to cut out (a line, or the start of one).
    ///   - line: the whole line `box` is part of, whose slope counts (nil: cut out as it is).
    ///   - minDrift: how far, in pixels, the line must rise or fall over its length to be turned.
    ///   - slope: the line's slope where it was measured before (`LineCut.slope`).
    init(_ box: PixelBox, of page: GreyPicture, pad: Int, line: PixelBox?, maxDegrees: Double, minDrift: Double, slope: Double? = nil) {
        let x0 = max(0, box.x - pad), y0 = max(0, box.y - pad)
        let cropBox = PixelBox(x: x0, y: y0, width: box.x + box.width + pad - x0, height: box.y + box.height + pad - y0)
        let crop = page.cropped(to: cropBox)
        origin = (x0, y0)
        let slope = slope ?? line.map { Self.slope(of: $0, in: page, maxDegrees: maxDegrees) } ?? 0
        let drift = Double(line?.width ?? 0) * abs(tan(slope))
        guard let line, drift >= minDrift, crop.width > 0, crop.height > 0 else {
            picture = crop
            turn = nil
            return
        }
        let turned = crop.rotated(by: slope)
        // The line's centre under the cut-out's centre column, and where turning takes it: the
        // centre row of the turned picture, moved by its height above or below the centre, shortened.
        let centreX = Double(x0) + Double(crop.width - 1) / 2
        let lineY = Double(line.y) + Double(line.height) / 2 + (centreX - (Double(line.x) + Double(line.width) / 2)) * tan(slope)
        let below = lineY - (Double(y0) + Double(crop.height - 1) / 2)
        let bandCentre = Double(turned.height - 1) / 2 + below * cos(slope)
        // The print's own height: the box's, less what the slope added to it.
        let printHeight = max(Double(line.height) / 3, Double(line.height) - drift)
        let bandHeight = Int(printHeight.rounded()) + 2 * pad
        let bandTop = min(max(0, Int((bandCentre - Double(bandHeight) / 2).rounded())), max(0, turned.height - bandHeight))
        picture = turned.cropped(to: PixelBox(x: 0, y: bandTop, width: turned.width, height: bandHeight))
        turn = (slope, crop.width, crop.height, turned.width, turned.height, bandTop)
    }

    /// The slope of the print in `line`, in radians (`GreyPicture.textSkew`).
    static func slope(of line: PixelBox, in page: GreyPicture, maxDegrees: Double) -> Double {
        page.cropped(to: line).textSkew(maxDegrees: maxDegrees)
    }

    /// A box found in the cut-out, in the page's pixels (turned back: its centre where it was).
    func inPage(_ box: PixelBox) -> PixelBox {
        guard let turn else { return box.moved(x: origin.x, y: origin.y) }
        let dx = Double(box.x) + Double(box.width) / 2 - Double(turn.turnedWidth - 1) / 2
        let dy = Double(box.y + turn.bandTop) + Double(box.height) / 2 - Double(turn.turnedHeight - 1) / 2
        // How GreyPicture.rotated(by:) finds an output pixel's source.
        let x = Double(turn.cropWidth - 1) / 2 + dx * cos(turn.radians) - dy * sin(turn.radians)
        let y = Double(turn.cropHeight - 1) / 2 + dx * sin(turn.radians) + dy * cos(turn.radians)
        return PixelBox(x: Int((x - Double(box.width) / 2).rounded()) + origin.x, y: Int((y - Double(box.height) / 2).rounded()) + origin.y,
                        width: box.width, height: box.height)
    }
}

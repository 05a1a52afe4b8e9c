import Foundation

/// An 8-bit grey picture, the form Tesseract reads: rows top to bottom, one byte per pixel.
struct GreyPicture: Sendable, Equatable {
    let width: Int
    let height: Int
    var pixels: [UInt8]

    init(width: Int, height: Int, pixels: [UInt8]) {
        precondition(pixels.count == width * height, "pixel buffer does not match the size")
        self.width = width
        self.height = height
        self.pixels = pixels
    }

    init(_ image: DecodedImage) {
        self.init(width: image.width, height: image.height, pixels: image.grey())
    }

    /// How many of `box`'s rows (clipped to the picture) have ink in at least one pixel of 30:
    /// most of a text line's rows cross strokes; a ruled line, with the cell borders crossing it,
    /// inks two or three.
    func inkedRows(in box: PixelBox) -> Int {
        let x0 = max(0, box.x), x1 = min(width, box.x + box.width), y0 = max(0, box.y), y1 = min(height, box.y + box.height)
        guard x1 > x0, y1 > y0 else { return 0 }
        let needed = max(1, (x1 - x0) / 30)
        var inked = 0
        for y in y0..<y1 {
            var dark = 0
            for x in x0..<x1 where pixels[y * width + x] < 128 { dark += 1 }
            if dark >= needed { inked += 1 }
        }
        return inked
    }

    /// The part inside `box` (clipped to the picture).
    func cropped(to box: PixelBox) -> GreyPicture {
        let x0 = min(max(0, box.x), width), y0 = min(max(0, box.y), height)
        let x1 = min(max(x0, box.x + box.width), width), y1 = min(max(y0, box.y + box.height), height)
        guard x0 > 0 || y0 > 0 || x1 < width || y1 < height else { return self }
        var out = [UInt8]()
        out.reserveCapacity((x1 - x0) * (y1 - y0))
        for y in y0..<y1 { out += pixels[(y * width + x0)..<(y * width + x1)] }
        return GreyPicture(width: x1 - x0, height: y1 - y0, pixels: out)
    }

    /// The picture scaled by `factor`: shrunk by averaging the pixels each output pixel covers,
    /// grown by bilinear interpolation (Tesseract reads small print better made larger).
    func scaled(by factor: Double) -> GreyPicture {
        let outWidth = max(1, Int((Double(width) * factor).rounded())), outHeight = max(1, Int((Double(height) * factor).rounded()))
        guard outWidth != width || outHeight != height else { return self }
        return factor < 1 ? averaged(toWidth: outWidth, height: outHeight) : interpolated(toWidth: outWidth, height: outHeight)
    }

    /// The picture turned clockwise by `quarterTurns` × 90°.
    func turned(quarterTurns: Int) -> GreyPicture {
        let turns = ((quarterTurns % 4) + 4) % 4
        guard turns != 0 else { return self }
        let (outWidth, outHeight) = turns == 2 ? (width, height) : (height, width)
        var out = [UInt8](repeating: 0, count: pixels.count)
        for y in 0..<height {
            for x in 0..<width {
                let (u, v): (Int, Int)
                switch turns {
                case 1: (u, v) = (height - 1 - y, x)
                case 2: (u, v) = (width - 1 - x, height - 1 - y)
                default: (u, v) = (y, width - 1 - x)
                }
                out[v * outWidth + u] = pixels[y * width + x]
            }
        }
        return GreyPicture(width: outWidth, height: outHeight, pixels: out)
    }

    /// The picture turned anti-clockwise by `radians` about its centre, on a canvas that holds all
    /// of it; the corners it uncovers repeat the nearest edge pixel (no hard border to read as print).
    func rotated(by radians: Double) -> GreyPicture {
        let cosine = cos(radians), sine = sin(radians)
        let outWidth = Int((Double(width) * abs(cosine) + Double(height) * abs(sine)).rounded(.up))
        let outHeight = Int((Double(width) * abs(sine) + Double(height) * abs(cosine)).rounded(.up))
        let centreX = Double(width - 1) / 2, centreY = Double(height - 1) / 2
        let outCentreX = Double(outWidth - 1) / 2, outCentreY = Double(outHeight - 1) / 2
        // The source of an output pixel, turned back clockwise (y runs down the picture): each
        // column's part worked out once for all rows.
        let columnX = (0..<outWidth).map { centreX + (Double($0) - outCentreX) * cosine }
        let columnY = (0..<outWidth).map { centreY + (Double($0) - outCentreX) * sine }
        let lastX = Double(width - 1), lastY = Double(height - 1)
        var out = [UInt8](repeating: 0, count: outWidth * outHeight)
        pixels.withUnsafeBufferPointer { pixels in
            out.withUnsafeMutableBufferPointer { out in
                columnX.withUnsafeBufferPointer { columnX in
                    columnY.withUnsafeBufferPointer { columnY in
                        for v in 0..<outHeight {
                            let dy = Double(v) - outCentreY
                            let rowX = dy * sine, rowY = dy * cosine
                            for u in 0..<outWidth {
                                out[v * outWidth + u] = bilinear(
                                    pixels, x: min(max(0, columnX[u] - rowX), lastX), y: min(max(0, columnY[u] + rowY), lastY))
                            }
                        }
                    }
                }
            }
        }
        return GreyPicture(width: outWidth, height: outHeight, pixels: out)
    }

    /// Uneven light taken out: each pixel divided by the mean of the square of `radius` around it,
    /// so paper reads as the same white everywhere and print stays dark (Tesseract's own global
    /// threshold then separates them even under a shadow or on a tinted card).
    /// What `flattened` makes of a pixel (the low byte of the index) under a mean (the high byte):
    /// the pixel over its mean, as 235 for paper, and light print (an ID card's pale labels)
    /// darkened, so Tesseract's one threshold keeps it with the text.
    private static let flatteningTable: [UInt8] = {
        let curve = (0...255).map { UInt8((255 * pow(min(1, Double($0) / 235), 2.5)).rounded()) }
        return (0..<(256 * 256)).map { index in curve[min(255, (index & 255) * 235 / max(1, index >> 8))] }
    }()

    func flattened(radius: Int) -> GreyPicture {
        guard width > 0, height > 0 else { return self }
        let table = Self.flatteningTable
        var out = [UInt8](repeating: 0, count: pixels.count)
        // The square's sum slides along: each column's sum over the square's rows, updated a row at
        // a time, and the row's sum over the square's columns, a column at a time.
        var columns = [Int](repeating: 0, count: width)
        pixels.withUnsafeBufferPointer { pixels in
            columns.withUnsafeMutableBufferPointer { columns in
                out.withUnsafeMutableBufferPointer { out in
                    for y in 0..<min(height, radius) {
                        for x in 0..<width { columns[x] += Int(pixels[y * width + x]) }
                    }
                    for y in 0..<height {
                        if y + radius < height {
                            for x in 0..<width { columns[x] += Int(pixels[(y + radius) * width + x]) }
                        }
                        if y - radius - 1 >= 0 {
                            for x in 0..<width { columns[x] -= Int(pixels[(y - radius - 1) * width + x]) }
                        }
                        let rows = min(height, y + radius + 1) - max(0, y - radius)
                        var sum = 0
                        for x in 0..<min(width, radius) { sum += columns[x] }
                        var area = 0, inverse = 0.0
                        for x in 0..<width {
                            if x + radius < width { sum += columns[x + radius] }
                            if x - radius - 1 >= 0 { sum -= columns[x - radius - 1] }
                            // The mean, floored: a multiplication, then corrected by one where the
                            // floating point fell on the wrong side of a whole number.
                            let columnCount = min(width, x + radius + 1) - max(0, x - radius)
                            if rows * columnCount != area {
                                area = rows * columnCount
                                inverse = 1 / Double(area)
                            }
                            var mean = Int(Double(sum) * inverse)
                            if mean * area > sum { mean -= 1 } else if (mean + 1) * area <= sum { mean += 1 }
                            out[y * width + x] = table[min(255, mean) << 8 | Int(pixels[y * width + x])]
                        }
                    }
                }
            }
        }
        return GreyPicture(width: width, height: height, pixels: out)
    }

    private func averaged(toWidth outWidth: Int, height outHeight: Int) -> GreyPicture {
        let spans = { (count: Int, limit: Int) in
            (0..<count).map { i in
                let start = i * limit / count
                return start..<max(start + 1, (i + 1) * limit / count)
            }
        }
        let columns = spans(outWidth, width), rows = spans(outHeight, height)
        var line = [UInt32](repeating: 0, count: width)
        var out = [UInt8](repeating: 0, count: outWidth * outHeight)
        for (v, rowSpan) in rows.enumerated() {
            for x in 0..<width { line[x] = 0 }
            for y in rowSpan {
                let row = y * width
                for x in 0..<width { line[x] += UInt32(pixels[row + x]) }
            }
            for (u, columnSpan) in columns.enumerated() {
                var sum: UInt32 = 0
                for x in columnSpan { sum += line[x] }
                let count = UInt32(columnSpan.count * rowSpan.count)
                out[v * outWidth + u] = UInt8((sum + count / 2) / count)
            }
        }
        return GreyPicture(width: outWidth, height: outHeight, pixels: out)
    }

    private func interpolated(toWidth outWidth: Int, height outHeight: Int) -> GreyPicture {
        let scaleX = Double(width) / Double(outWidth), scaleY = Double(height) / Double(outHeight)
        // Each output column's two source columns and weight, worked out once for all rows.
        let columns = (0..<outWidth).map { u in
            let x = max(0, (Double(u) + 0.5) * scaleX - 0.5)
            let x0 = min(Int(x), width - 1)
            return (x0: x0, x1: min(x0 + 1, width - 1), fx: x - Double(x0))
        }
        var out = [UInt8](repeating: 0, count: outWidth * outHeight)
        pixels.withUnsafeBufferPointer { pixels in
            out.withUnsafeMutableBufferPointer { out in
                for v in 0..<outHeight {
                    let y = max(0, (Double(v) + 0.5) * scaleY - 0.5)
                    let y0 = min(Int(y), height - 1), y1 = min(y0 + 1, height - 1), fy = y - Double(y0)
                    let top = y0 * width, bottom = y1 * width
                    for (u, column) in columns.enumerated() {
                        let (x0, x1, fx) = column
                        out[v * outWidth + u] = Self.mix(
                            pixels[top + x0], pixels[top + x1], pixels[bottom + x0], pixels[bottom + x1], fx: fx, fy: fy)
                    }
                }
            }
        }
        return GreyPicture(width: outWidth, height: outHeight, pixels: out)
    }

    /// The grey of `pixels` (this picture's) at (`x`, `y`), non-negative and within a pixel of the
    /// picture, interpolated from the four pixels around it (the last row and column stand for the ones beyond).
    @inline(__always)
    private func bilinear(_ pixels: UnsafeBufferPointer<UInt8>, x: Double, y: Double) -> UInt8 {
        let x0 = min(Int(x), width - 1), x1 = min(x0 + 1, width - 1), fx = x - Double(x0)
        let y0 = min(Int(y), height - 1), y1 = min(y0 + 1, height - 1), fy = y - Double(y0)
        return Self.mix(pixels[y0 * width + x0], pixels[y0 * width + x1], pixels[y1 * width + x0], pixels[y1 * width + x1], fx: fx, fy: fy)
    }

    /// Four neighbouring greys (top left, top right, bottom left, bottom right) weighed at (`fx`, `fy`)
    /// between them, rounded to the nearest byte, halves up, as `rounded()` does, without its call into
    /// the maths library (a tenth of the time a picture takes to scale or turn).
    @inline(__always)
    private static func mix(_ topLeft: UInt8, _ topRight: UInt8, _ bottomLeft: UInt8, _ bottomRight: UInt8, fx: Double, fy: Double) -> UInt8 {
        let top = Double(topLeft) * (1 - fx) + Double(topRight) * fx
        let bottom = Double(bottomLeft) * (1 - fx) + Double(bottomRight) * fx
        let grey = top * (1 - fy) + bottom * fy
        let whole = Int(grey)
        // The half up as a number, not a branch: the fraction is as good as random, and a
        // mispredicted branch cost more than the rest of the mix.
        return UInt8(truncatingIfNeeded: whole &+ Int(grey - Double(whole) >= 0.5 ? 1.0 : 0.0))
    }
}

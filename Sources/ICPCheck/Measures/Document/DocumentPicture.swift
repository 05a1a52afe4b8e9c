/// The picture the document measures share: RGB at the analysis size, its luma, and the mask of
/// ink strokes (pixels clearly darker than their surroundings).
struct DocumentPicture {
    let image: DecodedImage
    let luma: [UInt8]
    /// Local mean luma around each pixel, over a window about 1/30 of the long side (radius 1/60, at
    /// least 4 pixels: a fixed property of the measure, wider than a character's stroke, narrower than
    /// the uneven light of a phone photo).
    let background: [UInt8]
    let ink: [Bool]
    /// The luma only the brightest 2% of the picture reach: what paper and card stock are judged against
    /// (2%: a fixed property of the measure, past specular highlights, within any page's blank paper).
    let brightLuma: Int
    var width: Int { image.width }
    var height: Int { image.height }

    init(_ picture: DecodedImage, strokeContrast: Double, minLevels: Int) {
        image = picture.channels == 3 ? picture : picture.rgb()
        luma = image.grey()
        let radius = max(4, max(image.width, image.height) / 60)
        background = Self.boxMean(luma, width: image.width, height: image.height, radius: radius)
        ink = Self.inkMask(luma, background, strokeContrast: strokeContrast, minLevels: minLevels)
        brightLuma = Self.quantile(luma, 0.98)
    }

    /// Pixels at most `1 − strokeContrast` of their surroundings' mean and at least `minLevels` levels below it.
    /// Both tests keep every darker pixel too, so each mean has one limit below which a pixel is ink.
    static func inkMask(_ luma: [UInt8], _ background: [UInt8], strokeContrast: Double, minLevels: Int) -> [Bool] {
        let keep = 1 - strokeContrast
        let limits = (0...255).map { (mean: Int) -> UInt8 in
            let isInk = { (pixel: Int) in Double(pixel) < Double(mean) * keep && mean - pixel >= minLevels }
            return UInt8((0...255).first { !isInk($0) } ?? 255)
        }
        return [Bool](unsafeUninitializedCapacity: luma.count) { ink, written in
            luma.withUnsafeBufferPointer { luma in
                background.withUnsafeBufferPointer { background in
                    limits.withUnsafeBufferPointer { limits in
                        for index in 0..<luma.count { ink[index] = luma[index] < limits[Int(background[index])] }
                    }
                }
            }
            written = luma.count
        }
    }

    /// The pixel columns and rows a rectangle in fractions of the picture covers, within the picture.
    func pixels(of rect: UnitRect) -> (xs: Range<Int>, ys: Range<Int>) {
        let range = { (start: Double, length: Double, size: Int) -> Range<Int> in
            let lower = max(0, Int(start * Double(size))), upper = min(size, Int((start + length) * Double(size)))
            return lower..<max(lower, upper)
        }
        return (range(rect.x, rect.width, width), range(rect.y, rect.height, height))
    }

    func rgb(_ x: Int, _ y: Int) -> (r: Int, g: Int, b: Int) {
        let index = (y * width + x) * 3
        return (Int(image.pixels[index]), Int(image.pixels[index + 1]), Int(image.pixels[index + 2]))
    }

    /// Pixels whose surroundings are at least `minBackground` bright and which are nearly colourless:
    /// the spread of their channels at most `maxSaturation` of the brightest (paper, card stock).
    func colourlessMask(minBackground: Int, maxSaturation: Double) -> [Bool] {
        // Per brightest channel value, the largest spread allowed: one look-up per pixel.
        let maxSpread = (0...255).map { top in (0...top).last { Double($0) <= maxSaturation * Double(max(top, 1)) } ?? -1 }
        let count = width * height
        return [Bool](unsafeUninitializedCapacity: count) { mask, written in
            background.withUnsafeBufferPointer { background in
                image.pixels.withUnsafeBufferPointer { pixels in
                    maxSpread.withUnsafeBufferPointer { maxSpread in
                        for index in 0..<count {
                            let (r, g, b) = (pixels[3 * index], pixels[3 * index + 1], pixels[3 * index + 2])
                            let top = max(r, g, b)
                            mask[index] = Int(background[index]) >= minBackground && Int(top - min(r, g, b)) <= maxSpread[Int(top)]
                        }
                    }
                }
            }
            written = count
        }
    }

    /// Value at the `fraction` quantile of `values` (0…255), from a histogram.
    static func quantile(_ values: some Sequence<UInt8>, _ fraction: Double) -> Int {
        var histogram = [Int](repeating: 0, count: 256)
        for value in values { histogram[Int(value)] += 1 }
        return quantile(histogram: histogram, fraction)
    }

    /// The same from the histogram of the values.
    static func quantile(histogram: [Int], _ fraction: Double) -> Int {
        let total = histogram.reduce(0, +)
        guard total > 0 else { return 0 }
        let target = Int(Double(total) * fraction)
        var seen = 0
        for (value, count) in histogram.enumerated() {
            seen += count
            if seen > target { return value }
        }
        return 255
    }

    /// Mean over a (2·radius+1)² window clipped to the picture: sums along each row, then a running
    /// sum of those down the columns, so that each pixel costs a few additions whatever the radius.
    /// (Sums stay far below 2^32: wrapping arithmetic only spares the overflow checks.)
    static func boxMean(_ plane: [UInt8], width: Int, height: Int, radius: Int) -> [UInt8] {
        var rowSums = [UInt32](repeating: 0, count: width * height)
        var prefix = [UInt32](repeating: 0, count: width + 1)
        let columnCounts = (0..<width).map { min(width, $0 + radius + 1) - max(0, $0 - radius) }
        var columnSums = [UInt32](repeating: 0, count: width)
        var dividers = [MeanDivider](repeating: MeanDivider(1), count: width)
        var dividersRowCount = 0
        return [UInt8](unsafeUninitializedCapacity: width * height) { out, written in
            plane.withUnsafeBufferPointer { plane in
                rowSums.withUnsafeMutableBufferPointer { rowSums in
                    prefix.withUnsafeMutableBufferPointer { prefix in
                        columnSums.withUnsafeMutableBufferPointer { columnSums in
                            let (plane, rowSums) = (plane.baseAddress!, rowSums.baseAddress!)
                            let (prefix, columnSums) = (prefix.baseAddress!, columnSums.baseAddress!)
                            for y in 0..<height {
                                let row = plane + y * width, sums = rowSums + y * width
                                for x in 0..<width { prefix[x + 1] = prefix[x] &+ UInt32(row[x]) }
                                for x in 0..<width { sums[x] = prefix[min(width, x + radius + 1)] &- prefix[max(0, x - radius)] }
                            }
                            for y in 0..<min(height, radius) { for x in 0..<width { columnSums[x] &+= rowSums[y * width + x] } }
                            for y in 0..<height {
                                // The window's rows are y − radius … y + radius: one row enters, one leaves.
                                if y + radius < height {
                                    let entering = rowSums + (y + radius) * width
                                    for x in 0..<width { columnSums[x] &+= entering[x] }
                                }
                                if y - radius - 1 >= 0 {
                                    let leaving = rowSums + (y - radius - 1) * width
                                    for x in 0..<width { columnSums[x] &-= leaving[x] }
                                }
                                // The window's height changes only near the top and bottom edges.
                                let rowCount = min(height, y + radius + 1) - max(0, y - radius)
                                if rowCount != dividersRowCount {
                                    for x in 0..<width { dividers[x] = MeanDivider(rowCount * columnCounts[x]) }
                                    dividersRowCount = rowCount
                                }
                                dividers.withUnsafeBufferPointer { dividers in
                                    for x in 0..<width { out[y * width + x] = dividers[x].mean(columnSums[x]) }
                                }
                            }
                        }
                    }
                }
            }
            written = width * height
        }
    }
}

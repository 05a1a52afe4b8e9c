/// The picture the document measures share: RGB at the analysis size, its luma, and the mask of
/// ink strokes (pixels clearly darker than their surroundings).
struct DocumentPicture {
    let image: DecodedImage
    let luma: [UInt8]
    /// Local mean luma around each pixel, over a window about 1/30 of the long side.
    let background: [UInt8]
    let ink: [Bool]
    var width: Int { image.width }
    var height: Int { image.height }

    init(_ picture: DecodedImage, strokeContrast: Double) {
        image = picture.channels == 3 ? picture : picture.rgb()
        luma = image.grey()
        let radius = max(4, max(image.width, image.height) / 60)
        background = Self.boxMean(luma, width: image.width, height: image.height, radius: radius)
        let keep = 1 - strokeContrast
        ink = zip(luma, background).map { (value: UInt8, around: UInt8) -> Bool in
            let (pixel, mean) = (Int(value), Int(around))
            return Double(pixel) < Double(mean) * keep && mean - pixel >= 20
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

    /// Value at the `fraction` quantile of `values` (0…255), from a histogram.
    static func quantile(_ values: some Sequence<UInt8>, _ fraction: Double) -> Int {
        var histogram = [Int](repeating: 0, count: 256)
        var total = 0
        for value in values {
            histogram[Int(value)] += 1
            total += 1
        }
        guard total > 0 else { return 0 }
        let target = Int(Double(total) * fraction)
        var seen = 0
        for (value, count) in histogram.enumerated() {
            seen += count
            if seen > target { return value }
        }
        return 255
    }

    /// Mean over a (2·radius+1)² window clipped to the picture, from the face detector's integral image.
    static func boxMean(_ plane: [UInt8], width: Int, height: Int, radius: Int) -> [UInt8] {
        let integral = IntegralImage(plane: plane, width: width, height: height)
        var out = [UInt8](repeating: 0, count: width * height)
        for y in 0..<height {
            let y0 = max(0, y - radius), y1 = min(height, y + radius + 1)
            for x in 0..<width {
                let x0 = max(0, x - radius), x1 = min(width, x + radius + 1)
                let sum = integral.sum(x: x0, y: y0, width: x1 - x0, height: y1 - y0)
                out[y * width + x] = UInt8(sum / ((y1 - y0) * (x1 - x0)))
            }
        }
        return out
    }
}

/// How far the EXIF thumbnail differs from the picture it should show.
///
/// Cameras write the thumbnail from the same exposure as the main image, and many editors keep the old
/// thumbnail when they change the picture (crop, retouch, paste), so a thumbnail that no longer looks
/// like the image is a trace of editing. The number is a fact; thresholds belong to the caller.
enum ThumbnailComparison {
    /// The thumbnail may claim any size; a real one is at most a few hundred pixels a side (DCF: 160×120).
    static let thumbnailLimits = DecodeLimits(
        maxFileBytes: 1 << 16, maxPixels: 4_000_000, maxDimension: 4096, maxScans: 100, maxCodecMemory: 64 << 20)

    /// The mean absolute difference per sample (0…255) between the thumbnail and the image shrunk to
    /// the thumbnail's size, over the central 80% of both.
    ///
    /// The thumbnail is stored like the main image's pixels, before EXIF orientation, while `image` is
    /// upright, so the thumbnail is turned by `orientation` first. When the two shapes differ by more
    /// than 5%, the thumbnail is taken to be letterboxed (DCF fixes 160×120, so a 3:2 or portrait
    /// picture gets black bars) and its near-black edge rows and columns are cut off before comparing.
    /// Only the central 80% is compared, so leftover bar edges and resampling at the borders do not count.
    /// A greyscale image is compared with the thumbnail's luma (BT.601).
    /// - Parameters:
    ///   - thumbnail: the EXIF IFD1 thumbnail bytes, a JPEG.
    ///   - image: the decoded main image, upright.
    ///   - orientation: the file's EXIF orientation (1–8; anything else counts as upright).
    /// - Returns: nil when the thumbnail is not a decodable JPEG or nothing is left to compare.
    static func difference(thumbnail: [UInt8], image: DecodedImage, orientation: Int) -> Double? {
        let limits = thumbnailLimits
        guard image.width > 0, image.height > 0, thumbnail.count <= limits.maxFileBytes,
            let header = try? JPEGCodec.readHeader(thumbnail).0,
            (try? limits.check(width: header.width, height: header.height)) != nil,
            let (decoded, _) = try? JPEGCodec.decode(thumbnail, scaleDenominator: 1, forceRGB: true, limits: limits)
        else { return nil }
        var small = decoded.applyingOrientation(orientation)
        if image.channels == 1 { small = luma(small) }
        guard small.width > 0, small.height > 0, small.channels == image.channels else { return nil }

        var content = (x: 0, y: 0, width: small.width, height: small.height)
        let imageAspect = Double(image.width) / Double(image.height)
        let thumbnailAspect = Double(small.width) / Double(small.height)
        if abs(thumbnailAspect / imageAspect - 1) > 0.05 { content = letterboxContent(small) }
        guard content.width > 0, content.height > 0 else { return nil }

        let shrunk = areaAverage(image, width: content.width, height: content.height)
        let x0 = content.width / 10, x1 = content.width - content.width / 10
        let y0 = content.height / 10, y1 = content.height - content.height / 10
        guard x1 > x0, y1 > y0 else { return nil }
        let c = image.channels
        var total = 0
        for y in y0..<y1 {
            for x in x0..<x1 {
                let a = ((content.y + y) * small.width + content.x + x) * c
                let b = (y * content.width + x) * c
                for k in 0..<c { total += abs(Int(small.pixels[a + k]) - Int(shrunk.pixels[b + k])) }
            }
        }
        return Double(total) / Double((x1 - x0) * (y1 - y0) * c)
    }

    /// The thumbnail without its black bars: edge rows and columns whose mean sample is below 16 are
    /// cut, from each side inwards, as long as they keep coming.
    private static func letterboxContent(_ image: DecodedImage) -> (x: Int, y: Int, width: Int, height: Int) {
        let (w, c) = (image.width, image.channels)
        func rowMean(_ y: Int, _ x0: Int, _ x1: Int) -> Double {
            var sum = 0
            for i in ((y * w + x0) * c)..<((y * w + x1) * c) { sum += Int(image.pixels[i]) }
            return Double(sum) / Double((x1 - x0) * c)
        }
        func columnMean(_ x: Int, _ y0: Int, _ y1: Int) -> Double {
            var sum = 0
            for y in y0..<y1 {
                for k in 0..<c { sum += Int(image.pixels[(y * w + x) * c + k]) }
            }
            return Double(sum) / Double((y1 - y0) * c)
        }
        let dark = 16.0
        var (top, bottom) = (0, image.height)
        while top < bottom && rowMean(top, 0, w) < dark { top += 1 }
        while bottom > top && rowMean(bottom - 1, 0, w) < dark { bottom -= 1 }
        guard bottom > top else { return (0, 0, 0, 0) }
        var (left, right) = (0, w)
        while left < right && columnMean(left, top, bottom) < dark { left += 1 }
        while right > left && columnMean(right - 1, top, bottom) < dark { right -= 1 }
        return (left, top, right - left, bottom - top)
    }

    /// RGB to 8-bit luma with the BT.601 weights JPEG's YCbCr uses.
    private static func luma(_ image: DecodedImage) -> DecodedImage {
        guard image.channels == 3 else { return image }
        var out = [UInt8](repeating: 0, count: image.width * image.height)
        for i in out.indices {
            let r = Double(image.pixels[3 * i]), g = Double(image.pixels[3 * i + 1])
            let b = Double(image.pixels[3 * i + 2])
            out[i] = UInt8(min(255, (0.299 * r + 0.587 * g + 0.114 * b).rounded()))
        }
        return DecodedImage(width: image.width, height: image.height, channels: 1, pixels: out)
    }

    /// `image` resized to exactly `width` × `height` by area averaging: every output pixel is the mean of
    /// the source area it covers, partly covered source pixels counting by the covered fraction. This is
    /// what a thumbnail generator approximates, and unlike point sampling it does not alias.
    static func areaAverage(_ image: DecodedImage, width: Int, height: Int) -> DecodedImage {
        precondition(width > 0 && height > 0, "the target size must not be empty")
        let c = image.channels
        let columns = coverage(source: image.width, target: width)
        let rows = coverage(source: image.height, target: height)
        // Horizontal pass: image.height rows of `width` pixels, in Double to keep the fractions.
        var horizontal = [Double](repeating: 0, count: image.height * width * c)
        horizontal.withUnsafeMutableBufferPointer { horizontal in
            image.pixels.withUnsafeBufferPointer { pixels in
                for y in 0..<image.height {
                    for (x, weights) in columns.enumerated() {
                        let to = (y * width + x) * c
                        for (sx, weight) in weights {
                            let from = (y * image.width + sx) * c
                            for k in 0..<c { horizontal[to + k] += weight * Double(pixels[from + k]) }
                        }
                    }
                }
            }
        }
        // Vertical pass, straight into 8-bit samples.
        var out = [UInt8](repeating: 0, count: width * height * c)
        horizontal.withUnsafeBufferPointer { horizontal in
            for (y, weights) in rows.enumerated() {
                for i in 0..<(width * c) {
                    var sum = 0.0
                    for (sy, weight) in weights { sum += weight * horizontal[sy * width * c + i] }
                    out[y * width * c + i] = UInt8(min(255, max(0, sum.rounded())))
                }
            }
        }
        return DecodedImage(width: width, height: height, channels: c, pixels: out)
    }

    /// For each of `target` output positions, the source positions it covers and their weights (summing
    /// to 1) when `source` pixels are spread evenly over `target`.
    private static func coverage(source: Int, target: Int) -> [[(Int, Double)]] {
        let step = Double(source) / Double(target)
        return (0..<target).map { t in
            let start = Double(t) * step, end = Double(t + 1) * step
            var weights: [(Int, Double)] = []
            var s = Int(start)
            while Double(s) < end && s < source {
                let covered = min(end, Double(s + 1)) - max(start, Double(s))
                if covered > 0 { weights.append((s, covered / step)) }
                s += 1
            }
            return weights
        }
    }
}

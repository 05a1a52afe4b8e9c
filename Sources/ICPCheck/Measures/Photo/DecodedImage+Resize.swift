extension DecodedImage {
    /// The picture shrunk by area averaging so that its long side is at most `longSide`
    /// (unchanged when already that small), as RGB.
    func downscaled(toLongSide longSide: Int) -> DecodedImage {
        let factor = max(1, Int((Double(max(width, height)) / Double(max(1, longSide))).rounded(.up)))
        let source = channels == 3 ? self : rgb()
        guard factor > 1 else { return source }
        let outWidth = max(1, width / factor), outHeight = max(1, height / factor)
        let divider = MeanDivider(factor * factor)
        let out = [UInt8](unsafeUninitializedCapacity: outWidth * outHeight * 3) { out, written in
            source.pixels.withUnsafeBufferPointer { pixels in
                for y in 0..<outHeight {
                    for x in 0..<outWidth {
                        var sums: (UInt32, UInt32, UInt32) = (0, 0, 0)
                        for dy in 0..<factor {
                            var index = ((y * factor + dy) * width + x * factor) * 3
                            for _ in 0..<factor {
                                sums.0 += UInt32(pixels[index])
                                sums.1 += UInt32(pixels[index + 1])
                                sums.2 += UInt32(pixels[index + 2])
                                index += 3
                            }
                        }
                        let to = (y * outWidth + x) * 3
                        out[to] = divider.mean(sums.0)
                        out[to + 1] = divider.mean(sums.1)
                        out[to + 2] = divider.mean(sums.2)
                    }
                }
            }
            written = outWidth * outHeight * 3
        }
        return DecodedImage(width: outWidth, height: outHeight, channels: 3, pixels: out)
    }

    /// The picture shrunk by area averaging to exactly `longSide` on its long side (unchanged when
    /// already that small), as RGB: each output pixel averages the whole input pixels its span covers.
    func resized(toLongSide longSide: Int) -> DecodedImage {
        let source = channels == 3 ? self : rgb()
        let scale = Double(max(width, height)) / Double(max(1, longSide))
        guard scale > 1 else { return source }
        let outWidth = max(1, Int(Double(width) / scale)), outHeight = max(1, Int(Double(height) / scale))
        let spans = { (count: Int, limit: Int) in
            (0..<count).map { i in (Int(Double(i) * scale), max(Int(Double(i) * scale) + 1, min(limit, Int(Double(i + 1) * scale)))) }
        }
        let columns = spans(outWidth, width), rows = spans(outHeight, height)
        // A span covers one or two more pixels than the scale: a handful of counts, each divided once.
        let longestSpan = Int(scale.rounded(.up)) + 1
        let dividers = (0...(longestSpan * longestSpan)).map { MeanDivider(max(1, $0)) }
        let out = [UInt8](unsafeUninitializedCapacity: outWidth * outHeight * 3) { out, written in
            source.pixels.withUnsafeBufferPointer { pixels in
                for (y, (top, bottom)) in rows.enumerated() {
                    for (x, (left, right)) in columns.enumerated() {
                        var sums: (UInt32, UInt32, UInt32) = (0, 0, 0)
                        for row in top..<bottom {
                            var index = (row * width + left) * 3
                            for _ in left..<right {
                                sums.0 += UInt32(pixels[index])
                                sums.1 += UInt32(pixels[index + 1])
                                sums.2 += UInt32(pixels[index + 2])
                                index += 3
                            }
                        }
                        let divider = dividers[(bottom - top) * (right - left)], to = (y * outWidth + x) * 3
                        out[to] = divider.mean(sums.0)
                        out[to + 1] = divider.mean(sums.1)
                        out[to + 2] = divider.mean(sums.2)
                    }
                }
            }
            written = outWidth * outHeight * 3
        }
        return DecodedImage(width: outWidth, height: outHeight, channels: 3, pixels: out)
    }

    /// Grey expanded to RGB; RGB unchanged.
    func rgb() -> DecodedImage {
        guard channels == 1 else { return self }
        var out = [UInt8](repeating: 0, count: pixels.count * 3)
        for (index, value) in pixels.enumerated() {
            out[3 * index] = value
            out[3 * index + 1] = value
            out[3 * index + 2] = value
        }
        return DecodedImage(width: width, height: height, channels: 3, pixels: out)
    }
}

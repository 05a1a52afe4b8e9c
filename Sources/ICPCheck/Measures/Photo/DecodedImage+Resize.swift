extension DecodedImage {
    /// The picture shrunk by area averaging so that its long side is at most `longSide`
    /// (unchanged when already that small), as RGB: each output pixel averages a whole-factor block
    /// (a short side shorter than the factor is one block of its own length).
    func downscaled(toLongSide longSide: Int) -> DecodedImage {
        let factor = max(1, Int((Double(max(width, height)) / Double(max(1, longSide))).rounded(.up)))
        let source = channels == 3 ? self : rgb()
        guard factor > 1 else { return source }
        let blocks = { (limit: Int) in (0..<max(1, limit / factor)).map { $0 * factor..<min(limit, ($0 + 1) * factor) } }
        return source.averaged(columns: blocks(width), rows: blocks(height))
    }

    /// The picture shrunk by area averaging to exactly `longSide` on its long side (unchanged when
    /// already that small), as RGB: each output pixel averages the whole input pixels its span covers.
    func resized(toLongSide longSide: Int) -> DecodedImage {
        let source = channels == 3 ? self : rgb()
        let scale = Double(max(width, height)) / Double(max(1, longSide))
        guard scale > 1 else { return source }
        let spans = { (count: Int, limit: Int) in
            (0..<count).map { i in Int(Double(i) * scale)..<max(Int(Double(i) * scale) + 1, min(limit, Int(Double(i + 1) * scale))) }
        }
        return source.averaged(columns: spans(max(1, Int(Double(width) / scale)), width),
                               rows: spans(max(1, Int(Double(height) / scale)), height))
    }

    /// An RGB picture's mean over each output pixel's span of input columns and rows (spans in order,
    /// not overlapping). Each span of rows is first summed into one line (a plain vector addition),
    /// whose column spans then give a row of output pixels.
    private func averaged(columns: [Range<Int>], rows: [Range<Int>]) -> DecodedImage {
        let (outWidth, outHeight) = (columns.count, rows.count)
        let longestSpan = max(columns.map(\.count).max() ?? 1, rows.map(\.count).max() ?? 1)
        let dividers = (0...(longestSpan * longestSpan)).map { MeanDivider(max(1, $0)) }
        let lineLength = 3 * (columns.last?.upperBound ?? 0)
        let starts = columns.map { 3 * $0.lowerBound }, counts = columns.map(\.count)
        var line = [UInt32](repeating: 0, count: lineLength)
        let out = [UInt8](unsafeUninitializedCapacity: outWidth * outHeight * 3) { out, written in
            pixels.withUnsafeBufferPointer { pixels in
                line.withUnsafeMutableBufferPointer { line in
                    let line = line.baseAddress!
                    for (y, rowSpan) in rows.enumerated() {
                        line.update(repeating: 0, count: lineLength)
                        for row in rowSpan {
                            let source = pixels.baseAddress! + row * width * 3
                            for i in 0..<lineLength { line[i] &+= UInt32(source[i]) }
                        }
                        var to = out.baseAddress! + y * outWidth * 3
                        for (start, count) in zip(starts, counts) {
                            var (sums, from): ((UInt32, UInt32, UInt32), UnsafeMutablePointer<UInt32>) = ((0, 0, 0), line + start)
                            for _ in 0..<count {
                                sums = (sums.0 &+ from[0], sums.1 &+ from[1], sums.2 &+ from[2])
                                from += 3
                            }
                            let divider = dividers[rowSpan.count * count]
                            (to[0], to[1], to[2]) = (divider.mean(sums.0), divider.mean(sums.1), divider.mean(sums.2))
                            to += 3
                        }
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

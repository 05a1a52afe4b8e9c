extension DecodedImage {
    /// The luma plane (ITU-R BT.601 weights, one byte per pixel), as the face detector wants it.
    ///
    /// Uses OpenCV's `cvtColor(…, COLOR_RGB2GRAY)` fixed-point weights (4899, 9617, 1868) / 2^14 with rounding,
    /// so that detections match OpenCV's on the same pixels. A grey image is returned as it is.
    func grey() -> [UInt8] {
        guard channels == 3 else { return pixels }
        return [UInt8](unsafeUninitializedCapacity: width * height) { out, count in
            pixels.withUnsafeBufferPointer { rgb in
                for index in 0..<(width * height) {
                    out[index] = Self.luma(rgb[3 * index], rgb[3 * index + 1], rgb[3 * index + 2])
                }
            }
            count = width * height
        }
    }

    /// The luma plane of the columns `xs` and rows `ys` alone (within the picture), as `grey()` gives it.
    func grey(columns xs: Range<Int>, rows ys: Range<Int>) -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(xs.count * ys.count)
        for y in ys {
            for x in xs {
                let index = (y * width + x) * channels
                out.append(channels == 3 ? Self.luma(pixels[index], pixels[index + 1], pixels[index + 2]) : pixels[index])
            }
        }
        return out
    }

    /// One pixel's luma by OpenCV's fixed-point weights.
    @inline(__always)
    static func luma(_ r: UInt8, _ g: UInt8, _ b: UInt8) -> UInt8 {
        let sum: UInt32 = UInt32(r) * 4899 + UInt32(g) * 9617 + UInt32(b) * 1868 + 8192
        return UInt8(sum >> 14)
    }

    /// The picture with each channel through the histogram equalisation of its luma `grey` (OpenCV's
    /// `equalizeHist` table): a dark or washed-out picture spread over the whole range, hues kept.
    func equalised(grey: [UInt8]) -> DecodedImage {
        var histogram = [Int](repeating: 0, count: 256)
        for value in grey { histogram[Int(value)] += 1 }
        // The darkest level present maps to 0, the rest by the share of pixels at or below them.
        let darkest = histogram.first { $0 > 0 } ?? 0
        let spread = grey.count - darkest
        var cumulative = 0, table = [UInt8](repeating: 0, count: 256)
        for level in 0..<256 {
            cumulative += histogram[level]
            table[level] = spread <= 0 ? UInt8(level) : UInt8(max(0, min(255, ((cumulative - darkest) * 255 + spread / 2) / spread)))
        }
        var copy = self
        copy.pixels = pixels.map { table[Int($0)] }
        return copy
    }
}

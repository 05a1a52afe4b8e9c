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
                    let r = UInt32(rgb[3 * index])
                    let g = UInt32(rgb[3 * index + 1])
                    let b = UInt32(rgb[3 * index + 2])
                    out[index] = UInt8((r * 4899 + g * 9617 + b * 1868 + 8192) >> 14)
                }
            }
            count = width * height
        }
    }

    /// The picture with each channel through the histogram equalisation of its luma `grey` (OpenCV's
    /// `equalizeHist` table): a dark or washed-out picture spread over the whole range, hues kept.
    func equalised(grey: [UInt8]) -> DecodedImage {
        var histogram = [Int](repeating: 0, count: 256)
        for value in grey { histogram[Int(value)] += 1 }
        var cumulative = 0, table = [UInt8](repeating: 0, count: 256)
        let lowest = histogram.first { $0 > 0 } ?? 0
        let total = grey.count
        for level in 0..<256 {
            cumulative += histogram[level]
            let spread = total - lowest
            table[level] = spread <= 0 ? UInt8(level) : UInt8(max(0, min(255, ((cumulative - lowest) * 255 + spread / 2) / spread)))
        }
        var copy = self
        copy.pixels = pixels.map { table[Int($0)] }
        return copy
    }
}

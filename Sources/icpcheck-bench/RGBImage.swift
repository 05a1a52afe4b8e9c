import ICPCheck

/// 8-bit interleaved RGB, for making the bench photos.
struct RGBImage {
    let width: Int
    let height: Int
    let pixels: [UInt8]

    init(width: Int, height: Int, pixels: [UInt8]) {
        precondition(pixels.count == width * height * 3)
        self.width = width
        self.height = height
        self.pixels = pixels
    }

    /// Grey images get their sample copied into the three channels.
    init(_ image: DecodedImage) {
        let pixels = image.channels == 3 ? image.pixels : image.pixels.flatMap { [$0, $0, $0] }
        self.init(width: image.width, height: image.height, pixels: pixels)
    }

    /// The centred part with the aspect `aspectWidth`:`aspectHeight`, as a camera or scanner frames it.
    func cropped(toAspect aspectWidth: Int, _ aspectHeight: Int) -> RGBImage {
        var cropWidth = width, cropHeight = height
        if width * aspectHeight > height * aspectWidth {
            cropWidth = height * aspectWidth / aspectHeight
        } else {
            cropHeight = width * aspectHeight / aspectWidth
        }
        let left = (width - cropWidth) / 2, top = (height - cropHeight) / 2
        var cropped: [UInt8] = []
        cropped.reserveCapacity(cropWidth * cropHeight * 3)
        for y in top..<(top + cropHeight) {
            let start = (y * width + left) * 3
            cropped += pixels[start..<(start + cropWidth * 3)]
        }
        return RGBImage(width: cropWidth, height: cropHeight, pixels: cropped)
    }

    /// Bilinear resize to `width`×`height` (pixel centres aligned), plus grain: one uniform draw in
    /// -`grain` ... +`grain` per pixel, added to all three channels. Cameras smooth away most colour
    /// noise, so what is left in a photo is mostly luminance grain, and it lands in the full-size Y
    /// plane rather than the subsampled chroma.
    func upscaled(width outWidth: Int, height outHeight: Int, grain: Int, random: inout SplitMix64) -> [UInt8] {
        // Source index and 8-bit weight of the right/lower neighbour, per output column and row.
        func taps(_ outCount: Int, _ inCount: Int) -> [(Int, Int, Int)] {
            (0..<outCount).map { index in
                let position = max(0, (Double(index) + 0.5) * Double(inCount) / Double(outCount) - 0.5)
                let first = min(Int(position), inCount - 1)
                let weight = Int(((position - Double(first)) * 256).rounded())
                return (first, min(first + 1, inCount - 1), weight)
            }
        }
        let columns = taps(outWidth, width), rows = taps(outHeight, height)
        let steps = UInt64(2 * grain + 1)
        var bits: UInt64 = 0, bytesLeft = 0
        var output = [UInt8](repeating: 0, count: outWidth * outHeight * 3)
        output.withUnsafeMutableBufferPointer { out in
            pixels.withUnsafeBufferPointer { source in
                for (y, (top, bottom, fy)) in rows.enumerated() {
                    for (x, (left, right, fx)) in columns.enumerated() {
                        if bytesLeft == 0 { bits = random.next(); bytesLeft = 8 }
                        let noise = Int(((bits & 0xff) * steps) >> 8) - grain
                        bits >>= 8
                        bytesLeft -= 1
                        for channel in 0..<3 {
                            func at(_ row: Int, _ column: Int) -> Int {
                                Int(source[(row * width + column) * 3 + channel])
                            }
                            let upper = at(top, left) * (256 - fx) + at(top, right) * fx
                            let lower = at(bottom, left) * (256 - fx) + at(bottom, right) * fx
                            let value = (upper * (256 - fy) + lower * fy + 32768) >> 16
                            out[(y * outWidth + x) * 3 + channel] = UInt8(clamping: value + noise)
                        }
                    }
                }
            }
        }
        return output
    }
}

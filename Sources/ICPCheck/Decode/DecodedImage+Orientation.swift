extension DecodedImage {
    /// The picture as a viewer shows it, given the EXIF orientation of the stored pixels (1–8;
    /// anything else is treated as 1, "upright").
    func applyingOrientation(_ orientation: Int) -> DecodedImage {
        guard (2...8).contains(orientation) else { return self }
        let swapsAxes = orientation >= 5
        let outWidth = swapsAxes ? height : width
        let outHeight = swapsAxes ? width : height
        let (w, h, c) = (width, height, channels)
        // For each displayed pixel (x, y), the stored pixel it comes from.
        let source: (Int, Int) -> (Int, Int) =
            switch orientation {
            case 2: { x, y in (w - 1 - x, y) }  // mirrored
            case 3: { x, y in (w - 1 - x, h - 1 - y) }  // rotated 180°
            case 4: { x, y in (x, h - 1 - y) }  // flipped
            case 5: { x, y in (y, x) }  // transposed
            case 6: { x, y in (y, h - 1 - x) }  // stored rotated 90° anticlockwise
            case 7: { x, y in (w - 1 - y, h - 1 - x) }  // transversed
            default: { x, y in (w - 1 - y, x) }  // 8: stored rotated 90° clockwise
            }
        let out = [UInt8](unsafeUninitializedCapacity: pixels.count) { buffer, count in
            pixels.withUnsafeBufferPointer { stored in
                for y in 0..<outHeight {
                    for x in 0..<outWidth {
                        let (sx, sy) = source(x, y)
                        let from = (sy * w + sx) * c
                        let to = (y * outWidth + x) * c
                        for k in 0..<c { buffer[to + k] = stored[from + k] }
                    }
                }
            }
            count = pixels.count
        }
        return DecodedImage(width: outWidth, height: outHeight, channels: c, pixels: out)
    }
}

/// How much of a face box looks like skin, to tell real faces from face-like patterns in things.
///
/// Skin is the chrominance box of D. Chai and K. N. Ngan, "Face segmentation using skin-color map in
/// videophone applications", IEEE Trans. Circuits and Systems for Video Technology 9(4), 1999:
/// Cb in 77…127 and Cr in 133…173, on YCbCr from RGB by ITU-R BT.601 at full range (as in JPEG/JFIF);
/// pixels with Y ≤ 40 are too dark to judge and count as not skin. The box and the dark limit are fixed
/// properties of the published method (the rules' `portrait.min_face_skin_fraction` decides what the share means).
enum SkinTone {
    /// The share (0…1) of skin pixels in the middle of `box` (its central 60 % of the width and 70 % of the
    /// height, which leaves out hair, background and collar), clipped to the picture. `rgb` holds 3 bytes
    /// per pixel; 0 when the box misses the picture or `rgb` is too short. The insets (0.2 and 0.15 of the box
    /// on each side) are a fixed property of the measure: the Haar box reaches from brow to chin and past the cheeks.
    static func fraction(rgb: [UInt8], width: Int, height: Int, box: FaceBox) -> Double {
        mean(rgb: rgb, width: width, height: height, box: box) { r, g, b in isSkin(r: r, g: g, b: b) ? 1 : 0 }
    }

    /// Mean |Cb − 128| + |Cr − 128| (BT.601) in the same central part of the box: near 0 where the
    /// face is printed or photographed in grey, where skin colour says nothing.
    static func chroma(rgb: [UInt8], width: Int, height: Int, box: FaceBox) -> Double {
        mean(rgb: rgb, width: width, height: height, box: box, pixelChroma)
    }

    /// One pixel's |Cb − 128| + |Cr − 128| (BT.601).
    static func pixelChroma(_ r: UInt8, _ g: UInt8, _ b: UInt8) -> Double {
        let (r, g, b) = (Double(r), Double(g), Double(b))
        return abs(-0.168736 * r - 0.331264 * g + 0.5 * b) + abs(0.5 * r - 0.418688 * g - 0.081312 * b)
    }

    /// Share of the same central part that is near black (luma ≤ 60) or near white (≥ 200): print
    /// on paper or cloth is mostly one or the other; a face, even photographed in grey, is in between.
    static func printShare(rgb: [UInt8], width: Int, height: Int, box: FaceBox) -> Double {
        mean(rgb: rgb, width: width, height: height, box: box) { r, g, b in
            let luma = DecodedImage.luma(r, g, b)
            return luma <= 60 || luma >= 200 ? 1 : 0
        }
    }

    /// The mean of `value` over the box's centre: a fifth of its width off each side, 15 % of its
    /// height off the top and bottom (hair, background and collar stay out).
    private static func mean(rgb: [UInt8], width: Int, height: Int, box: FaceBox, _ value: (UInt8, UInt8, UInt8) -> Double) -> Double {
        guard rgb.count >= width * height * 3 else { return 0 }
        let insetX = Int((Double(box.width) * 0.2).rounded())
        let insetY = Int((Double(box.height) * 0.15).rounded())
        let left = max(0, box.x + insetX)
        let right = min(width, box.x + box.width - insetX)
        let top = max(0, box.y + insetY)
        let bottom = min(height, box.y + box.height - insetY)
        guard right > left, bottom > top else { return 0 }
        var total = 0.0
        rgb.withUnsafeBufferPointer { pixels in
            for y in top..<bottom {
                for x in left..<right {
                    let index = (y * width + x) * 3
                    total += value(pixels[index], pixels[index + 1], pixels[index + 2])
                }
            }
        }
        return total / Double((right - left) * (bottom - top))
    }

    /// Whether one RGB pixel falls in the skin range.
    static func isSkin(r: UInt8, g: UInt8, b: UInt8) -> Bool {
        let (r, g, b) = (Double(r), Double(g), Double(b))
        let y = 0.299 * r + 0.587 * g + 0.114 * b
        let cb = 128 - 0.168736 * r - 0.331264 * g + 0.5 * b
        let cr = 128 + 0.5 * r - 0.418688 * g - 0.081312 * b
        return y > 40 && (77...127).contains(cb) && (133...173).contains(cr)
    }
}

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
        guard rgb.count >= width * height * 3 else { return 0 }
        let insetX = Int((Double(box.width) * 0.2).rounded())
        let insetY = Int((Double(box.height) * 0.15).rounded())
        let left = max(0, box.x + insetX)
        let right = min(width, box.x + box.width - insetX)
        let top = max(0, box.y + insetY)
        let bottom = min(height, box.y + box.height - insetY)
        guard right > left, bottom > top else { return 0 }
        var skin = 0
        rgb.withUnsafeBufferPointer { pixels in
            for y in top..<bottom {
                for x in left..<right {
                    let index = (y * width + x) * 3
                    if isSkin(r: pixels[index], g: pixels[index + 1], b: pixels[index + 2]) { skin += 1 }
                }
            }
        }
        return Double(skin) / Double((right - left) * (bottom - top))
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

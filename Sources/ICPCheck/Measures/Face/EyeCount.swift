/// The eyes OpenCV's eye cascade finds in the upper part of a face box: a person's face towards the
/// camera shows one or two; a face-like pattern in print, hair or an object shows none.
enum EyeCount {
    /// Fixed properties of the method: the eyes lie in the upper 60 % of a frontal face box, and the
    /// box is resampled to 120 pixels wide, where an eye (about a fifth of the box's width) is some
    /// 24 pixels, just above the eye cascade's 20-pixel window.
    private static let upperShare = 0.6
    private static let boxWidth = 120

    /// - Parameters:
    ///   - face: the face's box in the pixels of a picture `scale` times smaller than `image`.
    static func count(in image: DecodedImage, face: FaceBox, scale: Double, detector: FaceDetector) -> Int {
        let x0 = max(0, Int(Double(face.x) * scale)), y0 = max(0, Int(Double(face.y) * scale))
        let x1 = min(image.width, Int(Double(face.x + face.width) * scale))
        let y1 = min(image.height, y0 + Int(Double(face.height) * scale * upperShare))
        guard x1 - x0 >= 4, y1 - y0 >= 4 else { return 0 }
        let (width, height) = (x1 - x0, y1 - y0)
        let crop = image.grey(columns: x0..<x1, rows: y0..<y1)
        let outHeight = max(1, height * boxWidth / width)
        var plane = [UInt8](repeating: 0, count: boxWidth * outHeight)
        crop.withUnsafeBufferPointer { source in
            plane.withUnsafeMutableBufferPointer { plane in
                BilinearResampler.resample(source, width: width, height: height, into: plane, outWidth: boxWidth, outHeight: outHeight)
            }
        }
        return detector.detect(gray: plane, width: boxWidth, height: outHeight, minFaceFraction: 0).count
    }
}

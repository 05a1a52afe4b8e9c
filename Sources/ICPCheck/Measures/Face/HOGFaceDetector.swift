import CFaceHOG

/// dlib's HOG frontal face detector (`CFaceHOG`): a second, independent detector beside the Haar
/// cascade, for the faces it misses (small faces in a crowd, a face with a mask or in hard light,
/// a photo printed on a card). Its model is compiled into libdlib, so it is always there.
enum HOGFaceDetector {
    /// The faces in `image` scoring at least `minScore`, surest first, in `image`'s pixels, with dlib's
    /// score. The picture is scanned at twice its size, for faces down to half dlib's 80-pixel window.
    static func detect(_ image: DecodedImage, minScore: Double) -> [(box: FaceBox, score: Double)] {
        let grey = image.grey()
        var found = [fh_face](repeating: fh_face(), count: 32)
        // Twice the size in each direction; more is no picture the rules scan.
        let count = grey.withUnsafeBufferPointer { pixels in
            fh_detect(pixels.baseAddress, Int32(image.width), Int32(image.height), Int32(image.width), 1, minScore,
                      4 * 4096 * 4096, &found, Int32(found.count))
        }
        guard count > 0 else { return [] }
        return found.prefix(Int(min(count, Int32(found.count)))).map { face in
            (FaceBox(x: Int(face.left), y: Int(face.top), width: Int(face.width), height: Int(face.height), neighbors: 0), face.score)
        }
    }
}

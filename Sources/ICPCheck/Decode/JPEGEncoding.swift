internal import CImageCodecs

extension JPEGCodec {
    /// The picture as a baseline JPEG of `quality` (1–100), encoded by libjpeg through the guarded
    /// shim: the review report's thumbnails.
    /// - Throws: `ICPCheckError` when the picture has no pixels, is neither grey nor RGB, or libjpeg fails.
    static func encode(_ image: DecodedImage, quality: Int) throws(ICPCheckError) -> [UInt8] {
        var output: UnsafeMutablePointer<UInt8>?
        var size: UInt = 0
        var rawDiagnostics = cic_diagnostics()
        let ok = image.pixels.withUnsafeBytes { pixels in
            guard let base = pixels.baseAddress else { return false }
            return cic_jpeg_encode(
                base, Int32(image.width), Int32(image.height), Int32(image.channels), Int32(min(100, max(1, quality))),
                &output, &size, &rawDiagnostics)
        }
        defer { cic_free(output) }
        guard ok, let output else { throw error(from: CodecDiagnostics(rawDiagnostics)) }
        return Array(UnsafeBufferPointer(start: output, count: Int(size)))
    }
}

internal import CImageCodecs

/// What libwebp reads from a WebP's first chunks.
struct WebPHeader: Sendable, Equatable {
    var width: Int
    var height: Int
    var hasAlpha: Bool
    var animated: Bool
    var lossless: Bool
}

/// libwebp through the shim. A WebP is no upload format the providers take (the file gets
/// `format.unsupported` all the same), but what it shows still tells the applicant which material
/// it is and what else is wrong with it.
enum WebPCodec {
    static func readHeader(_ bytes: [UInt8]) throws(ICPCheckError) -> WebPHeader {
        guard !bytes.isEmpty else { throw error(from: nil) }
        var raw = cic_webp_header()
        var rawDiagnostics = cic_diagnostics()
        let ok = bytes.withUnsafeBytes { cic_webp_read_header($0.baseAddress!, $0.count, &raw, &rawDiagnostics) }
        guard ok else { throw error(from: CodecDiagnostics(rawDiagnostics)) }
        return WebPHeader(width: Int(raw.width), height: Int(raw.height), hasAlpha: raw.has_alpha, animated: raw.animated, lossless: raw.lossless)
    }

    /// Decodes the image to 8-bit RGB of ceil(width / scale) × ceil(height / scale) pixels (scale 1,
    /// 2, 4 or 8, as the other codecs shrink), transparent pixels over white. Refuses sizes over
    /// `limits` before decoding.
    static func decode(_ bytes: [UInt8], scale: Int = 1, limits: DecodeLimits = DecodeLimits()) throws(ICPCheckError) -> DecodedImage {
        precondition([1, 2, 4, 8].contains(scale), "WebP scale must be 1, 2, 4 or 8")
        let header = try readHeader(bytes)
        try limits.check(width: header.width, height: header.height)
        let width = (header.width + scale - 1) / scale, height = (header.height + scale - 1) / scale
        // libwebp writes four bytes a pixel; the shim packs them to three in place.
        let capacity = width * height * 4
        var rawDiagnostics = cic_diagnostics()
        let white: [UInt8] = [255, 255, 255]
        var ok = false
        var rgb = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
            ok = bytes.withUnsafeBytes { data in
                white.withUnsafeBufferPointer { background in
                    cic_webp_decode(
                        data.baseAddress!, data.count, UInt32(width), UInt32(height), background.baseAddress!,
                        buffer.baseAddress!, capacity, &rawDiagnostics)
                }
            }
            // The shim writes every byte when it succeeds; on failure the buffer is dropped.
            count = ok ? capacity : 0
        }
        guard ok else { throw error(from: CodecDiagnostics(rawDiagnostics)) }
        rgb.removeLast(capacity - width * height * 3)
        return DecodedImage(width: width, height: height, channels: 3, pixels: rgb)
    }

    private static func error(from diagnostics: CodecDiagnostics?) -> ICPCheckError {
        let text = diagnostics?.error ?? "empty input"
        let truncated = diagnostics == nil || text.contains("not enough data")
        return ICPCheckError(
            code: truncated ? FindingCode.truncated : FindingCode.corrupt,
            message: truncated
                ? "The WebP file ends before its image data is complete; upload the original file again."
                : "The WebP data is damaged or an animation, and cannot be decoded; upload the original file again.",
            messageZh: truncated ? "文件不完整（数据提前结束），请重新上传原文件。" : "WebP 图片数据已损坏或为动画，无法解码，请重新上传原文件。",
            underlying: text)
    }
}

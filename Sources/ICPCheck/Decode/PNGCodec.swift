internal import CImageCodecs

/// What libpng reads from a PNG's chunks before the image data.
struct PNGHeader: Sendable, Equatable {
    var width: Int
    var height: Int
    var bitDepth: Int
    /// 0 grey, 2 RGB, 3 palette, 4 grey + alpha, 6 RGBA.
    var colorType: Int
    var interlaced: Bool
    var hasTransparency: Bool
    /// From pHYs when its unit is the metre.
    var dpi: Double?
    /// An APNG animation (acTL chunk).
    var animated: Bool

    var colorName: String { Self.colorName(ofType: colorType) }

    /// The manifest's name for a PNG colour type.
    static func colorName(ofType colorType: Int) -> String {
        switch colorType {
        case 0: "grayscale"
        case 2: "rgb"
        case 3: "palette"
        case 4: "grayscale_alpha"
        case 6: "rgba"
        default: "unknown"
        }
    }
}

/// libpng through the guarded shim: header probe and row-by-row decode to 8-bit RGB, shrunk on the way.
enum PNGCodec {
    /// Reads the chunks before the image data. Calls `png_read_info` through `cic_png_read_header`.
    ///
    /// Any size the format allows is reported here; the caller compares it with its limits.
    static func readHeader(_ bytes: [UInt8], limits: DecodeLimits = DecodeLimits()) throws(ICPCheckError) -> (
        PNGHeader, CodecDiagnostics
    ) {
        guard !bytes.isEmpty else { throw error(from: nil) }
        var raw = cic_png_header()
        var rawDiagnostics = cic_diagnostics()
        var codecLimits = Self.codecLimits(limits, maxDimension: Int(Int32.max))
        let ok = bytes.withUnsafeBytes {
            cic_png_read_header($0.baseAddress!, $0.count, &codecLimits, &raw, &rawDiagnostics)
        }
        let diagnostics = CodecDiagnostics(rawDiagnostics)
        guard ok else { throw error(from: diagnostics) }
        let metresPerInch = 0.0254
        let header = PNGHeader(
            width: Int(raw.width), height: Int(raw.height), bitDepth: Int(raw.bit_depth),
            colorType: Int(raw.color_type), interlaced: raw.interlace_method != 0, hasTransparency: raw.has_trns,
            dpi: raw.has_phys && raw.phys_unit == 1 ? (Double(raw.x_pixels_per_unit) * metresPerInch) : nil,
            animated: raw.has_actl)
        return (header, diagnostics)
    }

    /// Decodes the image to 8-bit RGB, shrunk by `scale` (1, 2, 4 or 8: each pixel the mean of its
    /// scale × scale block, ceil(width / scale) × ceil(height / scale) pixels); transparent pixels
    /// are shown over white, as a reviewer's viewer shows them, before they are averaged.
    ///
    /// Refuses sizes over `limits` and ancillary chunks over `limits.maxPNGAncillaryBytes` before
    /// decoding. Calls `png_read_row` and `png_read_end` through `cic_png_decode`, which never holds
    /// the picture at full size unless `scale` is 1.
    static func decode(_ bytes: [UInt8], scale: Int = 1, limits: DecodeLimits = DecodeLimits()) throws(ICPCheckError)
        -> (DecodedImage, CodecDiagnostics)
    {
        precondition([1, 2, 4, 8].contains(scale), "PNG scale must be 1, 2, 4 or 8")
        let (header, _) = try readHeader(bytes, limits: limits)
        try limits.check(width: header.width, height: header.height)
        try checkAncillaryBytes(bytes, limits: limits)
        let width = (header.width + scale - 1) / scale, height = (header.height + scale - 1) / scale
        let capacity = width * height * 3
        var codecLimits = Self.codecLimits(limits, maxDimension: limits.maxDimension)
        var output = cic_png_output()
        var rawDiagnostics = cic_diagnostics()
        let white: [UInt8] = [255, 255, 255]
        var ok = false
        let rgb = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
            ok = bytes.withUnsafeBytes { data in
                white.withUnsafeBufferPointer { background in
                    cic_png_decode(
                        data.baseAddress!, data.count, &codecLimits, UInt32(scale), background.baseAddress!,
                        buffer.baseAddress, capacity, &output, &rawDiagnostics)
                }
            }
            // The shim writes every byte when it succeeds; on failure the buffer is dropped.
            count = ok && Int(output.width) == width && Int(output.height) == height ? capacity : 0
        }
        let diagnostics = CodecDiagnostics(rawDiagnostics)
        guard ok, rgb.count == capacity else { throw error(from: diagnostics) }
        return (DecodedImage(width: width, height: height, channels: 3, pixels: rgb), diagnostics)
    }

    private static func codecLimits(_ limits: DecodeLimits, maxDimension: Int) -> cic_png_limits {
        cic_png_limits(
            max_dimension: UInt32(clamping: maxDimension), max_chunk_bytes: limits.maxPNGChunkBytes,
            max_stored_chunks: UInt32(clamping: limits.maxStoredPNGChunks))
    }

    /// Metadata is read, CRC-checked and perhaps kept by libpng; a file made mostly of it costs
    /// work for nothing, so its total is capped. Chunks that run past the end are damage, left to libpng.
    private static func checkAncillaryBytes(_ bytes: [UInt8], limits: DecodeLimits) throws(ICPCheckError) {
        let total = PNGChunks.ancillaryByteCount(bytes)
        if total > limits.maxPNGAncillaryBytes {
            throw .tooCostly(
                cap: "PNG ancillary chunk bytes", value: total, limit: limits.maxPNGAncillaryBytes, unit: "bytes")
        }
    }

    private static func error(from diagnostics: CodecDiagnostics?) -> ICPCheckError {
        let text = diagnostics?.error ?? "empty input"
        // libpng's texts for data that runs out: our reader's own, and "Not enough image data".
        let truncated = diagnostics == nil || text.contains("truncated") || text.contains("Not enough image data")
        return ICPCheckError(
            code: truncated ? FindingCode.truncated : FindingCode.corrupt,
            message: truncated
                ? "The PNG file ends before its image data is complete; upload the original file again."
                : "The PNG data is damaged and cannot be decoded; upload the original file again.",
            messageZh: truncated ? "文件不完整（数据提前结束），请重新上传原文件。" : "图片数据已损坏，无法解码，请重新上传原文件。",
            underlying: text)
    }
}

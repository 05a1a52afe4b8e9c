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

/// libpng through the guarded shim: header probe and full decode to 8-bit RGB.
enum PNGCodec {
    /// Reads the chunks before the image data. Calls `png_read_info` through `cic_png_read_header`.
    ///
    /// Any size the format allows is reported here; the caller compares it with its limits.
    static func readHeader(_ bytes: [UInt8]) throws(ICPCheckError) -> (PNGHeader, CodecDiagnostics) {
        guard !bytes.isEmpty else { throw error(from: nil) }
        var raw = cic_png_header()
        var rawDiagnostics = cic_diagnostics()
        let ok = bytes.withUnsafeBytes {
            cic_png_read_header($0.baseAddress!, $0.count, UInt32(Int32.max), &raw, &rawDiagnostics)
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

    /// Decodes the whole image (PNG has no scaled decode) to 8-bit RGB; transparent pixels are
    /// shown over white, as a reviewer's viewer shows them.
    ///
    /// Calls `png_read_image` and `png_read_end` through `cic_png_decode`, after checking the
    /// header against `limits`.
    static func decode(_ bytes: [UInt8], limits: DecodeLimits = DecodeLimits()) throws(ICPCheckError) -> (
        DecodedImage, CodecDiagnostics
    ) {
        let (header, _) = try readHeader(bytes)
        try limits.check(width: header.width, height: header.height)
        let capacity = header.width * header.height * 4
        var channels: Int32 = 0
        var rawDiagnostics = cic_diagnostics()
        var ok = false
        var rgba = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
            ok = bytes.withUnsafeBytes {
                cic_png_decode(
                    $0.baseAddress!, $0.count, UInt32(limits.maxDimension), buffer.baseAddress!, capacity, &channels,
                    &rawDiagnostics)
            }
            count = ok ? header.width * header.height * Int(channels) : 0
        }
        let diagnostics = CodecDiagnostics(rawDiagnostics)
        guard ok else { throw error(from: diagnostics) }
        if channels == 4 { rgba = flattenOverWhite(rgba) }
        return (DecodedImage(width: header.width, height: header.height, channels: 3, pixels: rgba), diagnostics)
    }

    private static func flattenOverWhite(_ rgba: [UInt8]) -> [UInt8] {
        let pixelCount = rgba.count / 4
        return [UInt8](unsafeUninitializedCapacity: pixelCount * 3) { rgb, count in
            rgba.withUnsafeBufferPointer { source in
                for i in 0..<pixelCount {
                    let alpha = UInt32(source[4 * i + 3])
                    for c in 0..<3 {
                        let value = UInt32(source[4 * i + c]) * alpha + 255 * (255 - alpha)
                        rgb[3 * i + c] = UInt8((value + 127) / 255)
                    }
                }
            }
            count = pixelCount * 3
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
            underlying: text)
    }
}

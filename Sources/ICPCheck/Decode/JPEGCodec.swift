internal import CImageCodecs

/// What libjpeg reads from a JPEG's markers, without decoding pixels.
struct JPEGHeader: Sendable, Equatable {
    var width: Int
    var height: Int
    var components: Int
    /// `grayscale`, `ycbcr`, `rgb`, `cmyk`, `ycck` or `unknown`.
    var colorSpace: String
    var precision: Int
    var progressive: Bool
    var arithmetic: Bool
    /// From the JFIF APP0 density, when it gives a unit.
    var dpi: Double?
    /// 8×8 blocks over all components.
    var frameBlocks: Int = 0
    /// The whole-image coefficient buffer a multi-scan file needs before its first scan; 0 for one scan.
    var coefficientBytes: Int = 0
}

/// libjpeg-turbo through the guarded shim: header probe and DCT-scaled decode.
enum JPEGCodec {
    /// Reads the header. Calls `jpeg_read_header` through `cic_jpeg_read_header`.
    /// - Returns: the header and any warnings libjpeg gave while reading it.
    static func readHeader(_ bytes: [UInt8]) throws(ICPCheckError) -> (JPEGHeader, CodecDiagnostics) {
        guard !bytes.isEmpty else { throw emptyInput }
        var raw = cic_jpeg_header()
        var rawDiagnostics = cic_diagnostics()
        let ok = bytes.withUnsafeBytes { cic_jpeg_read_header($0.baseAddress!, $0.count, &raw, &rawDiagnostics) }
        let diagnostics = CodecDiagnostics(rawDiagnostics)
        guard ok else { throw error(from: diagnostics) }
        var dpi: Double?
        if raw.density_unit == 1 { dpi = Double(raw.x_density) }
        if raw.density_unit == 2 { dpi = Double(raw.x_density) * 2.54 }
        let header = JPEGHeader(
            width: Int(raw.width), height: Int(raw.height), components: Int(raw.components),
            colorSpace: colorSpaceName(raw.color_space), precision: Int(raw.precision),
            progressive: raw.progressive, arithmetic: raw.arithmetic, dpi: dpi, frameBlocks: Int(raw.frame_blocks),
            coefficientBytes: Int(raw.coefficient_bytes))
        return (header, diagnostics)
    }

    /// The largest DCT scaling denominator (8, 4, 2 or 1) that keeps the long side at least
    /// `targetLongSide` pixels; 1 when no target is given.
    static func scaleDenominator(width: Int, height: Int, targetLongSide: Int?) -> Int {
        guard let targetLongSide else { return 1 }
        let longSide = max(width, height)
        return [8, 4, 2].first { (longSide + $0 - 1) / $0 >= targetLongSide } ?? 1
    }

    /// Decodes at 1/`scaleDenominator` of the stored size, grey staying grey unless `forceRGB`.
    ///
    /// Calls `jpeg_start_decompress`, `jpeg_read_scanlines` and `jpeg_finish_decompress` through
    /// `cic_jpeg_decode`.
    /// - Returns: the pixels and libjpeg's warnings (corrupt data the decoder worked around).
    static func decode(
        _ bytes: [UInt8], scaleDenominator: Int = 1, forceRGB: Bool = false, limits: DecodeLimits = DecodeLimits()
    ) throws(ICPCheckError) -> (DecodedImage, CodecDiagnostics) {
        guard !bytes.isEmpty else { throw emptyInput }
        var output = cic_jpeg_output()
        var rawDiagnostics = cic_diagnostics()
        var codecLimits = cic_jpeg_limits(
            max_scans: Int32(limits.maxScans), max_scan_passes: Int32(clamping: limits.maxScanPasses),
            max_memory: limits.maxCodecMemory)
        let sized = bytes.withUnsafeBytes {
            cic_jpeg_decode(
                $0.baseAddress!, $0.count, UInt32(scaleDenominator), forceRGB, &codecLimits, nil, 0, &output,
                &rawDiagnostics)
        }
        guard sized else { throw error(from: CodecDiagnostics(rawDiagnostics)) }
        let width = Int(output.width), height = Int(output.height), channels = Int(output.components)
        let capacity = width * height * channels
        var failure: CodecDiagnostics?
        // Uninitialised: libjpeg writes every byte, and on failure the buffer is dropped.
        let pixels = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
            let ok = bytes.withUnsafeBytes {
                cic_jpeg_decode(
                    $0.baseAddress!, $0.count, UInt32(scaleDenominator), forceRGB, &codecLimits, buffer.baseAddress,
                    capacity, &output, &rawDiagnostics)
            }
            if !ok { failure = CodecDiagnostics(rawDiagnostics) }
            count = ok ? capacity : 0
        }
        if let failure {
            throw costError(from: failure, output: output, bytes: bytes, limits: limits) ?? error(from: failure)
        }
        let image = DecodedImage(width: width, height: height, channels: channels, pixels: pixels)
        return (image, CodecDiagnostics(rawDiagnostics))
    }

    /// `format.too_costly` when the decode stopped at one of `limits`' caps, nil for damage.
    private static func costError(
        from diagnostics: CodecDiagnostics, output: cic_jpeg_output, bytes: [UInt8], limits: DecodeLimits
    ) -> ICPCheckError? {
        switch diagnostics.errorCode {
        case Int(CIC_ERROR_TOO_MANY_SCANS):
            return .tooCostly(
                cap: "JPEG scans", value: Int(output.scans), limit: limits.maxScans, unit: "scans",
                codecText: diagnostics.error)
        case Int(CIC_ERROR_SCAN_WORK):
            let frameBlocks = (try? readHeader(bytes).0.frameBlocks) ?? 0
            return .tooCostly(
                cap: "JPEG scan work (\(limits.maxScanPasses) passes over \(frameBlocks) blocks)",
                value: Int(output.scan_blocks), limit: limits.maxScanPasses * frameBlocks, unit: "blocks",
                codecText: diagnostics.error)
        case Int(JERR_NO_BACKING_STORE.rawValue):
            // jmemnobs.c: the coefficient buffer did not fit under max_memory_to_use.
            let needed = (try? readHeader(bytes).0.coefficientBytes) ?? 0
            return .tooCostly(
                cap: "JPEG coefficient memory", value: needed, limit: limits.maxCodecMemory, unit: "bytes",
                codecText: diagnostics.error)
        default:
            return nil
        }
    }

    /// libjpeg's warning code for "Premature end of JPEG file".
    static let prematureEndCode = Int(JWRN_JPEG_EOF.rawValue)

    private static let emptyInput = ICPCheckError(code: FindingCode.truncated, message: "The file is empty.", messageZh: "文件不完整（数据提前结束），请重新上传原文件。")

    static func error(from diagnostics: CodecDiagnostics) -> ICPCheckError {
        if diagnostics.errorCode == Int(JERR_BAD_PRECISION.rawValue) {
            return ICPCheckError(
                code: FindingCode.unsupported,
                message: "This JPEG uses a sample precision this decoder cannot read; save it as an ordinary 8-bit JPEG.",
                messageZh: "不支持该文件格式，请另存为 JPG 或 PNG 后上传。", underlying: diagnostics.error)
        }
        // Data that ran out (with libjpeg's "premature end" warning) or that could not be read at all.
        let truncated =
            (diagnostics.warningCount > 0 && diagnostics.warningCode == prematureEndCode)
            || diagnostics.errorCode == Int(JERR_INPUT_EMPTY.rawValue)
        return ICPCheckError(
            code: truncated ? FindingCode.truncated : FindingCode.corrupt,
            message: truncated
                ? "The JPEG file ends before its image data is complete; upload the original file again."
                : "The JPEG data is damaged and cannot be decoded; upload the original file again.",
            messageZh: truncated ? "文件不完整（数据提前结束），请重新上传原文件。" : "图片数据已损坏，无法解码，请重新上传原文件。",
            underlying: diagnostics.error)
    }

    private static func colorSpaceName(_ space: Int32) -> String {
        switch UInt32(bitPattern: space) {
        case JCS_GRAYSCALE.rawValue: "grayscale"
        case JCS_YCbCr.rawValue: "ycbcr"
        case JCS_RGB.rawValue: "rgb"
        case JCS_CMYK.rawValue: "cmyk"
        case JCS_YCCK.rawValue: "ycck"
        default: "unknown"
        }
    }
}

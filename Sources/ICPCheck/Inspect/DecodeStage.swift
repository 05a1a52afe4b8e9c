/// The EXIF and decode steps of one file, collecting the decode's facts (scale, decoded size) and the
/// codecs' findings. Judging the pixels, editing traces included, comes after, on what this leaves.
struct DecodeStage {
    let bytes: [UInt8]
    let options: InspectOptions
    var exif: ExifSummary?
    /// The EXIF thumbnail's bytes, kept for the editing measures.
    var thumbnail: [UInt8]?
    var image: DecodedImage?
    var measures: [String: Double] = [:]
    var findings: [Finding] = []

    init(bytes: [UInt8], options: InspectOptions) {
        self.bytes = bytes
        self.options = options
    }

    /// The EXIF orientation the pixels are turned by; 1 (upright) when the file records none.
    var orientation: Int { exif?.orientation ?? 1 }

    mutating func readExif(format: ImageFormat) {
        guard let block = ExifReader.exifBlock(in: bytes, format: format) else { return }
        let (summary, thumbnail, diagnostics) = ExifReader.read(block)
        exif = summary
        self.thumbnail = thumbnail
        if diagnostics.warningCount > 0 { findings.append(.exifCorrupt(diagnostics)) }
    }

    /// Reads the EXIF block, then decodes the pixels upright, of a file sniffed as `detected` (decodable).
    mutating func decode(_ detected: ImageFormat, into format: inout FormatInfo) {
        readExif(format: detected)
        switch detected {
        case .jpeg: decodeJPEG(into: &format)
        case .webp: decodeWebP(into: &format)
        default: decodePNG(into: &format)
        }
    }

    mutating func decodeJPEG(into format: inout FormatInfo) {
        let limits = options.limits
        do {
            let (header, _) = try JPEGCodec.readHeader(bytes)
            format.width = header.width
            format.height = header.height
            format.bitDepth = header.precision
            format.color = header.colorSpace
            format.progressive = header.progressive
            format.dpi = header.dpi
            try limits.check(width: header.width, height: header.height)
            let denominator = JPEGCodec.scaleDenominator(
                width: header.width, height: header.height, targetLongSide: options.workingLongSide)
            let (decoded, diagnostics) = try JPEGCodec.decode(bytes, scaleDenominator: denominator, limits: limits)
            measures["decode_scale"] = 1 / Double(denominator)
            if diagnostics.warningCount > 0 {
                let truncated = diagnostics.warningCode == JPEGCodec.prematureEndCode
                findings.append(truncated ? .truncatedButDecoded(diagnostics) : .corruptData(diagnostics))
            }
            accept(decoded)
        } catch {
            // libjpeg refused the header: the marker walk may still know the stored size.
            if format.width == nil, let frame = JPEGMarkers(bytes).frame {
                format.width = frame.width
                format.height = frame.height
                format.bitDepth = frame.precision
                format.progressive = frame.progressive
            }
            findings.append(Finding(error))
        }
    }

    mutating func decodePNG(into format: inout FormatInfo) {
        do {
            let (header, _) = try PNGCodec.readHeader(bytes, limits: options.limits)
            format.width = header.width
            format.height = header.height
            format.bitDepth = header.bitDepth
            format.color = header.colorName
            format.interlaced = header.interlaced
            format.dpi = header.dpi
            if header.animated { findings.append(.animated) }
            // The same rule as the JPEG's DCT scaling: the largest factor that keeps the working long side.
            let factor = JPEGCodec.scaleDenominator(
                width: header.width, height: header.height, targetLongSide: options.workingLongSide)
            let (decoded, diagnostics) = try PNGCodec.decode(bytes, scale: factor, limits: options.limits)
            measures["decode_scale"] = 1 / Double(factor)
            if diagnostics.warningCount > 0 { findings.append(.ancillaryChunkWarning(diagnostics)) }
            accept(decoded)
        } catch {
            // libpng refused the file: its IHDR bytes may still tell the stored size.
            if format.width == nil, let header = PNGChunks(bytes).imageHeader {
                format.width = header.width
                format.height = header.height
                format.bitDepth = header.bitDepth
                format.color = PNGHeader.colorName(ofType: header.colorType)
                format.interlaced = header.interlaced
            }
            findings.append(Finding(error))
        }
    }

    mutating func decodeWebP(into format: inout FormatInfo) {
        do {
            let header = try WebPCodec.readHeader(bytes)
            format.width = header.width
            format.height = header.height
            format.bitDepth = 8
            format.color = header.hasAlpha ? "rgba" : "rgb"
            if header.animated { findings.append(.animated) }
            let factor = JPEGCodec.scaleDenominator(
                width: header.width, height: header.height, targetLongSide: options.workingLongSide)
            let decoded = try WebPCodec.decode(bytes, scale: factor, limits: options.limits)
            measures["decode_scale"] = 1 / Double(factor)
            accept(decoded)
        } catch {
            findings.append(Finding(error))
        }
    }

    /// Keeps the decoded pixels upright, as a viewer shows them.
    private mutating func accept(_ decoded: DecodedImage) {
        let upright = decoded.applyingOrientation(orientation)
        measures["decoded_width"] = Double(upright.width)
        measures["decoded_height"] = Double(upright.height)
        image = upright
    }
}

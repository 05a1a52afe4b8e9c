/// What the editing measures found in one file: numbers only, nil where a measure does not apply or the
/// file does not allow it. What they mean for an upload is decided by the rules, not here.
struct EditingMeasurement: Sendable, Equatable {
    /// The IJG quality (1…100) nearest to the file's luminance table; JPEGs that decoded only.
    var jpegQuality: Double?
    /// Whether every table is exactly libjpeg's at `jpegQuality`; JPEGs that decoded only.
    var jpegTablesIJG: Bool?
    /// The EXIF thumbnail's size as its JPEG header gives it, when it has a readable one.
    var exifThumbnailWidth: Int?
    var exifThumbnailHeight: Int?
    /// Mean absolute difference (0…255) between the thumbnail and the decoded picture.
    var thumbnailDifference: Double?
    /// Width over height of the picture as stored, before orientation (the thumbnail is stored the same way).
    var storedAspect: Double?
}

/// Traces of editing and re-saving, measured on a file after it was decoded.
enum EditingMeasures {
    /// - Parameters:
    ///   - bytes: the whole file.
    ///   - format: what the header (or, when the codec refused the file, the marker or chunk walk) said:
    ///     the container and the stored size.
    ///   - thumbnail: the EXIF IFD1 thumbnail's bytes, when the file has one.
    ///   - image: the decoded picture, upright; nil when the file could not be decoded.
    ///   - orientation: the file's EXIF orientation (1 when it has none).
    static func measure(
        bytes: [UInt8], format: FormatInfo, thumbnail: [UInt8]?, image: DecodedImage?, orientation: Int
    ) -> EditingMeasurement {
        var measurement = EditingMeasurement()
        // Editors often keep the camera's thumbnail, whose shape then no longer fits a cropped picture.
        if let thumbnail, ImageFormat.sniff(thumbnail) == .jpeg, let header = try? JPEGCodec.readHeader(thumbnail).0,
            header.height > 0
        {
            measurement.exifThumbnailWidth = header.width
            measurement.exifThumbnailHeight = header.height
        }
        if let width = format.width, let height = format.height, height > 0 {
            measurement.storedAspect = Double(width) / Double(height)
        }
        // Measures of the pixels and of the tables the pixels were coded with need a file that decodes:
        // a quality read from a file that cannot be shown would describe nothing an upload contains.
        guard let image else { return measurement }
        if format.detected == .jpeg, let tables = QuantizationTables.read(bytes) {
            measurement.jpegQuality = tables.estimatedQuality()
            measurement.jpegTablesIJG = tables.matchesIJGExactly()
        }
        if let thumbnail {
            measurement.thumbnailDifference = ThumbnailComparison.difference(
                thumbnail: thumbnail, image: image, orientation: orientation)
        }
        return measurement
    }
}

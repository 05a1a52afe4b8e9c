internal import CImageCodecs

/// Reads the EXIF fields of `ExifSummary` through libexif.
enum ExifReader {
    /// The EXIF block of a JPEG (APP1) or PNG (eXIf), found without decoding the image.
    /// - Returns: the block in libexif's expected form, starting with `Exif\0\0`.
    static func exifBlock(in bytes: [UInt8], format: ImageFormat) -> [UInt8]? {
        switch format {
        case .jpeg: JPEGMarkers(bytes).exif.map(Array.init)
        // PNG stores the TIFF structure bare; libexif wants the APP1 header in front.
        case .png: PNGChunks(bytes).exif.map { Array("Exif".utf8) + [0, 0] + $0 }
        default: nil
        }
    }

    /// Parses an EXIF block. Calls `exif_data_load_data` through `cic_exif_load`.
    /// - Returns: the summary (nil when libexif found no EXIF structure), the thumbnail's bytes, and
    ///   libexif's complaints.
    static func read(_ block: [UInt8]) -> (ExifSummary?, thumbnail: [UInt8]?, CodecDiagnostics) {
        var rawDiagnostics = cic_diagnostics()
        guard !block.isEmpty,
            let data = block.withUnsafeBytes({ cic_exif_load($0.baseAddress!, $0.count, &rawDiagnostics) })
        else { return (nil, nil, CodecDiagnostics(rawDiagnostics)) }
        defer { exif_data_unref(data) }
        let diagnostics = CodecDiagnostics(rawDiagnostics)
        let tags = ExifTags(data: data)
        var summary = ExifSummary()
        summary.orientation = tags.integer(EXIF_TAG_ORIENTATION, in: EXIF_IFD_0)
        summary.make = tags.text(EXIF_TAG_MAKE, in: EXIF_IFD_0)
        summary.model = tags.text(EXIF_TAG_MODEL, in: EXIF_IFD_0)
        summary.software = tags.text(EXIF_TAG_SOFTWARE, in: EXIF_IFD_0)
        summary.modifyDate = tags.text(EXIF_TAG_DATE_TIME, in: EXIF_IFD_0)
        summary.datetimeOriginal = tags.text(EXIF_TAG_DATE_TIME_ORIGINAL, in: EXIF_IFD_EXIF)
        summary.createDate = tags.text(EXIF_TAG_DATE_TIME_DIGITIZED, in: EXIF_IFD_EXIF)
        summary.xResolution = tags.rationals(EXIF_TAG_X_RESOLUTION, in: EXIF_IFD_0)?.first
        summary.yResolution = tags.rationals(EXIF_TAG_Y_RESOLUTION, in: EXIF_IFD_0)?.first
        summary.resolutionUnit = tags.integer(EXIF_TAG_RESOLUTION_UNIT, in: EXIF_IFD_0)
        // libexif spells the GPS tags as plain integer macros.
        let gps = { (tag: Int32) in ExifTag(rawValue: UInt32(tag)) }
        summary.gpsLatitude = tags.coordinate(
            gps(EXIF_TAG_GPS_LATITUDE), reference: gps(EXIF_TAG_GPS_LATITUDE_REF), negative: "S")
        summary.gpsLongitude = tags.coordinate(
            gps(EXIF_TAG_GPS_LONGITUDE), reference: gps(EXIF_TAG_GPS_LONGITUDE_REF), negative: "W")
        var thumbnail: [UInt8]?
        if let bytes = data.pointee.data, data.pointee.size > 0 {
            summary.thumbnailBytes = Int(data.pointee.size)
            thumbnail = Array(UnsafeBufferPointer(start: bytes, count: Int(data.pointee.size)))
        }
        return (summary, thumbnail, diagnostics)
    }
}

/// Typed access to the entries of one parsed `ExifData`, valid while it lives.
private struct ExifTags {
    let data: UnsafeMutablePointer<ExifData>
    let byteOrder: ExifByteOrder

    init(data: UnsafeMutablePointer<ExifData>) {
        self.data = data
        self.byteOrder = exif_data_get_byte_order(data)
    }

    private func entry(_ tag: ExifTag, in ifd: ExifIfd) -> UnsafeMutablePointer<ExifEntry>? {
        let content = withUnsafeBytes(of: data.pointee.ifd) { raw in
            raw.bindMemory(to: UnsafeMutablePointer<ExifContent>?.self)[Int(ifd.rawValue)]
        }
        guard let content, let entry = exif_content_get_entry(content, tag), entry.pointee.data != nil else {
            return nil
        }
        return entry
    }

    /// An ASCII value without its trailing NULs and spaces; nil when absent or empty.
    func text(_ tag: ExifTag, in ifd: ExifIfd) -> String? {
        guard let entry = entry(tag, in: ifd), entry.pointee.format == EXIF_FORMAT_ASCII else { return nil }
        let bytes = UnsafeBufferPointer(start: entry.pointee.data, count: Int(entry.pointee.size))
        let end = bytes.firstIndex(of: 0) ?? bytes.count
        var value = String(decoding: bytes[..<end], as: UTF8.self)
        while value.last == " " { value.removeLast() }
        return value.isEmpty ? nil : value
    }

    /// The first value of a SHORT or LONG entry.
    func integer(_ tag: ExifTag, in ifd: ExifIfd) -> Int? {
        guard let entry = entry(tag, in: ifd), entry.pointee.components >= 1 else { return nil }
        let raw = entry.pointee.data!
        switch entry.pointee.format {
        case EXIF_FORMAT_SHORT where entry.pointee.size >= 2: return Int(exif_get_short(raw, byteOrder))
        case EXIF_FORMAT_LONG where entry.pointee.size >= 4: return Int(exif_get_long(raw, byteOrder))
        default: return nil
        }
    }

    /// The values of a RATIONAL or SRATIONAL entry; a zero denominator makes the entry unusable.
    func rationals(_ tag: ExifTag, in ifd: ExifIfd) -> [Double]? {
        guard let entry = entry(tag, in: ifd) else { return nil }
        let raw = entry.pointee.data!
        let count = min(Int(entry.pointee.components), Int(entry.pointee.size) / 8)
        var values: [Double] = []
        for i in 0..<count {
            let item = raw + 8 * i
            switch entry.pointee.format {
            case EXIF_FORMAT_RATIONAL:
                let r = exif_get_rational(item, byteOrder)
                guard r.denominator != 0 else { return nil }
                values.append(Double(r.numerator) / Double(r.denominator))
            case EXIF_FORMAT_SRATIONAL:
                let r = exif_get_srational(item, byteOrder)
                guard r.denominator != 0 else { return nil }
                values.append(Double(r.numerator) / Double(r.denominator))
            default: return nil
            }
        }
        return values.isEmpty ? nil : values
    }

    /// Degrees, minutes and seconds with an N/S or E/W reference, as signed decimal degrees.
    func coordinate(_ tag: ExifTag, reference: ExifTag, negative: String) -> Double? {
        guard let parts = rationals(tag, in: EXIF_IFD_GPS), !parts.isEmpty else { return nil }
        let units = [1.0, 60.0, 3600.0]
        let degrees = zip(parts.prefix(3), units).reduce(0) { $0 + $1.0 / $1.1 }
        let sign = text(reference, in: EXIF_IFD_GPS)?.uppercased().hasPrefix(negative) == true ? -1.0 : 1.0
        return sign * degrees
    }
}

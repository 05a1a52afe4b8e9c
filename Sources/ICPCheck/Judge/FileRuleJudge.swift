import Foundation

/// The rules' per-file checks: accepted format, byte range, pixels, DPI, colour, and EXIF.
struct FileRuleJudge {
    let rules: Rules
    /// When the check runs; photo age is measured from here.
    let now: Date

    func findings(for report: FileReport, role: MaterialRole, editing: EditingMeasurement) -> [Finding] {
        let limits = rules.material(for: role)
        let format = report.format
        // A file that could not be read or is not an image has its finding already.
        guard report.sha256 != nil, format.detected.isSupported else { return [] }
        var found: [Finding] = []
        if let formats = limits.formats, !formats.contains(format.detected) {
            found.append(.formatNotAccepted(format.detected, accepted: formats, role: role))
        }
        if let maxBytes = limits.maxBytes, report.bytes > maxBytes {
            found.append(.fileTooLarge(bytes: report.bytes, limit: maxBytes))
        }
        if let minBytes = limits.minBytes, report.bytes < minBytes {
            found.append(.fileTooSmall(bytes: report.bytes, limit: minBytes))
        }
        // A damaged file has its finding; its size and colour are not worth a second word.
        let damaged = report.findings.contains { $0.severity == .error && $0.code.rawValue.hasPrefix("format.") }
        if !damaged, let width = format.width, let height = format.height {
            let long = max(width, height), short = min(width, height)
            if let minLong = limits.minLongSide, long < minLong {
                found.append(.imageTooSmall("long_side", side: long, limit: minLong, width: width, height: height))
            } else if let minShort = limits.minShortSide, short < minShort {
                found.append(.imageTooSmall("short_side", side: short, limit: minShort, width: width, height: height))
            } else if let maxLong = limits.maxLongSide, maxLong > 0, long > maxLong {
                found.append(.imageTooLarge(side: long, limit: maxLong, width: width, height: height, provider: rules.provider))
            }
        }
        if !damaged, let dpi = format.dpi, let minDPI = limits.minDPI, minDPI > 0, dpi < minDPI,
            !rules.dpiPlaceholders.contains(dpi)
        {
            found.append(.lowDPI(dpi, limit: minDPI))
        }
        if !damaged, limits.colorRequired == true, format.color == "grayscale" || format.color == "grayscale_alpha" {
            found.append(.notColor(role: role))
        }
        found += exifFindings(report.exif, role: role, editing: editing)
        return found
    }

    private func exifFindings(_ exif: ExifSummary?, role: MaterialRole, editing: EditingMeasurement) -> [Finding] {
        let photo = rules.photo
        var found: [Finding] = []
        if let software = exif?.software,
            let editor = photo.editors.first(where: { software.range(of: $0, options: .caseInsensitive) != nil })
        {
            found.append(.editedBySoftware(software: software, editor: editor))
        }
        if exif?.hasGPS == true { found.append(.gpsPresent) }
        // DCF fixes thumbnails at 160×120 and cameras letterbox other shapes into it: only other
        // sizes say something about the image.
        if let width = editing.exifThumbnailWidth, let height = editing.exifThumbnailHeight, height > 0,
            !(width == 160 && height == 120), let imageAspect = editing.storedAspect
        {
            let difference = abs(Double(width) / Double(height) - imageAspect) / imageAspect
            if difference > photo.thumbnailAspectTolerance {
                found.append(.thumbnailAspectMismatch(difference: difference, tolerance: photo.thumbnailAspectTolerance))
            }
        }
        guard role.isPhotoOfPerson else { return found }
        if photo.requireCamera, exif?.make == nil && exif?.model == nil {
            found.append(.noCameraEXIF)
        }
        if let taken = exif?.datetimeOriginal.flatMap(Self.exifDate) {
            let days = now.timeIntervalSince(taken) / 86_400
            if days > Double(photo.maxAgeDays) { found.append(.photoTooOld(days: days.rounded(.down), limit: photo.maxAgeDays)) }
        }
        return found
    }

    /// EXIF's `YYYY:MM:DD HH:MM:SS`, read as UTC (EXIF 2.2 records no zone; a day either way does not matter here).
    static func exifDate(_ text: String) -> Date? {
        let parts = text.split(whereSeparator: { $0 == ":" || $0 == " " }).compactMap { Int($0) }
        guard parts.count >= 3, (1900...2200).contains(parts[0]), (1...12).contains(parts[1]), (1...31).contains(parts[2])
        else { return nil }
        var components = DateComponents()
        components.timeZone = TimeZone(identifier: "UTC")
        (components.year, components.month, components.day) = (parts[0], parts[1], parts[2])
        if parts.count >= 6 { (components.hour, components.minute, components.second) = (parts[3], parts[4], parts[5]) }
        return Calendar(identifier: .gregorian).date(from: components)
    }
}

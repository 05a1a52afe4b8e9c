extension EditingMeasurement {
    /// The measurement under the keys a file report's `measures` has always used for it; measures that
    /// were not taken are left out, as before, so manifests only list what was measured.
    var reportMeasures: [String: Double] {
        var measures: [String: Double] = [:]
        measures["jpeg_quality"] = jpegQuality
        measures["jpeg_tables_ijg"] = jpegTablesIJG.map { $0 ? 1 : 0 }
        measures["exif_thumbnail_width"] = exifThumbnailWidth.map(Double.init)
        measures["exif_thumbnail_height"] = exifThumbnailHeight.map(Double.init)
        measures["thumbnail_difference"] = thumbnailDifference
        measures["stored_aspect"] = storedAspect
        return measures
    }
}

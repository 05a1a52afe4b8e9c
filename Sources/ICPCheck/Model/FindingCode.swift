/// The stable finding codes of the format and metadata stages.
///
/// Later stages add their own; manifests and tests use these strings, so they never change meaning.
public enum FindingCode {
    public static let unreadable = "format.unreadable"
    public static let empty = "format.empty"
    public static let fileTooLarge = "format.file_too_large"
    public static let unsupported = "format.unsupported"
    public static let extensionMismatch = "format.extension_mismatch"
    public static let truncated = "format.truncated"
    public static let corrupt = "format.corrupt"
    public static let corruptData = "format.corrupt_data"
    public static let tooManyPixels = "format.too_many_pixels"
    /// A file within the size caps whose decoding would still cost too much memory or time.
    public static let tooCostly = "format.too_costly"
    public static let animated = "format.animated"
    public static let ancillaryChunkWarning = "format.ancillary_chunk_warning"
    public static let changedWhileReading = "scan.file_changed"
    public static let exifCorrupt = "exif.corrupt"
}

/// Everything measured about one file, in the shape of the manifest's `files[]` entries.
public struct FileReport: Codable, Sendable {
    /// Relative to the application folder in a manifest; as given on the command line for `inspect`.
    public var path: String
    public var bytes: Int
    /// Lower-case hex SHA-256 of the file's bytes; nil when the file could not be read.
    public var sha256: String?
    /// The material the file is taken for; nil until roles are assigned.
    public var role: MaterialRole?
    public var roleSource: RoleSource?
    /// What the pixels show; nil when the file was not decoded or not yet classified.
    public var contentKind: String?
    public var format: FormatInfo
    public var exif: ExifSummary?
    /// Named numbers measured on the file.
    public var measures: [String: Double]
    /// What was read on a page or card; nil for other files and when reading is off.
    public var reading: Reading?
    /// Where the measures found faces, the backdrop, the page, seals and glare; nil when not decoded.
    public var overlays: Overlays?
    public var findings: [Finding]

    init(path: String, bytes: Int, sha256: String?, format: FormatInfo) {
        self.path = path
        self.bytes = bytes
        self.sha256 = sha256
        self.format = format
        self.measures = [:]
        self.findings = []
    }

    /// The most serious finding's severity, nil when there is none.
    public var worstSeverity: Severity? { findings.map(\.severity).max() }

    enum CodingKeys: String, CodingKey {
        case path, bytes, sha256, role, format, exif, measures, reading, overlays, findings
        case roleSource = "role_source"
        case contentKind = "content_kind"
    }

    // Keys with no value are written as null, so every manifest has the same keys.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(path, forKey: .path)
        try container.encode(bytes, forKey: .bytes)
        try container.encode(sha256, forKey: .sha256)
        try container.encode(role, forKey: .role)
        try container.encode(roleSource, forKey: .roleSource)
        try container.encode(contentKind, forKey: .contentKind)
        try container.encode(format, forKey: .format)
        try container.encode(exif, forKey: .exif)
        try container.encode(measures, forKey: .measures)
        try container.encode(reading, forKey: .reading)
        try container.encode(overlays, forKey: .overlays)
        try container.encode(findings, forKey: .findings)
    }
}

/// The container format and what its header says, before any orientation is applied.
public struct FormatInfo: Codable, Sendable, Equatable {
    public var detected: ImageFormat
    public var extensionMatches: Bool
    public var width: Int?
    public var height: Int?
    /// Bits per sample as stored (JPEG precision, PNG bit depth).
    public var bitDepth: Int?
    /// `grayscale`, `ycbcr`, `rgb`, `cmyk`, `ycck` (JPEG); `grayscale`, `grayscale_alpha`, `rgb`, `rgba`, `palette` (PNG).
    public var color: String?
    public var progressive: Bool?
    public var interlaced: Bool?
    /// Horizontal resolution in dots per inch, from JFIF, PNG pHYs or EXIF, when the file records one.
    public var dpi: Double?

    init(detected: ImageFormat, extensionMatches: Bool) {
        self.detected = detected
        self.extensionMatches = extensionMatches
    }

    enum CodingKeys: String, CodingKey {
        case detected, width, height, color, progressive, interlaced, dpi
        case extensionMatches = "extension_matches"
        case bitDepth = "bit_depth"
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(detected, forKey: .detected)
        try container.encode(extensionMatches, forKey: .extensionMatches)
        try container.encode(width, forKey: .width)
        try container.encode(height, forKey: .height)
        try container.encode(bitDepth, forKey: .bitDepth)
        try container.encode(color, forKey: .color)
        // Only the key that belongs to the format: `progressive` for JPEG, `interlaced` for PNG.
        try container.encodeIfPresent(progressive, forKey: .progressive)
        try container.encodeIfPresent(interlaced, forKey: .interlaced)
        try container.encode(dpi, forKey: .dpi)
    }
}

/// The EXIF fields icpcheck reports, exactly the manifest's `exif` keys.
///
/// Strings are as stored, without trailing NULs and spaces; dates keep EXIF's `YYYY:MM:DD HH:MM:SS`.
public struct ExifSummary: Codable, Sendable, Equatable {
    public var orientation: Int?
    public var make: String?
    public var model: String?
    public var datetimeOriginal: String?
    public var createDate: String?
    public var modifyDate: String?
    public var software: String?
    public var xResolution: Double?
    public var yResolution: Double?
    /// 2 = inches, 3 = centimetres.
    public var resolutionUnit: Int?
    /// Signed decimal degrees: south and west are negative.
    public var gpsLatitude: Double?
    public var gpsLongitude: Double?
    public var thumbnailBytes: Int?

    init() {}

    /// Whether the file records where it was taken.
    public var hasGPS: Bool { gpsLatitude != nil && gpsLongitude != nil }
    /// Whether the file carries an EXIF thumbnail.
    public var hasThumbnail: Bool { (thumbnailBytes ?? 0) > 0 }

    enum CodingKeys: String, CodingKey {
        case orientation, make, model, software
        case datetimeOriginal = "datetime_original"
        case createDate = "create_date"
        case modifyDate = "modify_date"
        case xResolution = "x_resolution"
        case yResolution = "y_resolution"
        case resolutionUnit = "resolution_unit"
        case gpsLatitude = "gps_latitude"
        case gpsLongitude = "gps_longitude"
        case hasGPS = "has_gps"
        case thumbnailBytes = "thumbnail_bytes"
        case hasThumbnail = "has_thumbnail"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        orientation = try container.decodeIfPresent(Int.self, forKey: .orientation)
        make = try container.decodeIfPresent(String.self, forKey: .make)
        model = try container.decodeIfPresent(String.self, forKey: .model)
        datetimeOriginal = try container.decodeIfPresent(String.self, forKey: .datetimeOriginal)
        createDate = try container.decodeIfPresent(String.self, forKey: .createDate)
        modifyDate = try container.decodeIfPresent(String.self, forKey: .modifyDate)
        software = try container.decodeIfPresent(String.self, forKey: .software)
        xResolution = try container.decodeIfPresent(Double.self, forKey: .xResolution)
        yResolution = try container.decodeIfPresent(Double.self, forKey: .yResolution)
        resolutionUnit = try container.decodeIfPresent(Int.self, forKey: .resolutionUnit)
        gpsLatitude = try container.decodeIfPresent(Double.self, forKey: .gpsLatitude)
        gpsLongitude = try container.decodeIfPresent(Double.self, forKey: .gpsLongitude)
        thumbnailBytes = try container.decodeIfPresent(Int.self, forKey: .thumbnailBytes)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(orientation, forKey: .orientation)
        try container.encode(make, forKey: .make)
        try container.encode(model, forKey: .model)
        try container.encode(datetimeOriginal, forKey: .datetimeOriginal)
        try container.encode(createDate, forKey: .createDate)
        try container.encode(modifyDate, forKey: .modifyDate)
        try container.encode(software, forKey: .software)
        try container.encode(xResolution, forKey: .xResolution)
        try container.encode(yResolution, forKey: .yResolution)
        try container.encode(resolutionUnit, forKey: .resolutionUnit)
        try container.encode(gpsLatitude, forKey: .gpsLatitude)
        try container.encode(gpsLongitude, forKey: .gpsLongitude)
        try container.encode(hasGPS, forKey: .hasGPS)
        try container.encode(thumbnailBytes, forKey: .thumbnailBytes)
        try container.encode(hasThumbnail, forKey: .hasThumbnail)
    }
}

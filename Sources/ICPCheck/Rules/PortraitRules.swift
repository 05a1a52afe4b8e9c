/// Thresholds of the heuristics on photos of people (`portrait` in the rules document).
public struct PortraitRules: Codable, Sendable, Equatable {
    public var detectionSize: Int
    public var minFaceFraction: Double
    public var minFaceSkinFraction: Double
    public var minRelativeNeighbors: Double
    public var confidentNeighbors: Int
    public var profileDetectionSize: Int
    public var profileMinFaceFraction: Double
    public var minFaceHeight: Double
    public var maxFaceHeight: Double
    public var maxCenterOffset: Double
    public var minHeadMargin: Double
    public var minFaceLuma: Double
    public var maxFaceLuma: Double
    public var maxClippedFraction: Double
    public var maxCrushedFraction: Double
    public var minSharpness: Double
    public var minJPEGQuality: Double
    public var maxThumbnailDifference: Double
    public var portraitMinHeightFactor: Double
    public var portraitMaxOffsetFactor: Double
    public var minSkinTestChroma: Double
    public var clippedLuma: Double
    public var crushedLuma: Double
    public var backdrop: BackdropRules

    enum CodingKeys: String, CodingKey {
        case backdrop
        case detectionSize = "detection_size"
        case minFaceFraction = "min_face_fraction"
        case minFaceSkinFraction = "min_face_skin_fraction"
        case minRelativeNeighbors = "min_relative_neighbors"
        case confidentNeighbors = "confident_neighbors"
        case profileDetectionSize = "profile_detection_size"
        case profileMinFaceFraction = "profile_min_face_fraction"
        case minFaceHeight = "min_face_height"
        case maxFaceHeight = "max_face_height"
        case maxCenterOffset = "max_center_offset"
        case minHeadMargin = "min_head_margin"
        case minFaceLuma = "min_face_luma"
        case maxFaceLuma = "max_face_luma"
        case maxClippedFraction = "max_clipped_fraction"
        case maxCrushedFraction = "max_crushed_fraction"
        case minSharpness = "min_sharpness"
        case minJPEGQuality = "min_jpeg_quality"
        case maxThumbnailDifference = "max_thumbnail_difference"
        case portraitMinHeightFactor = "portrait_min_height_factor"
        case portraitMaxOffsetFactor = "portrait_max_offset_factor"
        case minSkinTestChroma = "min_skin_test_chroma"
        case clippedLuma = "clipped_luma"
        case crushedLuma = "crushed_luma"
    }
}

/// How the backdrop is found and judged.
public struct BackdropRules: Codable, Sendable, Equatable {
    public var analysisSize: Int
    public var stepDistance: Double
    public var meanDistance: Double
    public var minBorderFraction: Double
    public var minBorderFractionForRole: Double
    public var minAreaFraction: Double
    public var maxTexture: Double
    public var minClothingDistance: Double
    /// Colour name → ranges of L, a and b.
    public var colors: [String: LabRange]

    enum CodingKeys: String, CodingKey {
        case colors
        case analysisSize = "analysis_size"
        case stepDistance = "step_distance"
        case meanDistance = "mean_distance"
        case minBorderFraction = "min_border_fraction"
        case minBorderFractionForRole = "min_border_fraction_for_role"
        case minAreaFraction = "min_area_fraction"
        case maxTexture = "max_texture"
        case minClothingDistance = "min_clothing_distance"
    }
}

/// A box in CIE Lab: each of L, a and b between two bounds.
public struct LabRange: Codable, Sendable, Equatable {
    public var l: [Double]
    public var a: [Double]
    public var b: [Double]

    func contains(_ color: LabColor) -> Bool {
        Self.within(color.l, l) && Self.within(color.a, a) && Self.within(color.b, b)
    }

    private static func within(_ value: Double, _ bounds: [Double]) -> Bool {
        bounds.count == 2 && value >= bounds[0] && value <= bounds[1]
    }
}

/// Thresholds of the heuristics on photos of people (`portrait` in the rules document).
struct PortraitRules: Codable, Sendable, Equatable {
    var detectionSize: Int
    var minFaceFraction: Double
    var minFaceSkinFraction: Double
    var minRelativeNeighbors: Double
    var confidentNeighbors: Int
    var profileDetectionSize: Int
    var profileMinFaceFraction: Double
    var hogDetectionSize: Int
    var minHOGScore: Double
    var hogBoxGrowth: Double
    var hogBoxRise: Double
    var minFaceHeight: Double
    var maxFaceHeight: Double
    var maxCenterOffset: Double
    var minHeadMargin: Double
    var minFaceLuma: Double
    var maxFaceLuma: Double
    var maxClippedFraction: Double
    var maxCrushedFraction: Double
    var minSharpness: Double
    var minJPEGQuality: Double
    var maxThumbnailDifference: Double
    var portraitMinHeightFactor: Double
    var portraitMaxOffsetFactor: Double
    var smallerFaceShare: Double
    var smallerFaceDetectionSize: Int
    var minEyesForWeakFace: Int
    var minEyesForTurnedFace: Int
    var maxWeakFacesLookedAt: Int
    var greyFaceChroma: Double
    var minEyesForGreyFace: Int
    var maxGreyFacePrintShare: Double
    var minEyesOverPage: Int
    var poorLightDarkLuma: Double
    var poorLightBrightLuma: Double
    var minEyesInPoorLight: Int
    var minSkinTestChroma: Double
    var clippedLuma: Double
    var crushedLuma: Double
    var backdrop: BackdropRules

    enum CodingKeys: String, CodingKey {
        case backdrop
        case detectionSize = "detection_size"
        case minFaceFraction = "min_face_fraction"
        case minFaceSkinFraction = "min_face_skin_fraction"
        case minRelativeNeighbors = "min_relative_neighbors"
        case confidentNeighbors = "confident_neighbors"
        case profileDetectionSize = "profile_detection_size"
        case profileMinFaceFraction = "profile_min_face_fraction"
        case hogDetectionSize = "hog_detection_size"
        case minHOGScore = "min_hog_score"
        case hogBoxGrowth = "hog_box_growth"
        case hogBoxRise = "hog_box_rise"
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
        case smallerFaceShare = "smaller_face_share"
        case smallerFaceDetectionSize = "smaller_face_detection_size"
        case minEyesForWeakFace = "min_eyes_for_weak_face"
        case minEyesForTurnedFace = "min_eyes_for_turned_face"
        case maxWeakFacesLookedAt = "max_weak_faces_looked_at"
        case greyFaceChroma = "grey_face_chroma"
        case minEyesForGreyFace = "min_eyes_for_grey_face"
        case maxGreyFacePrintShare = "max_grey_face_print_share"
        case minEyesOverPage = "min_eyes_over_page"
        case poorLightDarkLuma = "poor_light_dark_luma"
        case poorLightBrightLuma = "poor_light_bright_luma"
        case minEyesInPoorLight = "min_eyes_in_poor_light"
        case minSkinTestChroma = "min_skin_test_chroma"
        case clippedLuma = "clipped_luma"
        case crushedLuma = "crushed_luma"
    }
}

/// How the backdrop is found and judged.
struct BackdropRules: Codable, Sendable, Equatable {
    var analysisSize: Int
    var stepDistance: Double
    var meanDistance: Double
    var minBorderFraction: Double
    var minBorderFractionForRole: Double
    var roleColors: [String]
    var minAreaFractionForRole: Double
    var minAreaFraction: Double
    var maxTexture: Double
    var minClothingDistance: Double
    /// Colour name → ranges of L, a and b.
    var colors: [String: LabRange]

    enum CodingKeys: String, CodingKey {
        case colors
        case analysisSize = "analysis_size"
        case stepDistance = "step_distance"
        case meanDistance = "mean_distance"
        case minBorderFraction = "min_border_fraction"
        case minBorderFractionForRole = "min_border_fraction_for_role"
        case roleColors = "role_colors"
        case minAreaFractionForRole = "min_area_fraction_for_role"
        case minAreaFraction = "min_area_fraction"
        case maxTexture = "max_texture"
        case minClothingDistance = "min_clothing_distance"
    }
}

/// A box in CIE Lab: each of L, a and b between two bounds.
struct LabRange: Codable, Sendable, Equatable {
    var l: [Double]
    var a: [Double]
    var b: [Double]

    func contains(_ color: LabColor) -> Bool {
        Self.within(color.l, l) && Self.within(color.a, a) && Self.within(color.b, b)
    }

    private static func within(_ value: Double, _ bounds: [Double]) -> Bool {
        bounds.count == 2 && value >= bounds[0] && value <= bounds[1]
    }
}

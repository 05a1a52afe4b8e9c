/// Thresholds of the heuristics on documents and ID cards (`document` in the rules document).
struct DocumentRules: Codable, Sendable, Equatable {
    var analysisSize: Int
    var paperMinLuma: Int
    var paperRelativeLuma: Double
    var paperMaxSaturation: Double
    var strokeContrast: Double
    var minPaperFraction: Double
    var pagePortraitFraction: Double
    var minTextDensity: Double
    var maxTextDensity: Double
    var minLineStrength: Double
    var minTextLines: Int
    var minGlyphs: Int
    var minGlyphInkShare: Double
    /// A picture on which the reader read at least this many lines of print is a page of text.
    var minReadPrintLines: Int
    var maxSkewDegrees: Double
    var minRuledLines: Int
    var maxMarginInk: Double
    var minStrokeSharpness: Double
    var maxGreyChroma: Double
    var maxGreyColourfulFraction: Double
    var maxCopyChroma: Double
    var maxBlueInkFraction: Double
    var glareMinLuma: Int
    var glareMargin: Int
    var maxGlareFraction: Double
    var maxScreenPattern: Double
    var strokeMinLevels: Int
    var minGlyphsForLines: Int
    var sidewaysStrengthRatio: Double
    var ruledLineMinShare: Double
    var marginMinEdgeContact: Double
    var marginMaxRun: Double
    var colourfulSpread: Int
    var blueInkMinOverRed: Int
    var blueInkMinOverGreen: Int
    var screenPeakToMedian: Double
    var screenPatternPatches: Int
    var seal: SealRules
    var idCard: IDCardRules

    enum CodingKeys: String, CodingKey {
        case seal
        case idCard = "id_card"
        case analysisSize = "analysis_size"
        case paperMinLuma = "paper_min_luma"
        case paperRelativeLuma = "paper_relative_luma"
        case paperMaxSaturation = "paper_max_saturation"
        case strokeContrast = "stroke_contrast"
        case minPaperFraction = "min_paper_fraction"
        case pagePortraitFraction = "page_portrait_fraction"
        case minTextDensity = "min_text_density"
        case maxTextDensity = "max_text_density"
        case minLineStrength = "min_line_strength"
        case minTextLines = "min_text_lines"
        case minGlyphs = "min_glyphs"
        case minGlyphInkShare = "min_glyph_ink_share"
        case minReadPrintLines = "min_read_print_lines"
        case maxSkewDegrees = "max_skew_degrees"
        case minRuledLines = "min_ruled_lines"
        case maxMarginInk = "max_margin_ink"
        case minStrokeSharpness = "min_stroke_sharpness"
        case maxGreyChroma = "max_grey_chroma"
        case maxGreyColourfulFraction = "max_grey_colourful_fraction"
        case maxCopyChroma = "max_copy_chroma"
        case maxBlueInkFraction = "max_blue_ink_fraction"
        case glareMinLuma = "glare_min_luma"
        case glareMargin = "glare_margin"
        case maxGlareFraction = "max_glare_fraction"
        case maxScreenPattern = "max_screen_pattern"
        case strokeMinLevels = "stroke_min_levels"
        case minGlyphsForLines = "min_glyphs_for_lines"
        case sidewaysStrengthRatio = "sideways_strength_ratio"
        case ruledLineMinShare = "ruled_line_min_share"
        case marginMinEdgeContact = "margin_min_edge_contact"
        case marginMaxRun = "margin_max_run"
        case colourfulSpread = "colourful_spread"
        case blueInkMinOverRed = "blue_ink_min_over_red"
        case blueInkMinOverGreen = "blue_ink_min_over_green"
        case screenPeakToMedian = "screen_peak_to_median"
        case screenPatternPatches = "screen_pattern_patches"
    }
}

/// What makes a red mark a seal.
struct SealRules: Codable, Sendable, Equatable {
    var hueDegrees: [Double]
    var minSaturation: Double
    var minRedExcess: Int
    var faintSaturation: Double
    var faintRedExcess: Int
    var minRoundness: Double
    var minDiameter: Double
    var maxDiameter: Double
    var minRingCoverage: Double
    var minRingDensity: Double
    var maxMiddleToRing: Double
    var maxCornerToRing: Double
    var minPaperShare: Double
    var maxFill: Double
    var bottomShare: Double
    var minRed: Int
    var minMajorAxis: Double
    var maxPictureShare: Double
    var discMinRoundness: Double
    var discMinFill: Double
    var discMinMiddle: Double
    var discMinRingCoverage: Double
    var discMaxCornerToFill: Double

    enum CodingKeys: String, CodingKey {
        case hueDegrees = "hue_degrees"
        case minSaturation = "min_saturation"
        case minRedExcess = "min_red_excess"
        case faintSaturation = "faint_saturation"
        case faintRedExcess = "faint_red_excess"
        case minRoundness = "min_roundness"
        case minDiameter = "min_diameter"
        case maxDiameter = "max_diameter"
        case minRingCoverage = "min_ring_coverage"
        case minRingDensity = "min_ring_density"
        case maxMiddleToRing = "max_middle_to_ring"
        case maxCornerToRing = "max_corner_to_ring"
        case minPaperShare = "min_paper_share"
        case maxFill = "max_fill"
        case bottomShare = "bottom_share"
        case minRed = "min_red"
        case minMajorAxis = "min_major_axis"
        case maxPictureShare = "max_picture_share"
        case discMinRoundness = "disc_min_roundness"
        case discMinFill = "disc_min_fill"
        case discMinMiddle = "disc_min_middle"
        case discMinRingCoverage = "disc_min_ring_coverage"
        case discMaxCornerToFill = "disc_max_corner_to_fill"
    }
}

/// Where an ID card's photo and emblem sit.
struct IDCardRules: Codable, Sendable, Equatable {
    var minAspect: Double
    var maxAspect: Double
    var minPaperShare: Double
    var minTextInk: Double
    var minTextGlyphs: Int
    var minFaceX: Double
    var maxFacesOnCard: Int
    var faceHeight: [Double]
    var maxEmblemX: Double
    var maxEmblemY: Double
    var emblemHeight: [Double]
    var closerLookMinFace: Double
    var closerLookMaxBlankShare: Double
    var emblemMaxMargin: Double
    var cardEdgeContrast: Double
    var minFramedCardHeight: Double
    var heldCardMaxSaturation: Double
    var heldCardMinFill: Double
    var heldCardToFace: [Double]
    var heldCardMinGlyphs: Int
    var heldCardMaxGlyphToFace: Double
    var heldCardMinCells: Int
    var maxGlyphsOnCards: Int
    var greyEmblemLumaShare: Double
    var blankLumaShare: Double
    var blankMaxSpread: Int
    var framedEmblemMinSize: Int

    enum CodingKeys: String, CodingKey {
        case minAspect = "min_aspect"
        case maxAspect = "max_aspect"
        case minPaperShare = "min_paper_share"
        case minTextInk = "min_text_ink"
        case minTextGlyphs = "min_text_glyphs"
        case minFaceX = "min_face_x"
        case maxFacesOnCard = "max_faces_on_card"
        case faceHeight = "face_height"
        case maxEmblemX = "max_emblem_x"
        case maxEmblemY = "max_emblem_y"
        case emblemHeight = "emblem_height"
        case closerLookMinFace = "closer_look_min_face"
        case closerLookMaxBlankShare = "closer_look_max_blank_share"
        case emblemMaxMargin = "emblem_max_margin"
        case cardEdgeContrast = "card_edge_contrast"
        case minFramedCardHeight = "min_framed_card_height"
        case heldCardMaxSaturation = "held_card_max_saturation"
        case heldCardMinFill = "held_card_min_fill"
        case heldCardToFace = "held_card_to_face"
        case heldCardMinGlyphs = "held_card_min_glyphs"
        case heldCardMaxGlyphToFace = "held_card_max_glyph_to_face"
        case heldCardMinCells = "held_card_min_cells"
        case maxGlyphsOnCards = "max_glyphs_on_cards"
        case greyEmblemLumaShare = "grey_emblem_luma_share"
        case blankLumaShare = "blank_luma_share"
        case blankMaxSpread = "blank_max_spread"
        case framedEmblemMinSize = "framed_emblem_min_size"
    }
}

/// What the rules call a page and a picture without colour, from the document measures' numbers.
/// The judge decides with these; the document measures use the same two to choose what else to
/// measure (a re-shot screen's pattern on pages and cards, dark emblems on colourless pictures).
extension DocumentRules {
    /// No colour: a greyscale scan or copy. A red seal found is colour, however little of the page it covers.
    func isColourless(chromaMean: Double, colourfulFraction: Double, sealCount: Int) -> Bool {
        chromaMean <= maxGreyChroma && colourfulFraction <= maxGreyColourfulFraction && sealCount == 0
    }

    /// No colour on the page once the light's cast and the sensor's noise are taken out: a grey copy
    /// captured in colour, or a colour capture of a page printed in black alone (the pixels cannot
    /// tell the two apart; the judge asks this only of documents whose originals are printed in colour).
    func isColourlessCopy(pageChroma: Double, pageColourfulFraction: Double, sealCount: Int) -> Bool {
        pageChroma <= maxCopyChroma && pageColourfulFraction <= maxGreyColourfulFraction && sealCount == 0
    }

    /// A page: paper over most of the picture, with lines of text on it, or a seal.
    func isPage(
        paperFraction: Double, textDensity: Double, lineStrength: Double, lineCount: Int, glyphCount: Int,
        glyphInkShare: Double, sealCount: Int
    ) -> Bool {
        let hasText = textDensity >= minTextDensity && textDensity <= maxTextDensity && lineStrength >= minLineStrength
            && lineCount >= minTextLines && glyphCount >= minGlyphs && glyphInkShare >= minGlyphInkShare
        return paperFraction >= minPaperFraction && (hasText || sealCount > 0)
    }
}

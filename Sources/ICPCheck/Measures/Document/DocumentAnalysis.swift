/// Everything measured on a picture as a document: the page, its text, seals, colour, glare,
/// blur, a re-shot screen's pattern, and ID card sides.
struct DocumentMeasurement: Sendable {
    /// The size of the picture the measures ran on, in pixels (`document_analysis_width`, `_height`).
    var analysisWidth = 0
    var analysisHeight = 0
    /// The share of the picture's cells that are paper (`paper_fraction`); 0 on a picture too small to measure.
    var paperFraction = 0.0
    /// The page's (or card's) bounding box, in fractions of the picture; nil when none was found.
    var pageBox: UnitRect?
    /// The page's measures; nil on a picture too small to measure, whose `measures` has only the three above.
    var measured: Measured?
    var idSides = (front: false, back: false)
    var sealCount = 0
    /// The seals' bounding boxes, in fractions of the picture.
    var sealBoxes: [UnitRect] = []
    /// The largest glare patch's bounding box (the one `glare_fraction` measures), in fractions of the picture.
    var glarePatch: UnitRect?
    var pageIsPortrait = false
    var ruledLines = 0
    /// A card held up by the person in the picture.
    var heldCard = false

    /// The measures of a picture large enough to measure. Each field's comment names its `measures` key.
    struct Measured: Sendable {
        /// How much of each picture edge the page runs along (`page_edge_contact_top`, `_bottom`, `_left`, `_right`).
        var edgeContact = (top: 0.0, bottom: 0.0, left: 0.0, right: 0.0)
        /// The paper's brightness, 0–255 (`paper_level`).
        var paperLevel = 0
        var textDensity = 0.0  // text_density
        var textLineStrength = 0.0  // text_line_strength
        var textLines = 0  // text_lines
        var glyphCount = 0  // glyph_count
        var glyphInkShare = 0.0  // glyph_ink_share
        var lineworkShare = 0.0  // linework_share
        var skewDegrees = 0.0  // skew_degrees
        /// Whether the text lines run up and down (`text_sideways`, 1 or 0).
        var textSideways = false
        /// How much stronger the sideways profile was (`text_sideways_ratio`); nil when it was not compared.
        var textSidewaysRatio: Double?
        var marginInk = 0.0  // margin_ink
        var strokeSharpness = 0.0  // stroke_sharpness
        var chromaMean = 0.0  // chroma_mean
        var colourfulFraction = 0.0  // colourful_fraction
        var pageChroma = 0.0  // page_chroma
        var pageColourfulFraction = 0.0  // page_colourful_fraction
        var blueInkFraction = 0.0  // blue_ink_fraction
        var glareFraction = 0.0  // glare_fraction
        /// The first seal found; nil when there is none.
        var seal: Seal?
        /// The re-shot screen's pattern (`screen_pattern_amplitude`); nil when not searched for or not measurable.
        var screenPatternAmplitude: Double?
    }

    struct Seal: Sendable {
        /// The seal's centre in fractions of the picture (`seal_x`, `seal_y`).
        var x = 0.0, y = 0.0
        /// Its larger side in fractions of the page's width (`seal_diameter`).
        var diameter = 0.0
        /// Whether it sits in the page's signature block (`seal_near_bottom`); nil when no page was found.
        var nearBottom: Bool?
    }

    /// The named numbers, for the report's `measures` (the JSON edge): the same keys in the same cases.
    var measures: [String: Double] {
        var m: [String: Double] = [:]
        m["document_analysis_width"] = Double(analysisWidth)
        m["document_analysis_height"] = Double(analysisHeight)
        m["paper_fraction"] = paperFraction
        guard let measured else { return m }
        m["page_edge_contact_top"] = measured.edgeContact.top
        m["page_edge_contact_bottom"] = measured.edgeContact.bottom
        m["page_edge_contact_left"] = measured.edgeContact.left
        m["page_edge_contact_right"] = measured.edgeContact.right
        m["paper_level"] = Double(measured.paperLevel)
        m["text_density"] = measured.textDensity
        m["text_line_strength"] = measured.textLineStrength
        m["text_lines"] = Double(measured.textLines)
        m["glyph_count"] = Double(measured.glyphCount)
        m["glyph_ink_share"] = measured.glyphInkShare
        m["linework_share"] = measured.lineworkShare
        m["skew_degrees"] = measured.skewDegrees
        m["text_sideways"] = measured.textSideways ? 1 : 0
        m["text_sideways_ratio"] = measured.textSidewaysRatio
        m["ruled_lines"] = Double(ruledLines)
        m["margin_ink"] = measured.marginInk
        m["stroke_sharpness"] = measured.strokeSharpness
        m["chroma_mean"] = measured.chromaMean
        m["colourful_fraction"] = measured.colourfulFraction
        m["page_chroma"] = measured.pageChroma
        m["page_colourful_fraction"] = measured.pageColourfulFraction
        m["blue_ink_fraction"] = measured.blueInkFraction
        m["glare_fraction"] = measured.glareFraction
        m["seal_count"] = Double(sealCount)
        if let seal = measured.seal {
            m["seal_x"] = seal.x
            m["seal_y"] = seal.y
            m["seal_diameter"] = seal.diameter
            m["seal_near_bottom"] = seal.nearBottom.map { $0 ? 1 : 0 }
        }
        m["held_card"] = heldCard ? 1 : 0
        m["id_front"] = idSides.front ? 1 : 0
        m["id_back"] = idSides.back ? 1 : 0
        m["screen_pattern_amplitude"] = measured.screenPatternAmplitude
        return m
    }
}

enum DocumentAnalysis {
    /// The smallest picture the measures run on: the least picture size the rules allow (`RulesLoader`
    /// keeps every analysis size at 32 pixels or more). A fixed property of the measures, which need a
    /// few cells of their grids; not a judgement about the picture.
    static let minimumSide = 32

    /// - Parameters:
    ///   - image: the decoded picture at the working size.
    ///   - faces: faces the photo measures found, in fractions of the picture.
    ///   - closerLook: the frontal-face detector, for cards too small on a sheet for the photo measures.
    static func measure(_ image: DecodedImage, faces: [UnitRect], closerLook: FaceDetector?, rules: DocumentRules) -> DocumentMeasurement {
        let small = image.resized(toLongSide: rules.analysisSize)
        // A strip a few pixels wide is no page (and no measure below is meaningful on it).
        guard min(small.width, small.height) >= minimumSide else {
            return DocumentMeasurement(analysisWidth: small.width, analysisHeight: small.height, paperFraction: 0)
        }
        let picture = DocumentPicture(small, strokeContrast: rules.strokeContrast, minLevels: rules.strokeMinLevels)
        let paper = PaperRegion(picture, rules: rules)
        let text = TextLayout(picture, paper: paper, rules: rules)
        let colour = PageColour(picture, paper: paper, rules: rules)
        let pageWidth = paper.box?.width ?? picture.width
        let marks = RedMarks.find(in: picture, paper: paper, pageWidth: pageWidth, rules: rules.seal)
        let seals = marks.filter { $0.isSeal(pageWidth: pageWidth, rules: rules.seal) }
        // A grey copy, also one captured under a warm light or with a sensor's colour noise.
        let isGreyscale = rules.isColourless(
            chromaMean: colour.meanChroma, colourfulFraction: colour.colourfulFraction, sealCount: seals.count)
            || rules.isColourlessCopy(pageChroma: colour.pageChroma, pageColourfulFraction: colour.pageColourfulFraction, sealCount: seals.count)
        // On a greyscale picture the emblem is a dark filled disc rather than a red one. A card carries
        // at most a couple of hundred glyphs; on a page of text the dark patches are only its text.
        let emblems = isGreyscale && text.glyphCount <= rules.idCard.maxGlyphsOnCards
            ? RedMarks.patches(in: darkMask(picture, paper: paper, share: rules.idCard.greyEmblemLumaShare), picture: picture) : marks
        // No face at all, but some text: perhaps cards too small on a sheet for the photo measures' picture.
        let lookCloser = faces.isEmpty && text.glyphCount >= rules.minGlyphs && text.glyphCount <= rules.idCard.maxGlyphsOnCards
        let sides = IDCardSides(picture, paper: paper, glyphs: text.glyphCentres, faces: faces, marks: emblems, closerLook: lookCloser ? closerLook : nil,
                                rules: rules.idCard,
                                seal: rules.seal)

        var result = DocumentMeasurement(analysisWidth: picture.width, analysisHeight: picture.height, paperFraction: paper.fraction)
        result.pageBox = paper.box.map { UnitRect(pixels: $0, width: picture.width, height: picture.height) }
        var measured = DocumentMeasurement.Measured()
        let contact = paper.edgeContact
        measured.edgeContact = (top: contact[0], bottom: contact[1], left: contact[2], right: contact[3])
        measured.paperLevel = paper.paperLevel
        measured.textDensity = text.density
        measured.textLineStrength = text.lineStrength
        measured.textLines = text.lineCount
        measured.glyphCount = text.glyphCount
        measured.glyphInkShare = text.glyphInkShare
        measured.lineworkShare = text.lineworkShare
        measured.skewDegrees = text.skewDegrees
        measured.textSideways = text.sideways
        measured.textSidewaysRatio = text.sidewaysRatio
        measured.marginInk = text.marginInk
        measured.strokeSharpness = text.strokeSharpness
        measured.chromaMean = colour.meanChroma
        measured.colourfulFraction = colour.colourfulFraction
        measured.pageChroma = colour.pageChroma
        measured.pageColourfulFraction = colour.pageColourfulFraction
        measured.blueInkFraction = colour.blueInkFraction
        (measured.glareFraction, result.glarePatch) = Glare.measure(picture, paper: paper, rules: rules)
        if let seal = seals.first {
            measured.seal = DocumentMeasurement.Seal(
                x: seal.centreX / Double(picture.width), y: seal.centreY / Double(picture.height),
                diameter: Double(max(seal.width, seal.height)) / Double(pageWidth))
        }
        let heldCard = HeldCard.find(picture, paper: paper, faces: faces, relativeLuma: rules.paperRelativeLuma, rules: rules.idCard)
        result.heldCard = heldCard != nil
        // A card held up by a person is part of a photograph, not a scan of the card's side.
        let shownSides = heldCard == nil ? (sides.front, sides.back) : (false, false)

        result.sealCount = seals.count
        result.sealBoxes = seals.map { UnitRect(pixels: ($0.x, $0.y, $0.width, $0.height), width: picture.width, height: picture.height) }
        if let box = paper.box {
            result.pageIsPortrait = box.height > box.width
            // Where the signature block is: the statement's seal belongs there.
            let bottom = Double(box.y) + Double(box.height) * (1 - rules.seal.bottomShare)
            if !seals.isEmpty { measured.seal?.nearBottom = seals.contains { $0.centreY >= bottom } }
        }
        result.idSides = shownSides
        result.ruledLines = text.ruledLines
        let isPage = rules.isPage(
            paperFraction: paper.fraction, textDensity: text.density, lineStrength: text.lineStrength, lineCount: text.lineCount,
            glyphCount: text.glyphCount, glyphInkShare: text.glyphInkShare, sealCount: seals.count)
        // Only a page or a card can be a re-shot screen; a photograph is not searched for one.
        if isPage || shownSides.0 || shownSides.1 {
            measured.screenPatternAmplitude = ScreenPattern.amplitude(picture, paper: paper, rules: rules)
        }
        result.measured = measured
        return result
    }

    /// Pixels on the page at most `share` as bright as the paper.
    private static func darkMask(_ picture: DocumentPicture, paper: PaperRegion, share: Double) -> [Bool] {
        let limit = UInt8(Int(Double(paper.paperLevel) * share))
        var mask = [Bool](repeating: false, count: picture.luma.count)
        for y in 0..<picture.height {
            for x in 0..<picture.width where picture.luma[y * picture.width + x] <= limit && paper.contains(x, y) {
                mask[y * picture.width + x] = true
            }
        }
        return mask
    }
}

/// Everything measured on a picture as a document: the page, its text, seals, colour, glare,
/// blur, a re-shot screen's pattern, and ID card sides.
struct DocumentMeasurement {
    var measures: [String: Double] = [:]
    var isDocument = false
    var idSides = (front: false, back: false)
    var sealCount = 0
    var pageIsPortrait = false
    var ruledLines = 0
    var isGreyscale = false
    /// A card held up by the person in the picture.
    var heldCard = false
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
            return DocumentMeasurement(measures: ["paper_fraction": 0, "document_analysis_width": Double(small.width),
                                                  "document_analysis_height": Double(small.height)])
        }
        let picture = DocumentPicture(small, strokeContrast: rules.strokeContrast, minLevels: rules.strokeMinLevels)
        let paper = PaperRegion(picture, rules: rules)
        let text = TextLayout(picture, paper: paper, rules: rules)
        let colour = PageColour(picture, paper: paper, rules: rules)
        let pageWidth = paper.box?.width ?? picture.width
        let marks = RedMarks.find(in: picture, paper: paper, pageWidth: pageWidth, rules: rules.seal)
        let seals = marks.filter { $0.isSeal(pageWidth: pageWidth, rules: rules.seal) }
        // A red seal found is colour, however little of the page it covers.
        let isGreyscale = colour.meanChroma <= rules.maxGreyChroma && colour.colourfulFraction <= rules.maxGreyColourfulFraction
            && seals.isEmpty
        // On a greyscale picture the emblem is a dark filled disc rather than a red one. A card carries
        // at most a couple of hundred glyphs; on a page of text the dark patches are only its text.
        let emblems = isGreyscale && text.glyphCount <= rules.idCard.maxGlyphsOnCards
            ? RedMarks.patches(in: darkMask(picture, paper: paper, share: rules.idCard.greyEmblemLumaShare), picture: picture) : marks
        // No face at all, but some text: perhaps cards too small on a sheet for the photo measures' picture.
        let lookCloser = faces.isEmpty && text.glyphCount >= rules.minGlyphs && text.glyphCount <= rules.idCard.maxGlyphsOnCards
        let sides = IDCardSides(picture, paper: paper, faces: faces, marks: emblems, closerLook: lookCloser ? closerLook : nil,
                                rules: rules.idCard,
                                seal: rules.seal)

        var result = DocumentMeasurement()
        var m: [String: Double] = [:]
        m["document_analysis_width"] = Double(picture.width)
        m["document_analysis_height"] = Double(picture.height)
        m["paper_fraction"] = paper.fraction
        let contact = paper.edgeContact
        m["page_edge_contact_top"] = contact[0]
        m["page_edge_contact_bottom"] = contact[1]
        m["page_edge_contact_left"] = contact[2]
        m["page_edge_contact_right"] = contact[3]
        m["paper_level"] = Double(paper.paperLevel)
        m["text_density"] = text.density
        m["text_line_strength"] = text.lineStrength
        m["text_lines"] = Double(text.lineCount)
        m["glyph_count"] = Double(text.glyphCount)
        m["glyph_ink_share"] = text.glyphInkShare
        m["skew_degrees"] = text.skewDegrees
        m["text_sideways"] = text.sideways ? 1 : 0
        if let ratio = text.sidewaysRatio { m["text_sideways_ratio"] = ratio }
        m["ruled_lines"] = Double(text.ruledLines)
        m["margin_ink"] = text.marginInk
        m["stroke_sharpness"] = text.strokeSharpness
        m["chroma_mean"] = colour.meanChroma
        m["colourful_fraction"] = colour.colourfulFraction
        m["blue_ink_fraction"] = colour.blueInkFraction
        m["glare_fraction"] = Glare.fraction(picture, paper: paper, rules: rules)
        m["seal_count"] = Double(seals.count)
        if let seal = seals.first {
            m["seal_x"] = seal.centreX / Double(picture.width)
            m["seal_y"] = seal.centreY / Double(picture.height)
            m["seal_diameter"] = Double(max(seal.width, seal.height)) / Double(pageWidth)
        }
        let heldCard = HeldCard.find(picture, paper: paper, faces: faces, relativeLuma: rules.paperRelativeLuma, rules: rules.idCard)
        m["held_card"] = heldCard == nil ? 0 : 1
        result.heldCard = heldCard != nil
        // A card held up by a person is part of a photograph, not a scan of the card's side.
        let shownSides = heldCard == nil ? (sides.front, sides.back) : (false, false)
        m["id_front"] = shownSides.0 ? 1 : 0
        m["id_back"] = shownSides.1 ? 1 : 0

        result.measures = m
        result.sealCount = seals.count
        if let box = paper.box {
            result.pageIsPortrait = box.height > box.width
            // Where the signature block is: the statement's seal belongs there.
            let bottom = Double(box.y) + Double(box.height) * (1 - rules.seal.bottomShare)
            if !seals.isEmpty { result.measures["seal_near_bottom"] = seals.contains { $0.centreY >= bottom } ? 1 : 0 }
        }
        result.idSides = shownSides
        result.ruledLines = text.ruledLines
        result.isGreyscale = isGreyscale
        let hasText = text.density >= rules.minTextDensity && text.density <= rules.maxTextDensity
            && text.lineStrength >= rules.minLineStrength && text.lineCount >= rules.minTextLines
            && text.glyphCount >= rules.minGlyphs && text.glyphInkShare >= rules.minGlyphInkShare
        result.isDocument = paper.fraction >= rules.minPaperFraction && (hasText || !seals.isEmpty)
        // Only a page or a card can be a re-shot screen; a photograph is not searched for one.
        if result.isDocument || shownSides.0 || shownSides.1, let amplitude = ScreenPattern.amplitude(picture, paper: paper, rules: rules) {
            result.measures["screen_pattern_amplitude"] = amplitude
        }
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

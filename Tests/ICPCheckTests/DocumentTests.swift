import Foundation
import Testing

@testable import ICPCheck

/// Each document finding on a page edited to trigger it, and the good sample page that does not;
/// content kinds and roles from content on generated samples and real corpus pages.
@Suite(.serialized) struct DocumentTests {
    static let rules = try! RulesLoader.load()
    static func decoded(_ source: String) -> DecodedImage {
        FileInspector.inspect(bytes: try! TestUploads.bytes(source), path: source).image!
    }
    static let statement = decoded("Samples/APP-101-ready-enterprise/核验单.jpg")
    static let licence = decoded("Samples/APP-101-ready-enterprise/营业执照.jpg")
    static let idFront = decoded("Samples/APP-101-ready-enterprise/身份证正面.jpg")
    static let idBack = decoded("Samples/APP-101-ready-enterprise/身份证反面.jpg")
    static let idBoth = decoded("Samples/APP-113-camera-names/IMG_20261102_0933.jpg")

    static func report(_ image: DecodedImage, role: MaterialRole = .authenticityStatement, isEntity: Bool? = true,
                       rules: Rules = rules, storedColour: String? = nil) -> FileReport {
        var facts = FileReport(path: "doc.jpg", bytes: 1, sha256: "", format: FormatInfo(detected: .jpeg, extensionMatches: true))
        facts.format.color = storedColour
        return FileJudge(rules: rules, isEntity: isEntity)
            .judgePixels(facts, role: role, content: ContentMeasures.measure(image, cascades: .installed, rules: rules)).0
    }

    static func codes(_ image: DecodedImage, role: MaterialRole = .authenticityStatement, isEntity: Bool? = true) -> Set<FindingCode> {
        Set(report(image, role: role, isEntity: isEntity).findings.map(\.code))
    }

    /// The judge's page and colour verdicts are the rules' own, from the measures' numbers.
    @Test func pageAndColourVerdictsComeFromTheRules() {
        let rules = Self.rules.document
        #expect(rules.isColourless(chromaMean: 0, colourfulFraction: 0, sealCount: 0))
        // A red seal found is colour, however grey the rest.
        #expect(!rules.isColourless(chromaMean: 0, colourfulFraction: 0, sealCount: 1))
        #expect(!rules.isColourless(chromaMean: rules.maxGreyChroma + 1, colourfulFraction: 0, sealCount: 0))
        let statement = ContentMeasures.measure(Self.statement, cascades: .installed, rules: Self.rules).page
        #expect(rules.isPage(statement) && !rules.isColourless(statement))
        var bare = statement
        bare.paperFraction = rules.minPaperFraction / 2
        #expect(!rules.isPage(bare))
        // A picture too small to measure is neither.
        #expect(!rules.isPage(DocumentMeasurement()) && !rules.isColourless(DocumentMeasurement()))
    }

    @Test func theSampleStatementPasses() {
        let report = Self.report(Self.statement)
        #expect(report.findings.isEmpty, "\(report.findings.map(\.code)) \(report.measures)")
        #expect(report.contentKind == "document")
        #expect(report.measures["seal_count"] == 1)
        #expect((report.measures["seal_y"] ?? 0) > 0.6 && report.measures["seal_near_bottom"] == 1, "the seal sits by the signature")
        #expect(abs(report.measures["skew_degrees"] ?? 9) < 1)
    }

    /// The typed measurement and the `measures` keys the JSON carries say the same: each field under
    /// its key, the optional ones only when measured, and only three on a strip too thin to measure.
    @Test func typedMeasuresMatchTheirKeys() throws {
        let measurement = DocumentAnalysis.measure(Self.statement, faces: [], closerLook: nil, rules: Self.rules.document)
        let keys = measurement.measures
        let page = try #require(measurement.measured)
        #expect(keys["paper_fraction"] == measurement.paperFraction && measurement.paperFraction > 0.5)
        #expect(keys["document_analysis_width"] == Double(measurement.analysisWidth))
        #expect(keys["margin_ink"] == page.marginInk)
        #expect(keys["glare_fraction"] == page.glareFraction)
        #expect(keys["stroke_sharpness"] == page.strokeSharpness)
        #expect(keys["blue_ink_fraction"] == page.blueInkFraction)
        #expect(keys["chroma_mean"] == page.chromaMean)
        #expect(keys["page_chroma"] == page.pageChroma && keys["page_colourful_fraction"] == page.pageColourfulFraction)
        #expect(keys["text_line_strength"] == page.textLineStrength)
        #expect(keys["text_sideways"] == (page.textSideways ? 1 : 0))
        #expect(keys["text_sideways_ratio"] == page.textSidewaysRatio)
        #expect(keys["page_edge_contact_top"] == page.edgeContact.top && keys["page_edge_contact_right"] == page.edgeContact.right)
        #expect(keys["glyph_count"] == Double(page.glyphCount) && page.glyphCount > 0)
        #expect(keys["linework_share"] == page.lineworkShare && page.lineworkShare > 0, "the statement form's ruled table")
        #expect(keys["seal_count"] == Double(measurement.sealCount) && measurement.sealCount == 1)
        let seal = try #require(page.seal)
        #expect(keys["seal_y"] == seal.y && keys["seal_near_bottom"] == 1 && seal.nearBottom == true)
        #expect(keys["screen_pattern_amplitude"] == page.screenPatternAmplitude)
        let sometimes = [page.textSidewaysRatio, page.seal?.x, page.seal?.y, page.seal?.diameter, page.seal?.nearBottom.map { $0 ? 1 : 0 },
                         page.screenPatternAmplitude]
        #expect(keys.count == 29 + sometimes.compactMap { $0 }.count)

        let strip = ImageEditing.crop(Self.statement, x: 0, y: 0, width: Self.statement.width, height: 12)
        let thin = DocumentAnalysis.measure(strip, faces: [], closerLook: nil, rules: Self.rules.document)
        #expect(thin.measured == nil)
        #expect(Set(thin.measures.keys) == ["paper_fraction", "document_analysis_width", "document_analysis_height"])
        #expect(thin.measures["paper_fraction"] == 0)
    }

    /// A pixel of the seal's ink: any reddish one, its soft edge too (a faint ring is still a seal).
    static func isSealInk(_ color: (UInt8, UInt8, UInt8)) -> Bool { Int(color.0) > max(Int(color.1), Int(color.2)) + 6 }

    /// The statement with its seal painted out in the paper's colour.
    static let unsealed = ImageEditing.map(statement) { _, _, color in
        if isSealInk(color) { color = (245, 243, 238) }
    }

    @Test func sealMissingOnlyForEntities() {
        let unsealed = Self.unsealed
        #expect(Self.codes(unsealed).contains(FindingCode.sealMissing))
        #expect(!Self.codes(unsealed, isEntity: false).contains(FindingCode.sealMissing))
        #expect(!Self.codes(unsealed, isEntity: nil).contains(FindingCode.sealMissing))
    }

    @Test func fadedSealIsStillASeal() {
        // Little ink reached the paper: the seal keeps an eighth of its red.
        let faded = ImageEditing.map(Self.statement) { _, _, color in
            guard Self.isSealInk(color) else { return }
            let fade = { (c: UInt8, paper: Double) in UInt8(paper + (Double(c) - paper) * 0.125) }
            color = (fade(color.0, 245), fade(color.1, 243), fade(color.2, 238))
        }
        #expect(Self.report(faded).measures["seal_count"] == 1)
        #expect(!Self.codes(faded).contains(FindingCode.sealMissing))
        // Only the fainter tier sees it: with its thresholds raised to the full ones, the seal is gone.
        var strict = Self.rules
        strict.document.seal.faintRedExcess = strict.document.seal.minRedExcess
        strict.document.seal.faintSaturation = strict.document.seal.minSaturation
        #expect(Self.report(faded, rules: strict).measures["seal_count"] == 0)
    }

    @Test func aSquareRedRingIsNoSeal() {
        // The statement without its seal, and a red ring drawn in the seal's place: round, or square
        // like the character 口 in a red title.
        let unsealed = Self.unsealed
        let (cx, cy) = (Double(unsealed.width) * 0.7, Double(unsealed.height) * 0.8)
        let radius = Double(unsealed.width) * 0.08, stroke = radius * 0.12
        func stamped(_ onRim: @escaping (Double, Double) -> Bool) -> DecodedImage {
            ImageEditing.map(unsealed) { x, y, color in
                if onRim(Double(x) - cx, Double(y) - cy) { color = (200, 30, 35) }
            }
        }
        let round = stamped { dx, dy in abs((dx * dx + dy * dy).squareRoot() - radius) <= stroke / 2 }
        let square = stamped { dx, dy in abs(max(abs(dx), abs(dy)) - radius) <= stroke / 2 }
        #expect(Self.report(round).measures["seal_count"] == 1)
        #expect(Self.report(square).measures["seal_count"] == 0)
        // It is the corner test that tells them apart: without it the square ring passes.
        var lenient = Self.rules
        lenient.document.seal.maxCornerToRing = 10
        #expect(Self.report(square, rules: lenient).measures["seal_count"] == 1)
    }

    @Test func anOvalSealStampedAtAnAngle() {
        // An oval seal (45 × 30 mm, as some invoice seals are) turned 40°: its upright box's corners
        // hold its rim, so it is measured on its own axes.
        let unsealed = Self.unsealed
        let (cx, cy) = (Double(unsealed.width) * 0.7, Double(unsealed.height) * 0.8)
        let (a, b) = (Double(unsealed.width) * 0.12, Double(unsealed.width) * 0.08)
        let (cosine, sine) = (cos(Double.pi * 40 / 180), sin(Double.pi * 40 / 180))
        let oval = ImageEditing.map(unsealed) { x, y, color in
            let (dx, dy) = (Double(x) - cx, Double(y) - cy)
            let (u, v) = ((dx * cosine + dy * sine) / a, (-dx * sine + dy * cosine) / b)
            if abs((u * u + v * v).squareRoot() - 1) <= 0.04 { color = (200, 30, 35) }
        }
        #expect(Self.report(oval).measures["seal_count"] == 1)
    }

    @Test func aRedRingInAPrintedPhotoIsNoSeal() {
        // A photo printed on the page (dark, colourful) with a red ring in it: no paper around it.
        let unsealed = Self.unsealed
        let (cx, cy) = (Double(unsealed.width) * 0.7, Double(unsealed.height) * 0.8)
        let radius = Double(unsealed.width) * 0.08
        let inPhoto = ImageEditing.map(unsealed) { x, y, color in
            let (dx, dy) = (Double(x) - cx, Double(y) - cy)
            guard abs(dx) <= radius * 2, abs(dy) <= radius * 2 else { return }
            let onRim = abs((dx * dx + dy * dy).squareRoot() - radius) <= radius * 0.06
            color = onRim ? (200, 30, 35) : (90, 110, 70)
        }
        #expect(Self.report(inPhoto).measures["seal_count"] == 0)
        var anywhere = Self.rules
        anywhere.document.seal.minPaperShare = 0
        #expect(Self.report(inPhoto, rules: anywhere).measures["seal_count"] == 1)
    }

    @Test func aCloserLookFindsTheCardsPhoto() {
        // As if the photo measures' 400-pixel picture had shown no face (cards small on a sheet): the
        // card's photo area is searched again at the analysis size.
        let detector = try? FaceCascades.installed.frontal.get()
        let noFaces = DocumentAnalysis.measure(Self.idBoth, faces: [], closerLook: detector, rules: Self.rules.document)
        #expect(noFaces.idSides.front && noFaces.idSides.back)
        // The closer look is for pages with a card's few glyphs only; without it there is no front.
        var manyGlyphs = Self.rules.document
        manyGlyphs.minGlyphs = 10_000
        #expect(!DocumentAnalysis.measure(Self.idBoth, faces: [], closerLook: detector, rules: manyGlyphs).idSides.front)
        // The measures search only with the detector they are handed.
        #expect(!DocumentAnalysis.measure(Self.idBoth, faces: [], closerLook: nil, rules: Self.rules.document).idSides.front)
    }

    @Test func aCardPrintsOnePortraitNotAGroup() throws {
        // The sample front's own face makes it a front; the same card with more faces than a card
        // prints (people before a light wall, which reads as a card) is none.
        let faces = ContentMeasures.measure(Self.idFront, cascades: .installed, rules: Self.rules).people.faceRects
        let face = try #require(faces.first)
        #expect(DocumentAnalysis.measure(Self.idFront, faces: faces, closerLook: nil, rules: Self.rules.document).idSides.front)
        let others = (1...Self.rules.document.idCard.maxFacesOnCard).map { index in
            UnitRect(x: 0.05 + 0.15 * Double(index - 1), y: face.y, width: face.width / 2, height: face.height / 2)
        }
        #expect(!DocumentAnalysis.measure(Self.idFront, faces: faces + others, closerLook: nil, rules: Self.rules.document).idSides.front)
    }

    /// A form ruled into a dense grid (a ledger, a table of fields) is still a page of text: its
    /// thin straight lines are linework, left out of the ink the glyphs' share is taken of. Solid
    /// dark patches (photos pasted on the page) are not linework and count.
    @Test func aFormsRuledGridDoesNotCountAgainstItsText() {
        let (w, h) = (Self.statement.width, Self.statement.height)
        let step = max(8, min(w, h) / 40), thickness = max(1, min(w, h) / 500)
        let ruled = ImageEditing.map(Self.statement) { x, y, color in
            if x % step < thickness || y % step < thickness { color = (40, 40, 40) }
        }
        let report = Self.report(ruled, role: .unknown)
        let linework = report.measures["linework_share"] ?? 0, share = report.measures["glyph_ink_share"] ?? 0
        #expect(linework > 0.5, "most of the ink is the grid: \(report.measures)")
        // Over all the ink the glyphs would hold too little; over the ink outside the grid, enough.
        #expect(share * (1 - linework) < Self.rules.document.minGlyphInkShare && share >= Self.rules.document.minGlyphInkShare)
        #expect(report.contentKind == "document")
        // Solid dark patches larger than a character (photos pasted on the page) are no linework:
        // their ink counts against the glyphs' share.
        let side = min(w, h) / 6
        let blocks = ImageEditing.map(Self.statement) { x, y, color in
            if (x / side) % 3 == 1, (y / side) % 3 == 1 { color = (40, 40, 40) }
        }
        let statement = Self.report(Self.statement, role: .unknown), blocked = Self.report(blocks, role: .unknown)
        #expect((blocked.measures["linework_share"] ?? 1) <= (statement.measures["linework_share"] ?? 0), "\(blocked.measures)")
        #expect((blocked.measures["glyph_ink_share"] ?? 1) < (statement.measures["glyph_ink_share"] ?? 0) / 2)
    }

    /// An ID card's side is found from its text as well as its photo or emblem: lines of characters
    /// where the card prints its fields. The sample front with its text area filled by a few large
    /// dark shapes of more ink (a face before a wall of logos) has no characters there and is no
    /// front; it is one again where the rules ask for no characters.
    @Test func aCardsSideNeedsItsCharacters() throws {
        let faces = ContentMeasures.measure(Self.idFront, cascades: .installed, rules: Self.rules).people.faceRects
        #expect(DocumentAnalysis.measure(Self.idFront, faces: faces, closerLook: nil, rules: Self.rules.document).idSides.front)
        let (w, h) = (Self.idFront.width, Self.idFront.height)
        let logos = ImageEditing.map(Self.idFront) { x, y, color in
            guard x < w * 55 / 100 else { return }
            let (cx, cy) = (x * 4 / (w * 55 / 100), y * 3 / h)  // a 4 × 3 grid of logo cells
            let inLogo = (cx + cy) % 2 == 0 && x % (w / 8) > w / 40 && y % (h / 3) > h / 12
            color = inLogo ? (30, 30, 30) : (235, 235, 235)
        }
        #expect(!DocumentAnalysis.measure(logos, faces: faces, closerLook: nil, rules: Self.rules.document).idSides.front)
        var anyText = Self.rules.document
        anyText.idCard.minTextGlyphs = 0
        #expect(DocumentAnalysis.measure(logos, faces: faces, closerLook: nil, rules: anyText).idSides.front)
    }

    @Test func aSmallCardOnADeskIsFramedFromItsEmblem() {
        // A phone photo of the back lying small on a grey desk: neither the picture nor a page is the card.
        let desk = DecodedImage(width: 1200, height: 1600, channels: 3, pixels: [UInt8]((0..<(1200 * 1600)).flatMap { _ in [150, 148, 144] as [UInt8] }))
        let onDesk = ImageEditing.pasted(Self.idBack, into: desk, x: 380, y: 600, width: 420)
        #expect(Self.report(onDesk, role: .unknown).measures["id_back"] == 1)
        var noMargin = Self.rules
        noMargin.document.idCard.emblemMaxMargin = 0
        #expect(Self.report(onDesk, role: .unknown, rules: noMargin).measures["id_back"] == 0)
        // A licence's emblem, at the top centre of its page, has page on either side: no card there.
        let licenceOnDesk = ImageEditing.pasted(Self.licence, into: desk, x: 200, y: 500, width: 800)
        #expect(Self.report(licenceOnDesk, role: .unknown).measures["id_back"] == 0)
    }

    /// The picture as a greyscale scan stores it: every pixel (that `keepsColour` does not spare) its luma.
    static func greyed(_ image: DecodedImage, keepsColour: ((UInt8, UInt8, UInt8)) -> Bool = { _ in false }) -> DecodedImage {
        ImageEditing.map(image) { _, _, color in
            guard !keepsColour(color) else { return }
            let (r, g, b) = (Int(color.0), Int(color.1), Int(color.2))
            let luma = UInt8((r * 299 + g * 587 + b * 114) / 1000)
            color = (luma, luma, luma)
        }
    }

    @Test func greyscalePage() {
        #expect(Self.codes(Self.greyed(Self.statement)).contains(FindingCode.docGreyscale))
        #expect(!Self.codes(Self.statement).contains(FindingCode.docGreyscale))
        // Stored as greyscale, the page still shows no colour (the file checks say how it is stored).
        let stored = Self.report(Self.greyed(Self.licence), role: .subjectCertificate, storedColour: "grayscale")
        #expect(stored.findings.contains { $0.code == FindingCode.docGreyscale && $0.measure == "chroma_mean" })
        // A colour scan of a black-and-white page whose only colour is its red seal.
        let onlySealRed = Self.greyed(Self.statement, keepsColour: Self.isSealInk)
        let report = Self.report(onlySealRed)
        #expect(report.measures["seal_count"] == 1)
        let codes = Set(report.findings.map(\.code))
        #expect(!codes.contains(FindingCode.docGreyscale), "\(report.measures["colourful_fraction"] ?? -1)")
        // A colour capture of a colourless page: grey, but for the sensor's colour noise of a level or two.
        var state: UInt64 = 7
        let noisy = ImageEditing.map(Self.greyed(Self.statement)) { _, _, color in
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let noise = { (shift: UInt64) in Int((state >> shift) & 3) - 1 }
            let add = { (c: UInt8, n: Int) in UInt8(max(0, min(255, Int(c) + n))) }
            color = (add(color.0, noise(33)), add(color.1, noise(41)), add(color.2, noise(49)))
        }
        // An individual's statement is printed in black alone: its colour capture passes.
        let captured = Self.report(noisy, isEntity: false)
        #expect(!captured.findings.map(\.code).contains(FindingCode.docGreyscale), "\(captured.measures["chroma_mean"] ?? -1)")
    }

    /// A licence and an ID card are printed in colour: a grey copy of one captured under a warm light
    /// with the sensor's colour noise has colour in every pixel, but none of its own.
    @Test func aGreyCopyOfAColourDocumentUnderAWarmLight() {
        var state: UInt64 = 11
        func warmAndNoisy(_ image: DecodedImage) -> DecodedImage {
            ImageEditing.map(image) { _, _, color in
                state = state &* 6364136223846793005 &+ 1442695040888963407
                let noise = { (shift: UInt64) in Double(Int((state >> shift) & 15) - 7) }
                let channel = { (c: UInt8, gain: Double, n: Double) in UInt8(max(0, min(255, (Double(c) * gain + n).rounded()))) }
                color = (channel(color.0, 1, noise(33)), channel(color.1, 0.95, noise(41)), channel(color.2, 0.85, noise(49)))
            }
        }
        for (original, role) in [(Self.licence, MaterialRole.subjectCertificate), (Self.idBack, .idCardBack)] {
            let copy = Self.report(warmAndNoisy(Self.greyed(original)), role: role)
            let finding = copy.findings.first { $0.code == FindingCode.docGreyscale }
            #expect(finding?.measure == "page_chroma", "\(role): \(copy.measures["chroma_mean"] ?? -1), \(copy.measures["page_chroma"] ?? -1)")
            #expect((copy.measures["chroma_mean"] ?? 0) > Self.rules.document.maxGreyChroma, "the cast alone is colour to the plain measure")
            let colour = Self.report(warmAndNoisy(original), role: role)
            #expect(!colour.findings.map(\.code).contains(FindingCode.docGreyscale), "\(role): \(colour.measures["page_chroma"] ?? -1)")
        }
        // The same copy as an individual's statement: black print alone may be the original.
        let statement = Self.report(warmAndNoisy(Self.greyed(Self.statement)), isEntity: false)
        #expect(!statement.findings.map(\.code).contains(FindingCode.docGreyscale))
    }

    @Test func pageCutOffByTheFrame() {
        let (w, h) = (Self.statement.width, Self.statement.height)
        // Photographed on a dark desk: whole page inside the frame, then the same page running off the
        // right edge through its text.
        let whole = ImageEditing.placed(Self.statement, width: w + 200, height: h + 200, x: 100, y: 100, color: (60, 50, 45))
        let runningOff = ImageEditing.placed(Self.statement, width: w + 200, height: h + 200, x: 100 + w / 3, y: 100, color: (60, 50, 45))
        // A scan cropped through its text: the lower half is missing.
        let cropped = ImageEditing.crop(Self.statement, x: 0, y: 0, width: w, height: h * 55 / 100)
        #expect(!Self.codes(whole).contains(FindingCode.borderCutOff))
        #expect(Self.codes(runningOff).contains(FindingCode.borderCutOff))
        #expect(Self.codes(cropped).contains(FindingCode.borderCutOff))
        #expect(Self.report(whole).contentKind == "document")
    }

    /// A scan whose page fills the frame, with the scanner lid's shadow down one edge and a ruled
    /// frame along the top: lines parallel to the edges, no print the edge cuts. Counted as ink
    /// in any run, the same picture reads as cut off.
    @Test func aShadowOrFrameAlongTheEdgeIsNoCut() {
        let (w, h) = (Self.statement.width, Self.statement.height)
        let shadow = max(2, max(w, h) / 250), frameRow = max(1, max(w, h) / 300)
        let scanned = ImageEditing.map(Self.statement) { x, y, color in
            if x < shadow || (y >= frameRow && y < frameRow + 2 && x >= shadow) { color = (35, 35, 35) }
        }
        #expect(!Self.codes(scanned).contains(FindingCode.borderCutOff), "\(Self.report(scanned).measures["margin_ink"] ?? -1)")
        var anyRun = Self.rules
        anyRun.document.marginMaxRun = 1
        #expect(Self.report(scanned, rules: anyRun).findings.contains { $0.code == .borderCutOff })
    }

    @Test func glareOnThePage() {
        // A phone photo under room light: the paper is grey, not white; a lamp leaves a clipped patch.
        let dim = ImageEditing.map(Self.statement) { _, _, color in
            color = (UInt8(Double(color.0) * 0.8), UInt8(Double(color.1) * 0.8), UInt8(Double(color.2) * 0.8))
        }
        let (cx, cy, radius) = (Double(dim.width) * 0.4, Double(dim.height) * 0.35, Double(dim.width) * 0.2)
        let glared = ImageEditing.map(dim) { x, y, color in
            let distance = ((Double(x) - cx) * (Double(x) - cx) + (Double(y) - cy) * (Double(y) - cy)).squareRoot() / radius
            let weight = min(1, max(0, (1 - distance) / 0.4))
            let lift = { (c: UInt8) in UInt8(min(255, Double(c) + (255 - Double(c)) * weight * 1.3)) }
            color = (lift(color.0), lift(color.1), lift(color.2))
        }
        #expect(Self.codes(glared).contains(FindingCode.glare))
        #expect(!Self.codes(dim).contains(FindingCode.glare))
    }

    @Test func blurredText() {
        let blurred = ImageEditing.blurred(Self.statement, radius: 4)
        let report = Self.report(blurred)
        #expect(report.findings.map(\.code).contains(FindingCode.docBlurry), "\(report.measures["stroke_sharpness"] ?? -1)")
        #expect(!Self.codes(Self.statement).contains(FindingCode.docBlurry))
    }

    @Test func screenPattern() {
        // A monitor photographed: the red, green and blue subpixel columns beat against the camera's
        // pixels, a fine moiré a third of a period apart in each channel, so it shows in colour.
        let moire = { (phases: [Double]) in
            ImageEditing.map(Self.statement) { x, y, color in
                let wave = phases.map { 8 * sin(2 * Double.pi * (Double(x) / 9 + Double(y) / 13) + $0) }
                let shift = { (c: UInt8, w: Double) in UInt8(max(0, min(255, Double(c) + w))) }
                color = (shift(color.0, wave[0]), shift(color.1, wave[1]), shift(color.2, wave[2]))
            }
        }
        let coloured = Self.report(moire([0, 2 * Double.pi / 3, 4 * Double.pi / 3]))
        #expect(coloured.findings.map(\.code).contains(FindingCode.screenCapture), "\(coloured.measures["screen_pattern_amplitude"] ?? -1)")
        // The same pattern in grey (a paper texture or a halftone) is not a screen.
        let grey = Self.report(moire([0, 0, 0]))
        #expect(!grey.findings.map(\.code).contains(FindingCode.screenCapture), "\(grey.measures["screen_pattern_amplitude"] ?? -1)")
        #expect(!Self.codes(Self.statement).contains(FindingCode.screenCapture))
    }

    @Test func blueInkOnTheStatement() {
        let lowerStart = Self.statement.height * 3 / 5
        let blue = ImageEditing.map(Self.statement) { _, y, color in
            if y >= lowerStart, Int(color.0) < 120, Int(color.1) < 120 { color = (35, 60, 175) }
        }
        #expect(Self.codes(blue).contains(FindingCode.inkNotBlack))
        #expect(!Self.codes(blue, role: .subjectCertificate).contains(FindingCode.inkNotBlack), "only statements are signed")
        #expect(!Self.codes(Self.statement).contains(FindingCode.inkNotBlack))
    }

    /// A ballpoint's blue under a warm lamp: the cast makes the ink's blue lead over red smaller than
    /// the rules' (so the raw pixels do not read blue), and balancing on the paper brings it back.
    /// The same page's black print under the same light stays black.
    @Test func blueInkUnderAWarmLight() {
        let lowerStart = Self.statement.height * 3 / 5
        let warm = { (color: inout (UInt8, UInt8, UInt8)) in
            color = (UInt8(min(255, Double(color.0) * 1.1)), color.1, UInt8(Double(color.2) * 0.78))
        }
        let signed = ImageEditing.map(Self.statement) { _, y, color in
            if y >= lowerStart, Int(color.0) < 120, Int(color.1) < 120 { color = (60, 72, 125) }
            warm(&color)
        }
        var ink: (UInt8, UInt8, UInt8) = (60, 72, 125)
        warm(&ink)
        #expect(Int(ink.2) - Int(ink.0) < Self.rules.document.blueInkMinOverRed, "the cast hides the blue in the raw pixels")
        #expect(Self.codes(signed).contains(FindingCode.inkNotBlack), "\(Self.report(signed).measures["blue_ink_fraction"] ?? -1)")
        #expect(!Self.codes(ImageEditing.map(Self.statement) { _, _, color in warm(&color) }).contains(FindingCode.inkNotBlack))
    }

    @Test func pageOnItsSide() {
        let source = Self.statement
        var pixels = [UInt8](repeating: 0, count: source.pixels.count)
        // Rotated 90° clockwise: column x of the result is row (height − 1 − x) of the source.
        for y in 0..<source.width {
            for x in 0..<source.height {
                let from = ((source.height - 1 - x) * source.width + y) * 3, to = (y * source.height + x) * 3
                pixels[to] = source.pixels[from]
                pixels[to + 1] = source.pixels[from + 1]
                pixels[to + 2] = source.pixels[from + 2]
            }
        }
        let rotated = DecodedImage(width: source.height, height: source.width, channels: 3, pixels: pixels)
        let report = Self.report(rotated)
        #expect(report.findings.map(\.code).contains(FindingCode.sideways), "\(report.measures)")
        #expect(report.contentKind == "document")
        #expect(!Self.codes(Self.statement).contains(FindingCode.sideways))
    }

    @Test func rolesFromContent() {
        #expect(Self.report(Self.statement, role: .unknown).role == .authenticityStatement)
        #expect(Self.report(Self.licence, role: .unknown).role == .subjectCertificate)
        let front = Self.report(Self.idFront, role: .unknown), back = Self.report(Self.idBack, role: .unknown)
        #expect(front.contentKind == "id_card" && front.role == .idCardFront && front.roleSource == .content)
        #expect(back.contentKind == "id_card" && back.role == .idCardBack)
        #expect(Self.report(Self.idBoth, role: .unknown).role == .idCardBothSides)
        // Scanned in grey, the emblem is a dark filled disc; a grey licence's square QR code is not one.
        #expect(Self.report(Self.greyed(Self.idBack), role: .unknown).role == .idCardBack)
        #expect(Self.report(Self.greyed(Self.licence), role: .unknown).measures["id_back"] == 0)
        let photo = Self.report(Self.decoded(ApplicationTests.backdropPhoto), role: .unknown)
        #expect(photo.measures["id_front"] == 0 && photo.measures["id_back"] == 0)
    }

    @Test func contentContradictsTheRole() throws {
        #expect(Self.codes(Self.idBack, role: .idCardFront).contains(FindingCode.contentMismatch))
        #expect(Self.codes(Self.idFront, role: .idCardBack).contains(FindingCode.contentMismatch))
        #expect(!Self.codes(Self.idFront, role: .idCardFront).contains(FindingCode.contentMismatch))
        let coffee = try #require(FileInspector.inspect(bytes: try Corpus.bytes("photos/skimage_coffee.png"), path: "c.png").image)
        #expect(Self.codes(coffee).contains(FindingCode.contentMismatch))
        #expect(!Self.codes(Self.statement).contains(FindingCode.contentMismatch))
    }

    /// The applicant reads what the picture looks like, in both languages, not just that it does not fit.
    @Test func aContentMismatchSaysWhatThePictureShows() throws {
        func said(_ image: DecodedImage, _ role: MaterialRole) throws -> Finding {
            try #require(Self.report(image, role: role).findings.first { $0.code == FindingCode.contentMismatch })
        }
        let back = try said(Self.idBack, .idCardFront)
        #expect(back.message.contains("Named or declared as the ID card front") && back.message.contains("the back of an ID card"))
        #expect(back.messageZh.contains("身份证人像面") && back.messageZh.contains("图片看起来是身份证国徽面"))
        let front = try said(Self.idFront, .idCardBack)
        #expect(front.messageZh.contains("图片看起来是身份证人像面") && front.message.contains("the front of an ID card"))
        let person = try said(Self.decoded(ApplicationTests.backdropPhoto), .idCardFront)
        #expect(person.message.contains("a photograph of a person") && person.messageZh.contains("一张人物照片"))
        let coffee = try #require(FileInspector.inspect(bytes: try Corpus.bytes("photos/skimage_coffee.png"), path: "c.png").image)
        let cup = try said(coffee, .authenticityStatement)
        #expect(cup.message.contains("a photograph, not a page or a card") && cup.messageZh.contains("不是文件或证件"))
    }

    /// Real pages scanned or photographed by others are documents; real photographs are not.
    @Test(arguments: [
        ("photos/ocrmypdf_linn.png", true), ("photos/ocrmypdf_typewriter.png", true),
        ("photos/pagedewarp_boston_cooking_b.jpg", true), ("photos/cn_e_invoice_red_seals.png", true),
        ("png/misc/skimage_page.png", true), ("photos/skimage_coffee.png", false), ("photos/skimage_rocket.jpg", false),
        ("photos/dlib_eagle.jpg", false), ("photos/skimage_chelsea.png", false), ("photos/skimage_camera.png", false),
        ("exif/Canon_40D.jpg", false), ("exif/Nikon_D70.jpg", false),
    ])
    func realPagesAreDocuments(path: String, isDocument: Bool) throws {
        let image = try #require(FileInspector.inspect(bytes: try Corpus.bytes(path), path: path).image)
        let report = Self.report(image, role: .unknown)
        #expect((report.contentKind == "document") == isDocument, "\(report.contentKind ?? "none") \(report.measures)")
    }

    @Test func invoiceSealsAmongRedPrint() throws {
        let image = try #require(FileInspector.inspect(bytes: try Corpus.bytes("photos/cn_e_invoice_red_seals.png"), path: "i.png").image)
        #expect(Self.report(image, role: .unknown).measures["seal_count"] == 2)
        #expect(Self.report(Self.licence).measures["seal_count"] == 1, "the licence's seal beside its red frame")
        // A bold character of the licence's red title, turned to its own axes, passes for an oval ring
        // but for its fill.
        var anyFill = Self.rules
        anyFill.document.seal.maxFill = 1
        #expect(Self.report(Self.licence, rules: anyFill).measures["seal_count"] == 2)
    }
}

/// The pixel heuristics on degenerate pictures: every size and content gives measures, never a trap.
@Suite struct ContentRobustnessTests {
    static let sizes = [(1, 1), (1, 60), (60, 1), (3, 3), (17, 900), (900, 17), (32, 32), (33, 500), (500, 33), (64, 64), (301, 203), (1200, 40)]

    static func picture(width: Int, height: Int, pattern: Int) -> DecodedImage {
        var random = SystemRandomNumberGenerator()
        let pixels = (0..<(width * height * 3)).map { index -> UInt8 in
            let (x, y, channel) = ((index / 3) % width, (index / 3) / width, index % 3)
            switch pattern {
            case 0: return UInt8.random(in: 0...255, using: &random)
            case 1: return 0
            case 2: return 255
            case 3: return channel == 0 ? 210 : 30  // all seal red
            case 4: return (x / 2 + y) % 2 == 0 ? 20 : 240  // fine stripes: ink everywhere
            default: return UInt8((x * 7 + y * 3) % 256)
            }
        }
        return DecodedImage(width: width, height: height, channels: 3, pixels: pixels)
    }

    @Test(arguments: 0..<6)
    func degeneratePicturesGiveMeasures(pattern: Int) {
        for (width, height) in Self.sizes {
            let facts = FileReport(path: "x.jpg", bytes: 1, sha256: "", format: FormatInfo(detected: .jpeg, extensionMatches: true))
            let content = ContentMeasures.measure(Self.picture(width: width, height: height, pattern: pattern), cascades: .installed, rules: DocumentTests.rules)
            let report = FileJudge(rules: DocumentTests.rules, isEntity: true).judgePixels(facts, role: .unknown, content: content).0
            #expect(report.contentKind != nil && report.measures["paper_fraction"] != nil, "\(width)×\(height) pattern \(pattern)")
        }
    }
}

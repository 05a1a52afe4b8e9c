/// A rectangle in fractions of the picture's width and height.
struct UnitRect: Equatable {
    var x: Double, y: Double, width: Double, height: Double
    var centreX: Double { x + width / 2 }
    var centreY: Double { y + height / 2 }

    func contains(_ px: Double, _ py: Double) -> Bool { px >= x && px <= x + width && py >= y && py <= y + height }
}

extension UnitRect {
    /// A box in a picture's pixels, as fractions of its `width` and `height`.
    init(pixels box: (x: Int, y: Int, width: Int, height: Int), width: Int, height: Int) {
        let (w, h) = (Double(width), Double(height))
        self.init(x: Double(box.x) / w, y: Double(box.y) / h, width: Double(box.width) / w, height: Double(box.height) / h)
    }
}

/// Which sides of a Chinese resident ID card the picture shows. The front has the holder's photo in
/// its right part with text to its left; the back has the red national emblem at its top left. Two
/// cards stacked one above the other (a common upload) show both.
struct IDCardSides {
    var front = false
    var back = false

    /// - Parameter closerLook: the detector to search a card's photo area for a face at the analysis size
    ///   (the photo measures' smaller picture showed no face at all: cards small on a sheet).
    init(_ picture: DocumentPicture, paper: PaperRegion, glyphs: [(x: Double, y: Double)], faces: [UnitRect], marks: [RedMark], closerLook: FaceDetector?, rules: IDCardRules,
         seal: SealRules) {
        let (w, h) = (Double(picture.width), Double(picture.height))
        var cards = [UnitRect(x: 0, y: 0, width: 1, height: 1)]
        if let box = paper.box {
            cards.append(UnitRect(x: Double(box.x) / w, y: Double(box.y) / h, width: Double(box.width) / w, height: Double(box.height) / h))
        }
        // A tall picture or page may hold two cards, one above the other.
        for card in cards where card.height * h > card.width * w {
            cards.append(UnitRect(x: card.x, y: card.y, width: card.width, height: card.height / 2))
            cards.append(UnitRect(x: card.x, y: card.y + card.height / 2, width: card.width, height: card.height / 2))
        }
        // A filled disc inside another mark's box is a seal's centre (its star), not an emblem.
        let emblems = marks.filter { disc in
            disc.isFilledDisc(seal) && !marks.contains { $0.width > disc.width && $0.height > disc.height && $0.encloses(disc) }
        }
        // A card on a desk or one of two on a sheet, framed from its emblem.
        cards += emblems.compactMap { CardAroundEmblem.card(around: $0, picture, rules: rules) }
        let discs = emblems.map {
            UnitRect(x: Double($0.x) / w, y: Double($0.y) / h, width: Double($0.width) / w, height: Double($0.height) / h)
        }
        var frontCards: [UnitRect] = [], backCards: [UnitRect] = []
        for card in cards {
            let aspect = card.width * w / (card.height * h)
            // A card is light (its printed background counts as paper) and carries text.
            guard aspect >= rules.minAspect && aspect <= rules.maxAspect, Self.paperShare(paper, in: card, picture) >= rules.minPaperShare
            else { continue }
            // The card's layout (the resident ID card's: text on the left 55% of the front, the photo on its
            // right 55%, text on the right 60% of the back) is a fixed property of the card.
            let leftArea = UnitRect(x: card.x, y: card.y, width: card.width * 0.55, height: card.height)
            let textLeft = Self.inkShare(picture, in: leftArea)
            let glyphsLeft = Self.count(glyphs, in: leftArea, picture)
            let isPhoto = { (face: UnitRect) -> Bool in
                let relativeHeight = face.height / card.height
                let relativeX = (face.centreX - card.x) / card.width
                return card.contains(face.centreX, face.centreY) && relativeX >= rules.minFaceX
                    && relativeHeight >= rules.faceHeight[0] && relativeHeight <= rules.faceHeight[1]
            }
            // A face found on the closer look must sit on a photo, not on the card's light ground (text
            // and patterns give the detector false faces there).
            let isPrintedPhoto = { (face: UnitRect) in
                isPhoto(face) && Self.blankShare(picture, paper: paper, in: face, rules: rules) <= rules.closerLookMaxBlankShare
            }
            let closerLookFindsPhoto = { (detector: FaceDetector) in
                Self.facesInPhotoArea(of: card, picture, detector: detector, rules: rules).contains(where: isPrintedPhoto)
            }
            let facesOnCard = faces.filter { card.contains($0.centreX, $0.centreY) }.count
            if textLeft >= rules.minTextInk, glyphsLeft >= rules.minTextGlyphs, facesOnCard <= rules.maxFacesOnCard,
               faces.contains(where: isPhoto) || closerLook.map(closerLookFindsPhoto) == true {
                frontCards.append(card)
            }
            let rightArea = UnitRect(x: card.x + card.width * 0.4, y: card.y, width: card.width * 0.6, height: card.height)
            let textRight = Self.inkShare(picture, in: rightArea)
            let glyphsRight = Self.count(glyphs, in: rightArea, picture)
            if textRight >= rules.minTextInk, glyphsRight >= rules.minTextGlyphs, discs.contains(where: { disc in
                let relativeHeight = disc.height / card.height
                return card.contains(disc.centreX, disc.centreY) && (disc.centreX - card.x) / card.width <= rules.maxEmblemX
                    && (disc.centreY - card.y) / card.height <= rules.maxEmblemY
                    && relativeHeight >= rules.emblemHeight[0] && relativeHeight <= rules.emblemHeight[1]
            }) {
                backCards.append(card)
            }
        }
        front = !frontCards.isEmpty
        back = !backCards.isEmpty
    }

    /// Faces in the card's right half (where its photo is), found on the analysis picture, in
    /// fractions of the picture.
    static func facesInPhotoArea(of card: UnitRect, _ picture: DocumentPicture, detector: FaceDetector, rules: IDCardRules) -> [UnitRect] {
        let (xs, ys) = picture.pixels(of: UnitRect(x: card.x + card.width * 0.45, y: card.y, width: card.width * 0.55, height: card.height))
        // The frontal cascade's window is 24 pixels square: a smaller area holds no face it can find.
        guard xs.count >= 24, ys.count >= 24 else { return [] }
        var crop = [UInt8](repeating: 0, count: xs.count * ys.count)
        for y in ys {
            for x in xs { crop[(y - ys.lowerBound) * xs.count + x - xs.lowerBound] = picture.luma[y * picture.width + x] }
        }
        let (w, h) = (Double(picture.width), Double(picture.height))
        return detector.detect(gray: crop, width: xs.count, height: ys.count, minFaceFraction: rules.closerLookMinFace).map {
            UnitRect(x: Double(xs.lowerBound + $0.x) / w, y: Double(ys.lowerBound + $0.y) / h, width: Double($0.width) / w, height: Double($0.height) / h)
        }
    }

    /// Share of the pixels in `rect` as light as the paper and nearly colourless: high on text and
    /// blank card stock, low on a photo of a face.
    static func blankShare(_ picture: DocumentPicture, paper: PaperRegion, in rect: UnitRect, rules: IDCardRules) -> Double {
        let (xs, ys) = picture.pixels(of: rect)
        let light = Int(Double(paper.paperLevel) * rules.blankLumaShare)
        var blank = 0
        for y in ys {
            for x in xs {
                let (r, g, b) = picture.rgb(x, y)
                if Int(picture.luma[y * picture.width + x]) >= light && max(r, g, b) - min(r, g, b) <= rules.blankMaxSpread { blank += 1 }
            }
        }
        return Double(blank) / Double(max(1, xs.count * ys.count))
    }

    /// Share of `rect` that is paper-like (light and nearly colourless), sampled every 4 pixels (a fixed
    /// property of the measure: a card's area holds thousands of pixels, a share needs a few hundred).
    static func paperShare(_ paper: PaperRegion, in rect: UnitRect, _ picture: DocumentPicture) -> Double {
        let (xs, ys) = picture.pixels(of: rect)
        return paper.paperLikeShare(xs: xs, ys: ys, step: 4)
    }

    /// How many of the glyph centres (in pixels) lie inside `rect`.
    static func count(_ glyphs: [(x: Double, y: Double)], in rect: UnitRect, _ picture: DocumentPicture) -> Int {
        let (w, h) = (Double(picture.width), Double(picture.height))
        return glyphs.count { rect.contains($0.x / w, $0.y / h) }
    }

    /// Ink pixels over all pixels inside `rect`.
    static func inkShare(_ picture: DocumentPicture, in rect: UnitRect) -> Double {
        let (xs, ys) = picture.pixels(of: rect)
        guard !xs.isEmpty, !ys.isEmpty else { return 0 }
        var ink = 0
        for y in ys { for x in xs where picture.ink[y * picture.width + x] { ink += 1 } }
        return Double(ink) / Double(xs.count * ys.count)
    }
}

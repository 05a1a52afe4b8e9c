/// A rectangle in fractions of the picture's width and height.
struct UnitRect: Equatable {
    var x: Double, y: Double, width: Double, height: Double
    var centreX: Double { x + width / 2 }
    var centreY: Double { y + height / 2 }

    func contains(_ px: Double, _ py: Double) -> Bool { px >= x && px <= x + width && py >= y && py <= y + height }
}

/// Which sides of a Chinese resident ID card the picture shows. The front has the holder's photo in
/// its right part with text to its left; the back has the red national emblem at its top left. Two
/// cards stacked one above the other (a common upload) show both.
struct IDCardSides {
    var front = false
    var back = false

    init(_ picture: DocumentPicture, paper: PaperRegion, faces: [UnitRect], marks: [RedMark], rules: IDCardRules) {
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
        let discs = marks.filter(\.isFilledDisc).map {
            UnitRect(x: Double($0.x) / w, y: Double($0.y) / h, width: Double($0.width) / w, height: Double($0.height) / h)
        }
        var frontCards: [UnitRect] = [], backCards: [UnitRect] = []
        for card in cards {
            let aspect = card.width * w / (card.height * h)
            // A card is light (its printed background counts as paper) and carries text.
            guard aspect >= rules.minAspect && aspect <= rules.maxAspect, Self.paperShare(paper, in: card, picture) >= rules.minPaperShare
            else { continue }
            let textLeft = Self.inkShare(picture, in: UnitRect(x: card.x, y: card.y, width: card.width * 0.55, height: card.height))
            if textLeft >= rules.minTextInk, faces.contains(where: { face in
                let relativeHeight = face.height / card.height
                let relativeX = (face.centreX - card.x) / card.width
                return card.contains(face.centreX, face.centreY) && relativeX >= rules.minFaceX
                    && relativeHeight >= rules.faceHeight[0] && relativeHeight <= rules.faceHeight[1]
            }) {
                frontCards.append(card)
            }
            let textRight = Self.inkShare(picture, in: UnitRect(x: card.x + card.width * 0.4, y: card.y, width: card.width * 0.6, height: card.height))
            if textRight >= rules.minTextInk, discs.contains(where: { disc in
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

    /// Share of `rect` that is paper-like (light and nearly colourless).
    static func paperShare(_ paper: PaperRegion, in rect: UnitRect, _ picture: DocumentPicture) -> Double {
        var inside = 0, total = 0
        let (w, h) = (Double(picture.width), Double(picture.height))
        for y in stride(from: Int(rect.y * h), to: min(picture.height, Int((rect.y + rect.height) * h)), by: 4) {
            for x in stride(from: Int(rect.x * w), to: min(picture.width, Int((rect.x + rect.width) * w)), by: 4) {
                total += 1
                if paper.isPaperLike(x, y) { inside += 1 }
            }
        }
        return Double(inside) / Double(max(1, total))
    }

    /// Ink pixels over all pixels inside `rect`.
    static func inkShare(_ picture: DocumentPicture, in rect: UnitRect) -> Double {
        let x0 = Int(rect.x * Double(picture.width)), x1 = min(picture.width, Int((rect.x + rect.width) * Double(picture.width)))
        let y0 = Int(rect.y * Double(picture.height)), y1 = min(picture.height, Int((rect.y + rect.height) * Double(picture.height)))
        guard x1 > x0, y1 > y0 else { return 0 }
        var ink = 0
        for y in y0..<y1 { for x in x0..<x1 where picture.ink[y * picture.width + x] { ink += 1 } }
        return Double(ink) / Double((x1 - x0) * (y1 - y0))
    }
}

/// An ID card's back found from its emblem, for a card that is neither the picture nor the page
/// (small on a desk, or one of two on a sheet): the emblem sits near the card's top left corner, so
/// the card's left and top edges lie within a short margin of it, and the blank card stock below the
/// emblem runs down to the card's bottom edge. A licence's emblem, at the top centre of a page, has
/// page on both sides and its title right below it.
enum CardAroundEmblem {
    /// The card's aspect, 85.6 × 54 mm.
    static let cardAspect = 85.6 / 54

    /// The card's box in fractions of the picture, or nil when no edges frame the emblem so.
    static func card(around emblem: RedMark, _ picture: DocumentPicture, rules: IDCardRules) -> UnitRect? {
        let d = max(emblem.width, emblem.height)
        guard d >= rules.framedEmblemMinSize else { return nil }
        let (left, top, right, bottom) = (emblem.x, emblem.y, emblem.x + emblem.width, emblem.y + emblem.height)
        let margin = Int(rules.emblemMaxMargin * Double(d))
        let edge = { (start: Int, step: Int, limit: Int, bound: Int, colour: (Int) -> SIMD3<Double>) in
            edgeDistance(from: start, step: step, limit: limit, bound: bound, contrast: rules.cardEdgeContrast, colour: colour)
        }
        // Leftwards: columns over the emblem's rows; upwards: rows over its columns; downwards: rows
        // over its left third (the lower text starts further right). Each walk starts clear of the
        // emblem's soft rim (3 pixels: a fixed property of the measure, a JPEG's blur at the analysis size).
        let clear = 3
        guard let leftGap = edge(left - clear, -1, margin, picture.width, { meanColour(picture, xs: $0..<($0 + 1), ys: top..<bottom) }),
            let topGap = edge(top - clear, -1, margin, picture.height, { meanColour(picture, xs: left..<right, ys: $0..<($0 + 1)) }),
            let bottomGap = edge(bottom + clear, 1, Int(Double(d) / rules.emblemHeight[0]), picture.height,
                                 { meanColour(picture, xs: left..<(left + max(1, emblem.width / 3)), ys: $0..<($0 + 1)) })
        else { return nil }
        let (cardTop, cardBottom) = (top - clear - topGap, bottom + clear + bottomGap)
        let height = Double(cardBottom - cardTop), (w, h) = (Double(picture.width), Double(picture.height))
        // A card smaller than this is unreadable (and a page's ornament framed by its border is no card).
        guard height >= rules.minFramedCardHeight * min(w, h) else { return nil }
        return UnitRect(x: Double(left - clear - leftGap) / w, y: Double(cardTop) / h, width: height * cardAspect / w, height: height / h)
    }

    /// Steps from `start` until the colour steps away from what it was three steps back, by `contrast`
    /// in some channel, and stays away two steps further (a stroke of text comes back; a card's edge
    /// does not), or until the picture ends, which is an edge too: the distance walked to the edge,
    /// nil beyond `limit`. (Three steps back and two further are fixed properties of the method: wider than
    /// an edge's blur, narrower than a stroke of the card's text.)
    private static func edgeDistance(from start: Int, step: Int, limit: Int, bound: Int, contrast: Double,
                                     colour: (Int) -> SIMD3<Double>) -> Int? {
        let inside = { (position: Int) in position >= 0 && position < bound }
        let differs = { (a: SIMD3<Double>, b: SIMD3<Double>) in ((a - b).replacing(with: -(a - b), where: a .< b)).max() >= contrast }
        for walked in 0...max(0, limit) {
            let position = start + walked * step
            guard inside(position) else { return walked }
            let (before, after) = (start + max(0, walked - 3) * step, position + 2 * step)
            guard walked >= 3 else { continue }
            let reference = colour(before)
            if differs(colour(position), reference), !inside(after) || differs(colour(after), reference) { return walked }
        }
        return nil
    }

    private static func meanColour(_ picture: DocumentPicture, xs: Range<Int>, ys: Range<Int>) -> SIMD3<Double> {
        let xs = max(0, xs.lowerBound)..<min(picture.width, xs.upperBound), ys = max(0, ys.lowerBound)..<min(picture.height, ys.upperBound)
        guard !xs.isEmpty, !ys.isEmpty else { return .zero }
        var sum = SIMD3<Int>.zero
        for y in ys {
            for x in xs {
                let (r, g, b) = picture.rgb(x, y)
                sum &+= SIMD3(r, g, b)
            }
        }
        return SIMD3<Double>(sum) / Double(xs.count * ys.count)
    }
}

import Foundation

/// A connected patch of red ink and the shape measures that tell a round seal (a ring with text
/// inside) from red text, logos and lines, and a filled emblem from both.
struct RedMark {
    var x: Int, y: Int, width: Int, height: Int
    /// Red pixels over the ellipse inscribed in the box.
    var fill = 0.0
    /// Red share of the outer ring (0.72–1.02 of the ellipse's radius) and of the middle band (0.3–0.6).
    var ringDensity = 0.0
    var middleDensity = 0.0
    /// Share of 24 angular sectors whose outer ring holds red: near 1 for a closed ring.
    var ringCoverage = 0.0
    /// Red share of the box's corners outside the ellipse: near 0 for a round mark, high for a square one.
    var cornerDensity = 0.0

    /// Whether `other`'s box lies inside this mark's box.
    func encloses(_ other: RedMark) -> Bool {
        other.x >= x && other.y >= y && other.x + other.width <= x + width && other.y + other.height <= y + height
    }

    var roundness: Double { Double(min(width, height)) / Double(max(1, max(width, height))) }
    var centreX: Double { Double(x) + Double(width) / 2 }
    var centreY: Double { Double(y) + Double(height) / 2 }

    /// A round or oval stamp: a closed ring, emptier inside and in the box's corners than on the rim
    /// (a square character such as 口 is a closed ring too), of a seal's size on the page.
    func isSeal(pageWidth: Int, rules: SealRules) -> Bool {
        hasSealSize(pageWidth: pageWidth, rules: rules) && ringCoverage >= rules.minRingCoverage && ringDensity >= rules.minRingDensity
            && middleDensity <= rules.maxMiddleToRing * ringDensity && cornerDensity <= rules.maxCornerToRing * ringDensity && !isFilledDisc
    }

    func hasSealSize(pageWidth: Int, rules: SealRules) -> Bool {
        Self.hasSealSize(width: width, height: height, pageWidth: pageWidth, rules: rules)
    }

    /// Round or oval, of a seal's size on the page.
    static func hasSealSize(width: Int, height: Int, pageWidth: Int, rules: SealRules) -> Bool {
        let diameter = Double(max(width, height)) / Double(max(1, pageWidth))
        return Double(min(width, height)) >= rules.minRoundness * Double(max(width, height))
            && diameter >= rules.minDiameter && diameter <= rules.maxDiameter && max(width, height) >= 16
    }

    /// Whether the other mark's centre lies inside this one's box.
    func covers(_ other: RedMark) -> Bool {
        other.centreX >= Double(x) && other.centreX <= Double(x + width) && other.centreY >= Double(y) && other.centreY <= Double(y + height)
    }

    static let discRoundness = 0.7

    /// A filled round red mark (the national emblem on an ID card's back).
    var isFilledDisc: Bool {
        roundness >= Self.discRoundness && fill >= 0.35 && middleDensity >= 0.4 && ringCoverage >= 0.6 && cornerDensity <= 0.5 * fill
    }
}

enum RedMarks {
    /// The red patches on the page, largest first (a reddish desk or wall around it is not looked at),
    /// then the seal-shaped patches of fainter red where no seal was found: a faded stamp.
    static func find(in picture: DocumentPicture, paper: PaperRegion, pageWidth: Int, rules: SealRules) -> [RedMark] {
        let width = picture.width
        // White-balanced on the paper, so that a warm or cool light neither makes nor hides red.
        let paperColour = paper.paperColour, grey = (paperColour.r + paperColour.g + paperColour.b) / 3
        let gain = { (channel: Double) in max(0.7, min(1.4, grey / max(1, channel))) }
        let gains = (gain(paperColour.r), gain(paperColour.g), gain(paperColour.b))
        // Per channel, the balanced value of each of the 256 levels: one table look-up per sample.
        let table = { (gain: Double) in (0..<256).map { UInt8(min(255, Double($0) * gain)) } }
        let (rTable, gTable, bTable) = (table(gains.0), table(gains.1), table(gains.2))
        var red = [Bool](repeating: false, count: width * picture.height), faint = red
        var (redCount, faintCount) = (0, 0)
        picture.image.pixels.withUnsafeBufferPointer { pixels in
            for index in 0..<(width * picture.height) where paper.onPage[index] {
                let r = rTable[Int(pixels[3 * index])], g = gTable[Int(pixels[3 * index + 1])], b = bTable[Int(pixels[3 * index + 2])]
                // Most pixels are not even faintly redder than green and blue: no hue to work out.
                guard Int(r) - Int(max(g, b)) >= rules.faintRedExcess else { continue }
                let level = redness(r, g, b, rules)
                red[index] = level == .red
                faint[index] = level != .none
                if level != .none { faintCount += 1 }
                if level == .red { redCount += 1 }
            }
        }
        // Lines are found in the fainter mask, which follows a thin printed line more closely.
        let faintWithoutLines = StraightLines.removing(from: faint, count: faintCount, width: width, height: picture.height)
        let redWithoutLines = zip(red, faintWithoutLines).map { $0 && $1 }
        // Only round marks no larger than half the picture can be seals or emblems.
        let longSide = max(width, picture.height)
        let marks = patches(in: redWithoutLines, picture: picture) { width, height in
            Double(min(width, height)) >= min(rules.minRoundness, RedMark.discRoundness) * Double(max(width, height)) && 2 * max(width, height) <= longSide
        }
        // Nothing fainter than the red: no faded stamp to look for.
        guard faintCount > redCount else { return marks }
        let faded = patches(in: faintWithoutLines, picture: picture) {
            RedMark.hasSealSize(width: $0, height: $1, pageWidth: pageWidth, rules: rules)
        }.filter { candidate in
            candidate.isSeal(pageWidth: pageWidth, rules: rules)
                && !marks.contains { $0.covers(candidate) && $0.isSeal(pageWidth: pageWidth, rules: rules) }
        }
        return marks + faded
    }

    /// The patches of a mask over the picture, largest first, each with its shape measures.
    /// - Parameter worthMeasuring: whether a patch of this width and height can be what is looked for.
    static func patches(in mask: [Bool], picture: DocumentPicture, worthMeasuring: (Int, Int) -> Bool = { _, _ in true }) -> [RedMark] {
        let cellSize = max(2, max(picture.width, picture.height) / 300)
        // Two marked pixels make a cell; growing by one cell joins a seal's ring, star and lettering.
        let cells = CellGrid(mask: mask, width: picture.width, height: picture.height, cellSize: cellSize,
                             share: 2 / Double(cellSize * cellSize)).dilated()
        return cells.regions().prefix(64).compactMap { region in
            guard region.cellCount >= 4 else { return nil }
            let x = region.minColumn * cellSize, y = region.minRow * cellSize
            let box = tightBox(mask, pictureWidth: picture.width, x: x, y: y, width: min(picture.width - x, region.widthInCells * cellSize),
                               height: min(picture.height - y, region.heightInCells * cellSize))
            guard worthMeasuring(box.width, box.height) else { return nil }
            return measure(mask, pictureWidth: picture.width, x: box.x, y: box.y, width: box.width, height: box.height)
        }
    }

    /// The box around the marked pixels inside a region's box: the grown cells leave a margin that
    /// would make a square mark look round to the shape measures.
    private static func tightBox(_ mask: [Bool], pictureWidth: Int, x: Int, y: Int, width: Int, height: Int)
        -> (x: Int, y: Int, width: Int, height: Int)
    {
        var (minX, minY, maxX, maxY) = (x + width, y + height, x - 1, y - 1)
        for py in y..<(y + height) {
            for px in x..<(x + width) where mask[py * pictureWidth + px] {
                minX = min(minX, px); maxX = max(maxX, px); minY = min(minY, py); maxY = max(maxY, py)
            }
        }
        guard maxX >= minX else { return (x, y, width, height) }
        return (minX, minY, maxX - minX + 1, maxY - minY + 1)
    }

    enum Redness { case none, faint, red }

    /// Red in hue (around 0°), saturated enough, clearly redder than green and blue; `faint` when
    /// only the weaker saturation and excess of a faded stamp are reached.
    static func redness(_ r: UInt8, _ g: UInt8, _ b: UInt8, _ rules: SealRules) -> Redness {
        let (r, g, b) = (Int(r), Int(g), Int(b))
        let top = max(r, g, b), bottom = min(r, g, b)
        guard r == top, r >= 70, r - max(g, b) >= rules.faintRedExcess else { return .none }
        guard Double(top - bottom) >= rules.faintSaturation * Double(top) else { return .none }
        let hue = 60 * Double(g - b) / Double(top - bottom)
        guard hue >= rules.hueDegrees[0] && hue <= rules.hueDegrees[1] else { return .none }
        return r - max(g, b) >= rules.minRedExcess && Double(top - bottom) >= rules.minSaturation * Double(top) ? .red : .faint
    }

    private static func measure(_ red: [Bool], pictureWidth: Int, x: Int, y: Int, width: Int, height: Int) -> RedMark {
        var mark = RedMark(x: x, y: y, width: width, height: height)
        let (a, b) = (Double(width) / 2, Double(height) / 2)
        let (cx, cy) = (Double(x) + a, Double(y) + b)
        var ringArea = 0, ringRed = 0, middleArea = 0, middleRed = 0, ellipseArea = 0, ellipseRed = 0, cornerArea = 0, cornerRed = 0
        var sectorArea = [Int](repeating: 0, count: 24), sectorRed = [Int](repeating: 0, count: 24)
        for py in y..<(y + height) {
            let dy = (Double(py) + 0.5 - cy) / b
            for px in x..<(x + width) {
                let dx = (Double(px) + 0.5 - cx) / a
                let radius = (dx * dx + dy * dy).squareRoot()
                let isRed = red[py * pictureWidth + px]
                if radius <= 1 {
                    ellipseArea += 1
                    if isRed { ellipseRed += 1 }
                } else if radius > 1.1 {
                    cornerArea += 1
                    if isRed { cornerRed += 1 }
                }
                if radius >= 0.72 && radius <= 1.02 {
                    ringArea += 1
                    let sector = min(23, Int((atan2(dy, dx) + .pi) / (2 * .pi) * 24))
                    sectorArea[sector] += 1
                    if isRed {
                        ringRed += 1
                        sectorRed[sector] += 1
                    }
                } else if radius >= 0.3 && radius <= 0.6 {
                    middleArea += 1
                    if isRed { middleRed += 1 }
                }
            }
        }
        mark.fill = Double(ellipseRed) / Double(max(1, ellipseArea))
        mark.cornerDensity = Double(cornerRed) / Double(max(1, cornerArea))
        mark.ringDensity = Double(ringRed) / Double(max(1, ringArea))
        mark.middleDensity = Double(middleRed) / Double(max(1, middleArea))
        let sectorNeed = max(0.05, 0.35 * mark.ringDensity)
        let covered = zip(sectorRed, sectorArea).filter { $1 > 0 && Double($0) / Double($1) >= sectorNeed }.count
        mark.ringCoverage = Double(covered) / 24
        return mark
    }

}

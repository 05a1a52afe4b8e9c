import Foundation

/// A connected patch of red ink and the shape measures that tell a round seal (a ring with text
/// inside) from red text, logos and lines, and a filled emblem from both.
struct RedMark {
    /// The box around the mark's pixels.
    var x: Int, y: Int, width: Int, height: Int
    /// Lengths of the mark's own axes, turned as its pixels lie (an oval seal stamped at an angle
    /// fills its upright box's corners): the shape measures below are taken on the ellipse they span.
    var majorAxis = 0.0, minorAxis = 0.0
    /// Red pixels over the mark's ellipse.
    var fill = 0.0
    /// Red share of the outer ring (0.72–1.02 of the ellipse's radius) and of the middle band (0.3–0.6).
    var ringDensity = 0.0
    var middleDensity = 0.0
    /// Share of 24 angular sectors whose outer ring holds red: near 1 for a closed ring.
    var ringCoverage = 0.0
    /// Red share of the corners outside the ellipse, within the box its axes span: near 0 for a round
    /// mark, high for a square one.
    var cornerDensity = 0.0
    /// Share of the box in paper-like cells, a photo printed on the page not counted (1 where nothing says otherwise).
    var paperShare = 1.0

    /// Whether `other`'s box lies inside this mark's box.
    func encloses(_ other: RedMark) -> Bool {
        other.x >= x && other.y >= y && other.x + other.width <= x + width && other.y + other.height <= y + height
    }

    var roundness: Double { minorAxis / max(1, majorAxis) }
    var centreX: Double { Double(x) + Double(width) / 2 }
    var centreY: Double { Double(y) + Double(height) / 2 }

    /// A round or oval stamp: a closed ring, emptier inside and in the box's corners than on the rim
    /// (a square character such as 口 is a closed ring too), of a seal's size on the page.
    func isSeal(pageWidth: Int, rules: SealRules) -> Bool {
        hasSealSize(pageWidth: pageWidth, rules: rules) && ringCoverage >= rules.minRingCoverage && ringDensity >= rules.minRingDensity
            && middleDensity <= rules.maxMiddleToRing * ringDensity && cornerDensity <= rules.maxCornerToRing * ringDensity && !isFilledDisc(rules)
            && paperShare >= rules.minPaperShare && fill <= rules.maxFill
    }

    func hasSealSize(pageWidth: Int, rules: SealRules) -> Bool {
        Self.hasSealSize(major: majorAxis, minor: minorAxis, pageWidth: pageWidth, rules: rules)
    }

    /// Round or oval, of a seal's size on the page. (A patch not yet measured is judged on its box,
    /// which is at least as round as the patch.)
    static func hasSealSize(major: Double, minor: Double, pageWidth: Int, rules: SealRules) -> Bool {
        let diameter = major / Double(max(1, pageWidth))
        return minor >= rules.minRoundness * major && diameter >= rules.minDiameter && diameter <= rules.maxDiameter
            && major >= rules.minMajorAxis
    }

    /// Whether the other mark's centre lies inside this one's box.
    func covers(_ other: RedMark) -> Bool {
        other.centreX >= Double(x) && other.centreX <= Double(x + width) && other.centreY >= Double(y) && other.centreY <= Double(y + height)
    }

    /// A filled round red mark (the national emblem on an ID card's back).
    func isFilledDisc(_ rules: SealRules) -> Bool {
        roundness >= rules.discMinRoundness && fill >= rules.discMinFill && middleDensity >= rules.discMinMiddle
            && ringCoverage >= rules.discMinRingCoverage && cornerDensity <= rules.discMaxCornerToFill * fill
    }
}

enum RedMarks {
    /// The red patches on the page, largest first (a reddish desk or wall around it is not looked at),
    /// then the seal-shaped patches of fainter red where no seal was found: a faded stamp.
    static func find(in picture: DocumentPicture, paper: PaperRegion, pageWidth: Int, rules: SealRules) -> [RedMark] {
        let width = picture.width
        // White-balanced on the paper, so that a warm or cool light neither makes nor hides red.
        let gains = paper.whiteBalance
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
        for index in red.indices where red[index] && !faintWithoutLines[index] { red[index] = false }
        let redWithoutLines = red
        // Only round marks no larger than half the picture can be seals or emblems.
        let longSide = max(width, picture.height)
        let onPaper = { (mark: RedMark) in
            var mark = mark
            mark.paperShare = paper.paperLikeShare(xs: mark.x..<(mark.x + mark.width), ys: mark.y..<(mark.y + mark.height), step: 2, bare: true)
            return mark
        }
        let marks = patches(in: redWithoutLines, picture: picture) { width, height in
            Double(min(width, height)) >= min(rules.minRoundness, rules.discMinRoundness) * Double(max(width, height))
                && Double(max(width, height)) <= rules.maxPictureShare * Double(longSide)
        }.map(onPaper)
        // Nothing fainter than the red: no faded stamp to look for.
        guard faintCount > redCount else { return marks }
        let faded = patches(in: faintWithoutLines, picture: picture) {
            RedMark.hasSealSize(major: Double(max($0, $1)), minor: Double(min($0, $1)), pageWidth: pageWidth, rules: rules)
        }.map(onPaper).filter { candidate in
            candidate.isSeal(pageWidth: pageWidth, rules: rules)
                && !marks.contains { $0.covers(candidate) && $0.isSeal(pageWidth: pageWidth, rules: rules) }
        }
        return marks + faded
    }

    /// The patches of a mask over the picture, largest first, each with its shape measures. Fixed
    /// properties of the method: cells of 1/300 of the long side (at least 2 pixels), a patch of at least
    /// 4 cells, and the 64 largest patches (a page has far fewer red marks; the bound keeps a speckled
    /// photograph's cost in check).
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
        guard r == top, r >= rules.minRed, r - max(g, b) >= rules.faintRedExcess else { return .none }
        guard Double(top - bottom) >= rules.faintSaturation * Double(top) else { return .none }
        let hue = 60 * Double(g - b) / Double(top - bottom)
        guard hue >= rules.hueDegrees[0] && hue <= rules.hueDegrees[1] else { return .none }
        return r - max(g, b) >= rules.minRedExcess && Double(top - bottom) >= rules.minSaturation * Double(top) ? .red : .faint
    }

    /// An ellipse in picture pixels: centre, half-axes, and the turn of its first axis from level.
    private struct Ellipse {
        var cx: Double, cy: Double, a: Double, b: Double, angle: Double
    }

    /// The shape measures on the upright box's ellipse, or on the mark's own turned one where that
    /// fits it better (emptier corners for its rim): an oval stamped at an angle fills its upright
    /// box's corners.
    private static func measure(_ red: [Bool], pictureWidth: Int, x: Int, y: Int, width: Int, height: Int) -> RedMark {
        let upright = Ellipse(cx: Double(x) + Double(width) / 2, cy: Double(y) + Double(height) / 2, a: Double(width) / 2, b: Double(height) / 2, angle: 0)
        let mark = measure(red, pictureWidth: pictureWidth, x: x, y: y, width: width, height: height, axes: upright)
        guard let turned = turnedEllipse(red, pictureWidth: pictureWidth, x: x, y: y, width: width, height: height) else { return mark }
        let other = measure(red, pictureWidth: pictureWidth, x: x, y: y, width: width, height: height, axes: turned)
        let cornersToRim = { (mark: RedMark) in mark.cornerDensity / max(0.001, mark.ringDensity) }
        return cornersToRim(other) < cornersToRim(mark) ? other : mark
    }

    /// The rings measured are fixed properties of the method (as `RedMark` describes them): the rim 0.72–1.02
    /// of the radius, the middle band 0.3–0.6, the corners beyond 1.1, 24 sectors, a sector covered where
    /// its rim is at least 0.35 of the rim's mean density (and at least 0.05). The rules judge the results.
    private static func measure(_ red: [Bool], pictureWidth: Int, x: Int, y: Int, width: Int, height: Int,
                                axes: Ellipse) -> RedMark {
        var mark = RedMark(x: x, y: y, width: width, height: height)
        (mark.majorAxis, mark.minorAxis) = (2 * max(axes.a, axes.b), 2 * min(axes.a, axes.b))
        let (cosine, sine) = (cos(axes.angle), sin(axes.angle))
        var ringArea = 0, ringRed = 0, middleArea = 0, middleRed = 0, ellipseArea = 0, ellipseRed = 0, cornerArea = 0, cornerRed = 0
        var sectorArea = [Int](repeating: 0, count: 24), sectorRed = [Int](repeating: 0, count: 24)
        for py in y..<(y + height) {
            let ry = Double(py) + 0.5 - axes.cy
            for px in x..<(x + width) {
                let rx = Double(px) + 0.5 - axes.cx
                let du = (rx * cosine + ry * sine) / axes.a, dv = (-rx * sine + ry * cosine) / axes.b
                // Outside the box the axes span (its corners may reach past the upright box: they are blank there).
                guard abs(du) <= 1, abs(dv) <= 1 else { continue }
                let radius = (du * du + dv * dv).squareRoot()
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
                    let sector = min(23, Int((atan2(dv, du) + .pi) / (2 * .pi) * 24))
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

    /// The mark's own ellipse, for an elongated mark (its pixels' second moments differ by 30% along
    /// their axes; a round one has no axis to turn to): turned along its principal axis, its centre
    /// and half-axes from the pixels' extent along that axis and across it (a seal's rim is its
    /// outermost ink, whatever the text inside does to the moments).
    private static func turnedEllipse(_ red: [Bool], pictureWidth: Int, x: Int, y: Int, width: Int, height: Int) -> Ellipse? {
        var (n, sx, sy, sxx, syy, sxy) = (0.0, 0.0, 0.0, 0.0, 0.0, 0.0)
        for py in y..<(y + height) {
            for px in x..<(x + width) where red[py * pictureWidth + px] {
                let (fx, fy) = (Double(px) + 0.5, Double(py) + 0.5)
                n += 1; sx += fx; sy += fy; sxx += fx * fx; syy += fy * fy; sxy += fx * fy
            }
        }
        guard n >= 3 else { return nil }
        let (mx, my) = (sx / n, sy / n)
        let (vxx, vyy, vxy) = (sxx / n - mx * mx, syy / n - my * my, sxy / n - mx * my)
        let spread = ((vxx - vyy) * (vxx - vyy) + 4 * vxy * vxy).squareRoot()
        let (major, minor) = ((vxx + vyy + spread) / 2, (vxx + vyy - spread) / 2)
        guard major > 0, minor < 0.7 * major else { return nil }
        let angle = 0.5 * atan2(2 * vxy, vxx - vyy)
        let (cosine, sine) = (cos(angle), sin(angle))
        var (minU, maxU, minV, maxV) = (Double.infinity, -Double.infinity, Double.infinity, -Double.infinity)
        for py in y..<(y + height) {
            for px in x..<(x + width) where red[py * pictureWidth + px] {
                let (rx, ry) = (Double(px) + 0.5 - mx, Double(py) + 0.5 - my)
                let (u, v) = (rx * cosine + ry * sine, -rx * sine + ry * cosine)
                minU = min(minU, u); maxU = max(maxU, u); minV = min(minV, v); maxV = max(maxV, v)
            }
        }
        // Half a pixel beyond the outermost pixel centres on each side, as the upright box has.
        let (a, b) = ((maxU - minU + 1) / 2, (maxV - minV + 1) / 2)
        let (midU, midV) = ((maxU + minU) / 2, (maxV + minV) / 2)
        return Ellipse(cx: mx + midU * cosine - midV * sine, cy: my + midU * sine + midV * cosine, a: a, b: b, angle: angle)
    }
}

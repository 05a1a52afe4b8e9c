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

    var roundness: Double { Double(min(width, height)) / Double(max(1, max(width, height))) }
    var centreX: Double { Double(x) + Double(width) / 2 }
    var centreY: Double { Double(y) + Double(height) / 2 }

    /// A round or oval stamp: a closed ring, emptier inside than on the rim, of a seal's size on the page.
    func isSeal(pageWidth: Int, rules: SealRules) -> Bool {
        let diameter = Double(max(width, height)) / Double(max(1, pageWidth))
        return roundness >= rules.minRoundness && diameter >= rules.minDiameter && diameter <= rules.maxDiameter
            && max(width, height) >= 16 && ringCoverage >= rules.minRingCoverage && ringDensity >= rules.minRingDensity
            && middleDensity <= rules.maxMiddleToRing * ringDensity
    }

    /// A filled round red mark (the national emblem on an ID card's back).
    var isFilledDisc: Bool { roundness >= 0.7 && fill >= 0.35 && middleDensity >= 0.4 && ringCoverage >= 0.6 }
}

enum RedMarks {
    /// The red patches of the picture, largest first.
    static func find(in picture: DocumentPicture, rules: SealRules) -> [RedMark] {
        let rawRed = picture.image.pixels.withUnsafeBufferPointer { pixels in
            (0..<(picture.width * picture.height)).map { isRed(pixels[3 * $0], pixels[3 * $0 + 1], pixels[3 * $0 + 2], rules) }
        }
        // Opening drops lines one or two pixels thin (the red rules of printed forms) and keeps a seal's rim.
        let red = removingLongRuns(opened(rawRed, width: picture.width, height: picture.height), width: picture.width, height: picture.height)
        let cellSize = max(2, max(picture.width, picture.height) / 300)
        // A cell is red when a third of it is (a stray red pixel on the edge of brown print is not);
        // one grown cell joins a seal's ring, star and lettering.
        let cells = CellGrid(width: picture.width, height: picture.height, cellSize: cellSize, share: 0.3) {
            red[$1 * picture.width + $0]
        }.dilated()
        return cells.regions().prefix(64).compactMap { region in
            guard region.cellCount >= 4 else { return nil }
            let x = region.minColumn * cellSize, y = region.minRow * cellSize
            let width = min(picture.width - x, region.widthInCells * cellSize)
            let height = min(picture.height - y, region.heightInCells * cellSize)
            return measure(red, pictureWidth: picture.width, x: x, y: y, width: width, height: height)
        }
    }

    /// A 3×3 majority vote (fills the specks of uneven stamp ink and drops 1-pixel lines), then an
    /// opening by a 3×3 square (drops 2-pixel lines, the red rules of printed forms; keeps a seal's rim).
    static func opened(_ mask: [Bool], width: Int, height: Int) -> [Bool] {
        let majority = neighbourCounts(mask, width: width, height: height).map { $0 >= 5 }
        let eroded = neighbourCounts(majority, width: width, height: height).map { $0 == 9 }
        return neighbourCounts(eroded, width: width, height: height).map { $0 > 0 }
    }

    /// The mask without straight horizontal or vertical runs longer than a tenth of the picture:
    /// printed frames and rules, which would join a seal stamped near them into one patch.
    static func removingLongRuns(_ mask: [Bool], width: Int, height: Int) -> [Bool] {
        var out = mask
        let clear = { (indices: StrideTo<Int>, limit: Int) in
            var run: [Int] = []
            for index in indices {
                if mask[index] {
                    run.append(index)
                    continue
                }
                if run.count > limit { for member in run { out[member] = false } }
                run.removeAll(keepingCapacity: true)
            }
            if run.count > limit { for member in run { out[member] = false } }
        }
        for y in 0..<height { clear(stride(from: y * width, to: (y + 1) * width, by: 1), width / 10) }
        for x in 0..<width { clear(stride(from: x, to: x + height * width, by: width), height / 10) }
        return out
    }

    /// For each pixel, how many of the 3×3 square around it are set (outside the picture counts as unset).
    static func neighbourCounts(_ mask: [Bool], width: Int, height: Int) -> [UInt8] {
        var rows = [UInt8](repeating: 0, count: mask.count)
        for y in 0..<height {
            let base = y * width
            for x in 0..<width {
                var count: UInt8 = mask[base + x] ? 1 : 0
                if x > 0 && mask[base + x - 1] { count += 1 }
                if x + 1 < width && mask[base + x + 1] { count += 1 }
                rows[base + x] = count
            }
        }
        var out = rows
        for y in 0..<height {
            for x in 0..<width {
                let index = y * width + x
                if y > 0 { out[index] += rows[index - width] }
                if y + 1 < height { out[index] += rows[index + width] }
            }
        }
        return out
    }

    /// Red in hue (around 0°), saturated enough, clearly redder than green and blue.
    static func isRed(_ r: UInt8, _ g: UInt8, _ b: UInt8, _ rules: SealRules) -> Bool {
        let (r, g, b) = (Int(r), Int(g), Int(b))
        let top = max(r, g, b), bottom = min(r, g, b)
        guard r == top, r >= 70, r - max(g, b) >= rules.minRedExcess else { return false }
        guard Double(top - bottom) >= rules.minSaturation * Double(top) else { return false }
        let hue = 60 * Double(g - b) / Double(top - bottom)
        return hue >= rules.hueDegrees[0] && hue <= rules.hueDegrees[1]
    }

    private static func measure(_ red: [Bool], pictureWidth: Int, x: Int, y: Int, width: Int, height: Int) -> RedMark {
        var mark = RedMark(x: x, y: y, width: width, height: height)
        let (a, b) = (Double(width) / 2, Double(height) / 2)
        let (cx, cy) = (Double(x) + a, Double(y) + b)
        var ringArea = 0, ringRed = 0, middleArea = 0, middleRed = 0, ellipseArea = 0, ellipseRed = 0
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
        mark.ringDensity = Double(ringRed) / Double(max(1, ringArea))
        mark.middleDensity = Double(middleRed) / Double(max(1, middleArea))
        let sectorNeed = max(0.05, 0.35 * mark.ringDensity)
        let covered = zip(sectorRed, sectorArea).filter { $1 > 0 && Double($0) / Double($1) >= sectorNeed }.count
        mark.ringCoverage = Double(covered) / 24
        return mark
    }

}

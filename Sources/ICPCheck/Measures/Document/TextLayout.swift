import Foundation

/// Text on the page: how much ink, whether it runs in straight lines, their angle, ruled form
/// lines, and how sharp the strokes are.
struct TextLayout {
    /// Ink pixels over page pixels.
    var density = 0.0
    /// Character-sized ink patches on the page, and their share of its ink outside linework.
    var glyphCount = 0
    /// Where the glyphs are: their centres in the picture's pixels.
    var glyphCentres: [(x: Double, y: Double)] = []
    var glyphInkShare = 0.0
    /// Ink in a form's ruled lines and frames over the page's ink (it does not count against the glyphs' share).
    var lineworkShare = 0.0
    /// How much the glyph centres bunch across the text lines (Σ count² · bins / n² of their
    /// profile): about 1 for scattered patches, well above for lines of text.
    var lineStrength = 0.0
    /// Angle of the text lines, degrees, positive when they rise to the right.
    var skewDegrees = 0.0
    /// Separate text lines in that profile.
    var lineCount = 0
    /// Whether the lines run up and down (the page lies on its side).
    var sideways = false
    /// How much more the text bunches into lines running up and down than across; nil when it
    /// bunches into no lines across at all.
    var sidewaysRatio: Double?
    /// Horizontal ink runs longer than 40% of the page width: a form's ruled lines.
    var ruledLines = 0
    /// Steepest ink edge over ink contrast (about 0.5 when sharp, lower when blurred).
    var strokeSharpness = 0.0
    /// Ink along a picture edge the page runs to, over ink on the page (a page cut by the frame has text there).
    var marginInk = 0.0

    init() {}

    init(_ picture: DocumentPicture, paper: PaperRegion, rules: DocumentRules) {
        guard let box = paper.box else { return }
        var inkCount = 0, pageCount = 0
        for y in box.y..<min(picture.height, box.y + box.height) {
            for x in box.x..<min(picture.width, box.x + box.width) where paper.contains(x, y) {
                pageCount += 1
                if picture.ink[y * picture.width + x] { inkCount += 1 }
            }
        }
        density = Double(inkCount) / Double(max(1, pageCount))
        let found = InkGlyphs(picture, box: box, isOnPage: paper.contains)
        glyphCount = found.glyphs.count
        glyphCentres = found.glyphs.map { ($0.x, $0.y) }
        glyphInkShare = found.inkShare
        lineworkShare = found.lineworkShare
        strokeSharpness = Self.strokeSharpness(picture, box: box)
        marginInk = Self.marginInk(picture, paper: paper, pageDensity: density, minContact: rules.marginMinEdgeContact,
                                   maxRunShare: rules.marginMaxRun)
        guard found.glyphs.count >= rules.minGlyphsForLines else { return }
        // Glyph centres on a line share one coordinate across it: their profile is a row of sharp peaks.
        // Fixed properties of the measure: bins a third of a glyph high (a line's centres fall in one or
        // two), angles every half degree (a line of text at a page's width drifts less than a bin).
        let centres = found.glyphs.map { ($0.x, $0.y) }
        let bin = max(1, Double(found.medianHeight) / 3)
        let angles = stride(from: -rules.maxSkewDegrees, through: rules.maxSkewDegrees, by: 0.5).map { $0 }
        let across = Self.bestProfile(centres, angles: angles, bin: bin)
        let down = Self.bestProfile(centres, angles: angles.map { $0 + 90 }, bin: bin)
        sideways = down.strength > across.strength * rules.sidewaysStrengthRatio
        sidewaysRatio = across.strength > 0 ? down.strength / across.strength : nil
        let best = sideways ? down : across
        lineStrength = best.strength
        lineCount = Self.peaks(best.bins)
        skewDegrees = sideways ? best.degrees - 90 : -best.degrees
        ruledLines = Self.ruledLines(picture, box: box, skewDegrees: sideways ? 0 : skewDegrees, minShare: rules.ruledLineMinShare)
    }

    /// The angle whose profile of the points bunches most, with that profile and how much it bunches.
    private static func bestProfile(_ points: [(Double, Double)], angles: [Double], bin: Double)
        -> (degrees: Double, strength: Double, bins: [Int32])
    {
        var best = (degrees: 0.0, strength: -1.0, bins: [Int32]())
        for angle in angles {
            let bins = projection(points, degrees: angle, bin: bin)
            let strength = flatnessRatio(bins, count: points.count)
            if strength > best.strength { best = (angle, strength, bins) }
        }
        return best
    }

    /// Separate runs of full bins between nearly empty ones: a line starts at 30% of a typical full
    /// bin (the 95th percentile of the filled ones) and ends below 10% (a fixed property of the
    /// measure: the gap keeps a ragged line from counting twice).
    private static func peaks(_ bins: [Int32]) -> Int {
        let typical = Double(bins.filter { $0 > 0 }.sorted().dropLast(bins.count / 20).last ?? 0)
        var lines = 0, inLine = false
        for value in bins {
            if !inLine && Double(value) >= 0.3 * typical {
                lines += 1
                inLine = true
            } else if inLine && Double(value) <= 0.1 * typical {
                inLine = false
            }
        }
        return lines
    }

    /// Σ count² · bins / n²: 1 when the points spread evenly over the bins, higher when they bunch.
    private static func flatnessRatio(_ bins: [Int32], count: Int) -> Double {
        guard count > 0 else { return 0 }
        return bins.reduce(0.0) { $0 + Double($1) * Double($1) } * Double(bins.count) / (Double(count) * Double(count))
    }

    /// Counts of the points per bin of their coordinate across lines at `degrees` (0: rows), over the span they cover.
    private static func projection(_ points: [(Double, Double)], degrees: Double, bin: Double) -> [Int32] {
        let radians = degrees * .pi / 180
        let (sine, cosine) = (sin(radians), cos(radians))
        let extent = points.reduce(0.0) { max($0, abs($1.0) + abs($1.1)) }
        let offset = Int(extent / bin) + 1
        var bins = [Int32](repeating: 0, count: 2 * offset + 2)
        for (x, y) in points { bins[offset + Int(((y * cosine - x * sine) / bin).rounded(.down))] += 1 }
        guard let first = bins.firstIndex(where: { $0 > 0 }), let last = bins.lastIndex(where: { $0 > 0 }) else { return [] }
        return Array(bins[first...last])
    }

    /// Lines at the text's angle holding a nearly unbroken ink run over `minShare` of the page width,
    /// counted once per ruled line. Fixed properties of the measure: a gap of up to 2 pixels does not
    /// break a run, and rows within 3 of the last one found are the same (thick) line.
    private static func ruledLines(_ picture: DocumentPicture, box: (x: Int, y: Int, width: Int, height: Int), skewDegrees: Double,
                                   minShare: Double)
        -> Int
    {
        let needed = Int(Double(box.width) * minShare)
        // Rising lines (positive skew) climb as x grows: row = start − x·tan(skew).
        let slope = -tan(skewDegrees * .pi / 180)
        let reach = Int((abs(slope) * Double(box.width)).rounded(.up))
        let columns = box.x..<min(picture.width, box.x + box.width)
        let rise = columns.map { Int((slope * Double($0 - box.x)).rounded()) }
        var lines = 0, previousRow = -10
        for start in (box.y - reach)..<min(picture.height, box.y + box.height + reach) {
            var run = 0, gap = 0, longest = 0
            for x in columns {
                // A pixel either side keeps a line whose angle is a little off the text's.
                let y = start + rise[x - box.x]
                let onLine = y >= 1 && y < picture.height - 1
                    && (picture.ink[(y - 1) * picture.width + x] || picture.ink[y * picture.width + x] || picture.ink[(y + 1) * picture.width + x])
                if onLine {
                    run += 1
                    gap = 0
                } else {
                    gap += 1
                    // A gap of two pixels (a worn line) does not break the run.
                    if gap > 2 { run = 0 }
                }
                longest = max(longest, run)
            }
            if longest >= needed {
                if start - previousRow > 3 { lines += 1 }
                previousRow = start
            }
        }
        return lines
    }

    /// The 90th percentile of the luma gradient on ink pixels, over the ink's contrast with its surroundings
    /// (the 90th percentile: a fixed property of the measure, the steep edges rather than the strokes' flat middles).
    private static func strokeSharpness(_ picture: DocumentPicture, box: (x: Int, y: Int, width: Int, height: Int)) -> Double {
        var gradients: [UInt8] = [], contrasts: [UInt8] = []
        let w = picture.width
        for y in max(1, box.y)..<min(picture.height - 1, box.y + box.height) {
            for x in max(1, box.x)..<min(w - 1, box.x + box.width) where picture.ink[y * w + x] {
                let index = y * w + x
                let dx = abs(Int(picture.luma[index + 1]) - Int(picture.luma[index - 1]))
                let dy = abs(Int(picture.luma[index + w]) - Int(picture.luma[index - w]))
                gradients.append(UInt8(min(255, max(dx, dy) / 2)))
                contrasts.append(UInt8(max(0, Int(picture.background[index]) - Int(picture.luma[index]))))
            }
        }
        let contrast = DocumentPicture.quantile(contrasts, 0.9)
        guard contrast > 0 else { return 0 }
        return Double(DocumentPicture.quantile(gradients, 0.9)) / Double(contrast)
    }

    /// Along each picture edge the page runs along, the ink density on the page within the outer 1%
    /// of the picture, in runs along the edge no longer than `maxRunShare` of the long side, over
    /// the page's ink density; the highest of them. A page cropped through its text has text there,
    /// a real margin has none (a frame or a shadow along the edge runs long). The 1% band (at
    /// least 2 pixels) is a fixed property of the measure, named in the rules' comment on
    /// `document.max_margin_ink`.
    private static func marginInk(
        _ picture: DocumentPicture, paper: PaperRegion, pageDensity: Double, minContact: Double, maxRunShare: Double
    ) -> Double {
        let (w, h) = (picture.width, picture.height)
        let band = max(2, max(w, h) / 100)
        let maxRun = Int(maxRunShare * Double(max(w, h)))
        let sides = [(0..<w, 0..<band), (0..<w, (h - band)..<h), (0..<band, 0..<h), ((w - band)..<w, 0..<h)]
        guard pageDensity > 0, w > 2 * band, h > 2 * band else { return 0 }
        return zip(sides, paper.edgeContact).enumerated().map { index, sideAndContact in
            let (side, contact) = sideAndContact
            guard contact >= minContact else { return 0 }
            // Ink counted in runs along the edge (rows of the top and bottom bands, columns of the
            // sides): only runs as short as print.
            let alongRows = index < 2
            var ink = 0, total = 0
            for across in alongRows ? side.1 : side.0 {
                var run = 0
                func endRun() {
                    if run <= maxRun { ink += run }
                    run = 0
                }
                for along in alongRows ? side.0 : side.1 {
                    let (x, y) = alongRows ? (along, across) : (across, along)
                    guard paper.contains(x, y) else { endRun(); continue }
                    total += 1
                    if picture.ink[y * w + x] { run += 1 } else { endRun() }
                }
                endRun()
            }
            return total > 0 ? Double(ink) / Double(total) / pageDensity : 0
        }.max() ?? 0
    }
}

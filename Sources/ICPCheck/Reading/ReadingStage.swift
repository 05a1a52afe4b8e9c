import Foundation

/// Whether pages and cards are read (`--read`).
public enum ReadMode: String, Sendable, CaseIterable {
    /// Pages and ID cards, and files whose role is a document's.
    case auto
    case off
}

/// The file's bytes as read, kept after the first decode so that a page can be decoded again at
/// the larger scale reading needs (never read from disk twice).
struct EncodedImage: Sendable {
    var bytes: [UInt8]
    var format: ImageFormat
    /// The EXIF orientation the first decode applied.
    var orientation: Int
    /// The stored size, before orientation.
    var width: Int, height: Int
    var limits: DecodeLimits

    /// Decoded upright with the largest shrink that keeps the long side at least `longSide`.
    func decoded(longSide: Int) -> DecodedImage? {
        let factor = JPEGCodec.scaleDenominator(width: width, height: height, targetLongSide: longSide)
        let decoded: DecodedImage?
        switch format {
        case .jpeg: decoded = try? JPEGCodec.decode(bytes, scaleDenominator: factor, limits: limits).0
        case .png: decoded = try? PNGCodec.decode(bytes, scale: factor, limits: limits).0
        case .webp: decoded = try? WebPCodec.decode(bytes, scale: factor, limits: limits)
        default: decoded = nil
        }
        return decoded?.applyingOrientation(orientation)
    }
}

/// The read step: picks what to read (pages, cards, files with a document's role), where (the page
/// or card the document measures found) and at which scale (characters 20–40 px high), turns it
/// upright, and hands it to the reader with a Tesseract engine of the worker's own.
enum ReadingStage {
    /// Roles whose files are pages of text, whatever the pixels looked like.
    private static let documentRoles: Set<MaterialRole> = [
        .authenticityStatement, .subjectCertificate, .domainCertificate, .authorizationLetter, .preApproval,
        .residencePermit, .idCardFront, .idCardBack, .idCardBothSides,
    ]

    /// The reading of one file; nil when it is not a page or card, or reading is off.
    /// - Parameter latestBirthYear: the year of the check (an ID number born later was misread).
    static func read(
        _ analysis: FileAnalysis, content: ContentMeasurement?, role: MaterialRole?, rules: Rules, mode: ReadMode,
        keepLines: Bool = false, latestBirthYear: Int, engines: TextEngines = .shared
    ) -> Reading? {
        guard mode == .auto, let content, let image = analysis.image else { return nil }
        let page = content.page
        let isCard = page.idSides.front || page.idSides.back || [.idCardFront, .idCardBack].contains(role)
        // Some text, even where the picture is no page: a card photographed on a desk, a sheet with a small card.
        let hasText = (page.measured?.glyphCount ?? 0) >= rules.reading.minGlyphs && (page.measured?.textLines ?? 0) >= rules.document.minTextLines
        guard isCard || hasText || rules.document.isPage(page) || role.map(documentRoles.contains) == true else { return nil }
        let sideways = page.measured?.textSideways == true
        let region = RegionPicture(working: image, source: analysis.encoded, region: region(of: page))
        let result = engines.withEngines { pair -> Reading in
            let engine = pair.text
            // Quarter turns clockwise that make the text upright: decided on the first picture, for all.
            var quarterTurns: Int?
            func upright(_ picture: GreyPicture) -> GreyPicture {
                guard sideways else { return picture }
                let turns = quarterTurns ?? uprightTurns(picture, engine: engine, rules: rules.reading)
                quarterTurns = turns
                return picture.turned(quarterTurns: turns)
            }
            // Characters of the size Tesseract reads best: the level lines' median height, measured by
            // its layout analysis.
            func laidOut(longSide: Int) -> (picture: GreyPicture, skew: Double, heights: [Int]) {
                let picture = upright(region.grey(longSide: longSide))
                let skew = picture.textSkew(maxDegrees: rules.document.maxSkewDegrees)
                let lines = engine.lineBoxes(in: abs(skew) < 0.001 ? picture : picture.rotated(by: skew))
                return (picture, skew, lines.filter { $0.width >= 2 * $0.height }.map { max(4, $0.height) }.sorted())
            }
            var layoutSide = rules.reading.layoutLongSide
            var (picture, skew, heights) = laidOut(longSide: layoutSide)
            // A page small in a large photo (on a light desk taken for paper, so the region is the
            // whole picture) has print a few pixels high at the layout's size, where Tesseract's
            // layout takes the page for one picture: laid out again at twice the size, where the
            // document measures counted a page's lines of print (a blurred card, where Tesseract
            // finds few lines at any size, has a card's).
            if heights.count < rules.reading.minLaidOutLines, (page.measured?.textLines ?? 0) >= rules.reading.relayoutTextLines,
               2 * layoutSide <= rules.reading.maxLongSide {
                let larger = laidOut(longSide: 2 * layoutSide)
                if larger.heights.count > heights.count {
                    (picture, skew, heights) = larger
                    layoutSide *= 2
                }
            }
            var lineHeight = Double(rules.reading.lineHeight)
            if !heights.isEmpty {
                // Of an even count, the lower middle one: a card has few lines, and its large title
                // (居民身份证) must not set the scale its fields are read at.
                let median = Double(heights[(heights.count - 1) / 2])
                let longSide = min(rules.reading.maxLongSide, Int(Double(layoutSide) * (Double(rules.reading.lineHeight) / median)))
                lineHeight = median * Double(longSide) / Double(layoutSide)
                picture = upright(region.grey(longSide: longSide))
            }
            // Turned level only where a line across the picture would drift out of its strip.
            if Double(picture.width) * abs(tan(skew)) >= rules.reading.maxLineDrift * lineHeight {
                picture = picture.rotated(by: skew)
            }
            picture = picture.flattened(radius: rules.reading.lineHeight * 3 / 2)
            return DocumentReader(engine: engine, numberEngine: pair.numbers, rules: rules.reading, latestBirthYear: latestBirthYear)
                .read(picture, isCard: isCard, engineName: engines.description, keepLines: keepLines)
        }
        switch result {
        case .success(let reading): return reading
        case .failure(let error):
            var reading = Reading(engine: engines.description)
            reading.error = error.reason
            return reading
        }
    }

    /// The page or card, with a little room around it, in fractions of the picture; the whole
    /// picture when no page was found or it fills nearly all of it.
    private static func region(of page: DocumentMeasurement) -> UnitRect {
        let whole = UnitRect(x: 0, y: 0, width: 1, height: 1)
        guard let box = page.pageBox, box.width * box.height >= 0.05, box.width * box.height <= 0.85 else { return whole }
        let margin = 0.03
        let x0 = max(0, box.x - margin), y0 = max(0, box.y - margin)
        let x1 = min(1, box.x + box.width + margin), y1 = min(1, box.y + box.height + margin)
        return UnitRect(x: x0, y: y0, width: x1 - x0, height: y1 - y0)
    }

    /// How many quarter turns clockwise make a page whose text runs up and down upright: one or
    /// three. Tesseract's orientation detection does not tell them apart on Chinese print (it said
    /// 270° for our pages turned either way), so the starts of the longest lines of print are read
    /// both ways up, at the size they are read at, and the way they read surer wins.
    private static func uprightTurns(_ picture: GreyPicture, engine: TextEngine, rules: ReadingRules) -> Int {
        let clockwise = picture.turned(quarterTurns: 1), otherWay = clockwise.turned(quarterTurns: 2)
        // Print, not a speck (a few pixels high), a ruled line (ink in few rows) or a border (across the page).
        let longest = engine.lineBoxes(in: clockwise).filter { box in
            box.width >= 2 * box.height && box.height >= 6 && 5 * box.width <= 4 * clockwise.width
                && Double(clockwise.inkedRows(in: box)) >= rules.minInkedRows * Double(box.height)
        }.sorted { $0.width > $1.width }.prefix(5)
        // A line's start in either picture: its left end, as wide as a label.
        func confidence(_ picture: GreyPicture, _ lines: [PixelBox]) -> Double {
            let read = lines.flatMap { line -> [TextLine] in
                let pad = max(3, line.height / 5)
                let head = PixelBox(x: line.x - pad, y: line.y - pad, width: min(line.width, line.height * rules.headCharacters) + 2 * pad, height: line.height + 2 * pad)
                let crop = picture.cropped(to: head).scaled(by: Double(rules.lineHeight) / Double(line.height))
                return engine.lines(in: crop, segmentation: .line, deadlineMilliseconds: rules.deadlineMilliseconds)
            }
            return read.isEmpty ? 0 : read.map(\.confidence).reduce(0, +) / Double(read.count)
        }
        // The same lines in the picture turned half round.
        let turnedLines = longest.map { PixelBox(x: clockwise.width - $0.x - $0.width, y: clockwise.height - $0.y - $0.height, width: $0.width, height: $0.height) }
        return confidence(otherWay, turnedLines) > confidence(clockwise, Array(longest)) ? 3 : 1
    }
}

/// The page or card's region of a file's picture, in grey at any scale: from the working picture
/// when it has the pixels, else decoded again from the file's bytes (once, kept for the next scale).
final class RegionPicture {
    private let working: DecodedImage
    private let source: EncodedImage?
    private let region: UnitRect
    private var larger: DecodedImage?

    init(working: DecodedImage, source: EncodedImage?, region: UnitRect) {
        self.working = working
        self.source = source
        self.region = region
    }

    /// The region, its long side `longSide` pixels.
    func grey(longSide: Int) -> GreyPicture {
        var image = larger ?? working
        let regionLong = max(region.width * Double(image.width), region.height * Double(image.height))
        if regionLong < Double(longSide), let source {
            // The whole picture's long side that gives the region `longSide` pixels.
            let wholeLong = Double(longSide) / max(region.width, region.height)
            if let decoded = source.decoded(longSide: Int(wholeLong.rounded(.up))), decoded.width > image.width {
                larger = decoded
                image = decoded
            }
        }
        let box = PixelBox(
            x: Int(region.x * Double(image.width)), y: Int(region.y * Double(image.height)),
            width: Int((region.width * Double(image.width)).rounded()), height: Int((region.height * Double(image.height)).rounded()))
        let grey = GreyPicture(image).cropped(to: box)
        return grey.scaled(by: Double(longSide) / Double(max(grey.width, grey.height)))
    }
}

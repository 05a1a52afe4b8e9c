/// Reads one upright page or card with Tesseract: its lines where they matter (`readLines`), for
/// titles, labels, names and dates; then each line that holds or should hold a number again, with
/// the number engine and only that number's characters allowed. A number is taken only with its
/// check characters right, and not at all where the two reads of its line disagree.
struct DocumentReader {
    let engine: TextEngine
    /// The engine that re-reads numbers, with only their characters allowed.
    let numberEngine: TextEngine
    let rules: ReadingRules
    /// An ID number born after this year was read wrongly.
    let latestBirthYear: Int
    /// Each line's slope, measured once: a line's start and the whole line are cut out with it.
    private let slopes = LineSlopes()

    init(engine: TextEngine, numberEngine: TextEngine, rules: ReadingRules, latestBirthYear: Int) {
        self.engine = engine
        self.numberEngine = numberEngine
        self.rules = rules
        self.latestBirthYear = latestBirthYear
    }

    /// - Parameter isCard: whether the picture is an ID card's (the document measures found one).
    func read(_ picture: GreyPicture, isCard: Bool, engineName: String, keepLines: Bool) -> Reading {
        let (textLines, seconds, frames, budgetLeft, numberHeads) = readLines(picture, isCard: isCard)
        let page = ReadPage(ReadPage.rows(textLines))
        var reading = Reading(engine: engineName)
        var used: [Double] = []
        reading.title = Self.title(of: textLines, seconds: seconds, labelConfidence: rules.minTextConfidence)
        addNumbers(on: ReadPage(textLines + seconds).lines, in: picture, to: &reading, used: &used, numberHeads: numberHeads)
        // Frames (a card, a page the layout found few lines in) read as blocks, where Tesseract finds
        // the lines itself: a second opinion, taken only where the lines gave no title, or no number
        // on a document that prints one (an ID card's back and a domain certificate print none), and
        // as far as the budget lasts (a frame costs what the lines it holds cost).
        let numberMissing = reading.idNumbers.isEmpty && reading.creditCodes.isEmpty
            && reading.title.map(Self.numberedDocuments.contains) != false
        if !frames.isEmpty, reading.title == nil || numberMissing {
            var left = budgetLeft
            let affordable = frames.filter { frame in
                guard frame.cost <= left else { return false }
                left -= frame.cost
                return true
            }
            let blockLines = affordable.flatMap { lines(in: $0.box, of: picture, segmentation: .block) }
            reading.title = reading.title ?? Self.title(of: textLines, seconds: seconds + blockLines, labelConfidence: rules.minTextConfidence)
            addNumbers(on: ReadPage(blockLines).lines, in: picture, to: &reading, used: &used)
        }
        for (key, read) in DocumentFields.names(on: page, title: reading.title) {
            let (name, confidence) = read.1 >= rules.minNameConfidence ? read : surerName(key, read.0, on: page, title: reading.title, in: picture) ?? read
            reading.names[key] = name
            reading.nameConfidence[key] = confidence
            used.append(confidence)
        }
        if let validity = DocumentFields.validity(on: page, title: reading.title) {
            reading.validFrom = validity.from
            reading.validUntil = validity.until
            used.append(validity.confidence)
        }
        if let signed = DocumentFields.signedOn(on: page, title: reading.title) {
            reading.signedOn = signed.date
            used.append(signed.confidence)
        }
        // A card with an ID number and no title or label read: the front (the back carries no number).
        // A card is 85.6 × 54 mm (1.59; a little less with the room around it), a sheet of A4 1.41;
        // and its number stands on a short line, not in a sentence (or after its label, in a line
        // read in its head only and left to the number engine).
        let aspect = Double(max(picture.width, picture.height)) / Double(max(1, min(picture.width, picture.height)))
        let numberStandsAlone = page.lines.contains { line in
            (reading.idNumbers.contains { line.text.contains($0) } && line.text.count <= 30)
                || (numberHeads.contains { line.box.contains(centreOf: $0) } && Self.isNumberHead(ReadPage.compact(line.text), kind: .residentID))
        }
        if reading.title == nil, !reading.idNumbers.isEmpty, reading.creditCodes.isEmpty, (1.45...1.8).contains(aspect),
           page.lines.count <= 15, numberStandsAlone {
            reading.title = .idCardFront
            if reading.names["holder"] == nil, let holder = DocumentFields.unlabelledHolder(on: page) {
                reading.names["holder"] = holder.0
                reading.nameConfidence["holder"] = holder.1
            }
        }
        reading.printLines = (textLines + seconds).filter(isPrint).count
        let confidences = used.isEmpty ? page.lines.map(\.confidence) : used
        if !confidences.isEmpty {
            reading.confidence = (confidences.reduce(0, +) / Double(confidences.count) * 100).rounded() / 100
        }
        if keepLines { reading.lines = page.lines.map(\.text) }
        return reading
    }

    /// Whether `line` was read as a line of print: surely, with letters or digits enough, and not
    /// one character repeated (a rule read as 一一一, a border's rings as OOOO).
    private func isPrint(_ line: TextLine) -> Bool {
        let characters = line.text.filter { $0.isLetter || $0.isNumber }
        return line.confidence >= rules.printLineConfidence && characters.count >= rules.printLineCharacters && Set(characters).count >= 4
    }

    /// The page's lines, read where it matters: Tesseract's layout finds every text line; the start
    /// of each (where a label stands) is read first, and a whole line only when it may be the
    /// title (printed larger), holds a label or starts with a number, or stands beside a label alone
    /// in its cell. On a labelled form, running text (a licence's business scope, a statement's
    /// pledge) is never read whole; on other pages every line is, at once. `seconds`: a block's
    /// lines that the layout also found on their own, read a second time; `frames`: boxes around
    /// lines found on their own, not read, with what reading them would cost of the budget left;
    /// `numberHeads`: lines whose head shows a number's label and first digits, left to the number
    /// engine. Reading stops once the lines read hold every field of their document (`isComplete`).
    private func readLines(
        _ picture: GreyPicture, isCard: Bool
    ) -> (lines: [TextLine], seconds: [TextLine], frames: [(box: PixelBox, cost: Int)], budgetLeft: Int, numberHeads: Set<PixelBox>) {
        // The picture is scaled so that print is about `lineHeight` high: a "line" under a quarter of
        // that, or with ink in few of its rows, is a form's ruled line or a border, which Tesseract
        // would stretch to its line height and spend a second on, for nothing.
        let boxes = engine.lineBoxes(in: picture).filter { box in
            // Counted against one line's height: a box of two merged lines has blank rows between them.
            let inked = Double(picture.inkedRows(in: box)) / Double(min(box.height, rules.lineHeight))
            // Under half the print's height and across three quarters of the picture: a border's
            // pattern (small print runs shorter: a footnote, a card's validity), which Tesseract's
            // search spends seconds on.
            let border = 2 * box.height < rules.lineHeight && 4 * box.width > 3 * picture.width
            return box.width >= box.height / 2 && 4 * box.height >= rules.lineHeight && inked >= rules.minInkedRows && !border
        }.sorted { ($0.y, $0.x) < ($1.y, $1.x) }.prefix(rules.maxLines)
        guard !boxes.isEmpty else { return ([], [], [], rules.budgetCharacters, []) }
        let heights = boxes.map(\.height).sorted()
        let median = heights[heights.count / 2]
        // The tallest lines, printed larger than the body: where a title is.
        let titleHeight = max(Int(Double(median) * 1.3), heights[max(0, heights.count - 3)])
        // The budget counts characters' widths read (a line's width over its height), not seconds:
        // what a file reads must not depend on how busy the machine is.
        var spent = 0
        let budget = rules.budgetCharacters
        var lines: [TextLine] = []
        var whole: [Bool] = []
        // A box under one and a half heights wide holds one character (Chinese print is about square):
        // no field is one character long (a name has two or more, a label two or more, a number or
        // date many), and the boxes that are (a licence's border of rings, a card's 男 or 汉, specks)
        // cost a call each. Title candidates are read still: a spaced-out title's characters may stand alone.
        let readable = boxes.indices.filter { boxes[$0].height >= titleHeight || 2 * boxes[$0].width >= 3 * boxes[$0].height }
        // Title candidates first, then top to bottom, as long as the file's time lasts.
        // On an ID card, its last line next: where the front prints its number and the back its
        // validity (GB 19146's layout), so that the card is read through sooner.
        let last = isCard ? readable.filter { boxes[$0].height < titleHeight }.max { boxes[$0].y < boxes[$1].y } : nil
        let rank = { (index: Int) in boxes[index].height >= titleHeight ? 0 : index == last ? 1 : 2 }
        let order = readable.sorted { (rank($0), $0) < (rank($1), $1) }
        var read = [[TextLine]](repeating: [], count: boxes.count), isWhole = [Bool](repeating: false, count: boxes.count)
        // Whether every line is read whole at once: known once the title candidates are read (on a
        // page with text that may matter anywhere, reading its heads first is waste).
        var readsWhole: Bool?
        var frames: [(box: PixelBox, cost: Int)] = []
        // Where a line read in its head showed digits: where its number starts.
        var headDigits: [PixelBox: PixelBox] = [:]
        // Whether every field of the document the lines read so far show has been read: the rest is not read.
        var complete = false
        for index in order where spent < budget && !complete {
            // A block's lines count for its title only: where the layout found them on their own
            // too, they are second opinions, and their own boxes are read for the fields.
            defer {
                let whole = read.indices.flatMap { [Bool](repeating: isWhole[$0] && read[$0].count == 1, count: read[$0].count) }
                complete = Self.isComplete(read.flatMap { $0 }, whole: whole, numberHeads: Set(headDigits.keys), labelConfidence: rules.minTextConfidence)
            }
            let box = boxes[index]
            let isTitle = box.height >= titleHeight
            if !isTitle, readsWhole == nil {
                readsWhole = Self.title(of: read.flatMap { $0 }, seconds: []).map { !Self.labelledForms.contains($0) } ?? false
            }
            // Titles, and boxes as short as a table's cell or a label with its value, are read whole at once.
            let head = isTitle || readsWhole == true || box.width <= 2 * box.height * rules.headCharacters ? box : PixelBox(x: box.x, y: box.y, width: min(box.width, box.height * rules.headCharacters), height: box.height)
            isWhole[index] = isTitle || head.width == box.width
            // A box as tall as two lines or more holds several: the layout merges a label with the
            // number printed under it (统一社会信用代码 over a licence's code), or frames a card or
            // a page. Read as a block, Tesseract finds the lines inside itself; a title read so
            // stays one line. A frame around lines found on their own is read later, only where
            // they are not enough. A box as tall and about as wide (a QR code, a seal, a photo, an
            // upright page's frame) is no line: read as one, it cost 0.1–0.3 s and gave nothing.
            if isTitle, box.height >= 2 * median {
                guard box.width >= box.height * 6 / 5 else { continue }
                let inside = boxes.filter { $0 != box && box.contains(centreOf: $0) }
                if inside.count >= 2 {
                    frames.append((box, inside.reduce(0) { $0 + $1.characterWidths }))
                    continue
                }
                let parts = self.lines(in: box, of: picture, segmentation: .block)
                spent += parts.reduce(0) { $0 + $1.box.characterWidths }
                if parts.count >= 2 {
                    read[index] = parts
                    continue
                }
                // One line of large print that reads as a title is read; else it is read again as one
                // line, which Tesseract reads surer than a block (开斋书 for 承诺书).
                if let part = parts.first, Self.title(of: [part], seconds: []) != nil {
                    read[index] = [TextLine(text: part.text, confidence: part.confidence, box: box, words: part.words)]
                    isWhole[index] = true
                    continue
                }
            }
            spent += head.characterWidths
            let text = self.read(head, in: picture, segmentation: .line, line: box)
            read[index] = [TextLine(text: text.text, confidence: text.confidence, box: box, words: text.words)]
            if !isWhole[index] { headDigits[box] = text.numberBox }
        }
        // Where the layout also found a block's line on its own, the block's reading of it is a
        // second opinion (for numbers and titles), not a second line in its row.
        var seconds: [TextLine] = []
        for index in boxes.indices {
            for line in read[index] {
                if read[index].count > 1, boxes.contains(where: { $0 != boxes[index] && $0.height < 2 * median && $0.contains(centreOf: line.box) }) {
                    seconds.append(line)
                    continue
                }
                lines.append(line)
                whole.append(isWhole[index])
            }
        }
        let labels = DocumentFields.allLabels + Self.numberLabels.map(\.0)
        // On a labelled form only labelled lines matter; on any other page every line may hold a
        // number or a name mid-sentence, and is read whole.
        let selective = Self.title(of: lines, seconds: seconds).map(Self.labelledForms.contains) ?? false
        // Heads read with little confidence are no text (a pattern, print too blurred): only the
        // lines that matter most are read whole there.
        let confidences = lines.map(\.confidence)
        let isText = confidences.reduce(0, +) / Double(max(1, confidences.count)) >= rules.minTextConfidence
        var wanted: [(index: Int, priority: Bool)] = []
        var numberHeads: Set<PixelBox> = []
        for index in lines.indices where !whole[index] {
            let compact = ReadPage.compact(lines[index].text)
            // At its start (spaced out: 名 | 称), or anywhere in the head: a label may follow its
            // form's prefix (主办单位证件号码).
            let hasLabel = labels.contains { ReadPage.labelRange($0, in: compact) != nil || ReadPage.contains($0, in: compact) }
            let hasDigits = compact.filter { $0.isASCII && $0.isNumber }.count >= 4
            // "类型：", "住所：" — a form's label of any kind, with its value on the rest of the line. On a
            // labelled form every field read has a label of `labels`: a colon after another (接入服务单位：)
            // or in its pledge (本人承诺：) heads nothing to read.
            let hasColon = !selective && compact.prefix(8).contains { $0 == ":" || $0 == ";" }
            let besideLabel = index > 0 && lines[..<index].contains { other in
                other.box.x + other.box.width <= lines[index].box.x && abs(other.box.y - lines[index].box.y) < median / 2
                    && labels.contains { ReadPage.labelRange($0, in: ReadPage.compact(other.text)) != nil }
            }
            // A title printed no larger than the text (a statement's), cut at the head; on a labelled
            // form the title is known, and its words in a head are a sentence's (当面核验…).
            let startsTitle = !selective && DocumentFields.titleStarts.contains { compact.contains($0) }
            // A number's label with the number starting in the head (公民身份号码 on an ID card): the
            // number engine reads the rest of the line, from its first digit (`numbers(on:)`), which
            // the text engine would read no better, at seven times the cost.
            if Self.isNumberHead(compact), let digits = headDigits[lines[index].box] {
                let box = lines[index].box
                lines[index].numberBox = PixelBox(x: digits.x, y: box.y, width: box.x + box.width - digits.x, height: box.height)
                numberHeads.insert(box)
                continue
            }
            let priority = hasLabel || hasDigits || hasColon || besideLabel || startsTitle
            // On a labelled form, a head that read no character (blank paper, a border where the line's
            // box starts) says nothing about the rest of its line.
            let blankHead = !compact.contains { $0.isLetter || $0.isNumber }
            if priority || (selective ? blankHead : isText) { wanted.append((index, priority)) }
        }
        for (index, _) in wanted.sorted(by: { ($0.priority ? 0 : 1, $0.index) < ($1.priority ? 0 : 1, $1.index) })
        where spent < budget && !complete {
            defer { complete = Self.isComplete(lines, whole: whole, numberHeads: numberHeads, labelConfidence: rules.minTextConfidence) }
            let text = self.read(lines[index].box, in: picture, segmentation: .line)
            spent += lines[index].box.characterWidths
            lines[index].text = text.text
            lines[index].confidence = text.confidence
            lines[index].words = text.words
            whole[index] = true
        }
        // Frames are read as blocks only on a page whose heads read as text: on one too blurred to
        // read, a frame the size of the page cost up to 1.8 s and read nothing either.
        return (lines, seconds, isText ? frames : [], max(0, budget - spent), numberHeads)
    }

    /// One box of the picture read as one line (`line`: the whole line it is part of).
    private func read(
        _ box: PixelBox, in picture: GreyPicture, segmentation: TextEngine.Segmentation, line: PixelBox? = nil
    ) -> (text: String, confidence: Double, words: [ReadWord], numberBox: PixelBox?) {
        let read = lines(in: box, of: picture, segmentation: segmentation, line: line)
        guard !read.isEmpty else { return ("", 0, [], nil) }
        return (read.map(\.text).joined(separator: " "), read.map(\.confidence).reduce(0, +) / Double(read.count), read.flatMap(\.words),
                PixelBox.union(read.compactMap(\.numberBox)))
    }

    /// The lines Tesseract reads in one box of the picture (with a little room around it, turned
    /// level where one line is read and it slopes, scaled by `scale`), their boxes in the picture's pixels.
    private func lines(
        in box: PixelBox, of picture: GreyPicture, segmentation: TextEngine.Segmentation, line: PixelBox? = nil, scale: Double = 1
    ) -> [TextLine] {
        let cut = cut(box, of: picture, pad: max(3, box.height / 5), line: segmentation == .line ? line ?? box : nil)
        let scaled = cut.picture.scaled(by: scale)
        let unscale = { (box: PixelBox) in
            cut.inPage(PixelBox(x: Int(Double(box.x) / scale), y: Int(Double(box.y) / scale),
                                width: Int(Double(box.width) / scale), height: Int(Double(box.height) / scale)))
        }
        return engine.lines(in: scaled, segmentation: segmentation, deadlineMilliseconds: rules.deadlineMilliseconds).map { read in
            var read = read
            read.box = unscale(read.box)
            read.numberBox = read.numberBox.map(unscale)
            return read
        }
    }

    /// A name read unsure (a word under `min_name_confidence`), read again: its line read larger
    /// and smaller, and taken where both give one name with every word sure. Two reads at other
    /// sizes that agree are a second opinion; one alone is not (a misread can be sure).
    private func surerName(_ key: String, _ name: String, on page: ReadPage, title: DocumentTitle?, in picture: GreyPicture) -> (String, Double)? {
        guard let index = page.lines.firstIndex(where: { $0.text.contains(name) }) else { return nil }
        let reads = [1.4, 0.8].map { scale -> (String, Double)? in
            let read = lines(in: page.lines[index].box, of: picture, segmentation: .line, scale: scale)
            guard !read.isEmpty else { return nil }
            var again = page
            again.lines[index] = ReadPage([TextLine(words: read)]).lines.first ?? again.lines[index]
            return DocumentFields.names(on: again, title: title)[key]
        }
        guard let larger = reads[0], let smaller = reads[1], larger.0 == smaller.0,
              min(larger.1, smaller.1) >= rules.minNameConfidence else { return nil }
        return (larger.0, min(larger.1, smaller.1))
    }

    /// `box` cut out of the picture, turned level where `line` (nil: none) slopes enough to drift
    /// out of its strip.
    private func cut(_ box: PixelBox, of picture: GreyPicture, pad: Int, line: PixelBox?) -> LineCut {
        let slope = line.map { line in
            slopes.value(for: line) { LineCut.slope(of: line, in: picture, maxDegrees: rules.maxLineSlopeDegrees) }
        }
        return LineCut(box, of: picture, pad: pad, line: line, maxDegrees: rules.maxLineSlopeDegrees,
                       minDrift: rules.maxLineDrift * Double(rules.lineHeight), slope: slope)
    }

    /// The numbers on `lines` (each with its check characters right) added to the reading.
    /// - Parameter numberHeads: lines read in their heads only, left for the number engine.
    private func addNumbers(
        on lines: [ReadPage.Line], in picture: GreyPicture, to reading: inout Reading, used: inout [Double], numberHeads: Set<PixelBox> = []
    ) {
        for line in lines {
            var numbers = numbers(on: line, in: picture, headOnly: numberHeads.contains { line.box.contains(centreOf: $0) })
            // A label above its number (a licence's 统一社会信用代码): the line below read as that number,
            // or, where that gives none, the label's line and the strip under it read as a block.
            if numbers.ids.isEmpty, numbers.codes.isEmpty, let kind = Self.numberLabels.first(where: { ReadPage.contains($0.0, in: line.text) })?.1 {
                if let below = Self.line(below: line, in: lines) {
                    numbers = Self.trusted(found(in: reread(below.box, kind: kind, in: picture), kind: kind), (ids: [], codes: []), kind: kind)
                }
                if numbers.ids.isEmpty, numbers.codes.isEmpty {
                    // As a block of lines: the layout may have merged the label's line with the number's.
                    let text = reread(Self.strip(under: line), kind: kind, in: picture, segmentation: .block)
                    numbers = Self.trusted(found(in: text, kind: kind), (ids: [], codes: []), kind: kind)
                }
            }
            reading.idNumbers += numbers.ids.filter { !reading.idNumbers.contains($0) }
            reading.creditCodes += numbers.codes.filter { !reading.creditCodes.contains($0) }
            if !numbers.ids.isEmpty || !numbers.codes.isEmpty { used.append(line.confidence) }
        }
    }

    /// Whether `lines` hold every field read from the document their title says: an ID card
    /// front's holder and number, a back's validity, a licence's subject, credit code and
    /// validity, a domain certificate's holder and expiry. A number may stand in a line read only
    /// in its head, after its label, its first digits read (`numberHeads`), for the number engine to
    /// read. Statements and letters are never complete: they may print any number of names and numbers.
    private static func isComplete(_ lines: [TextLine], whole: [Bool], numberHeads: Set<PixelBox>, labelConfidence: Double) -> Bool {
        guard let title = DocumentFields.title(of: ReadPage(ReadPage.rows(lines)), labelConfidence: labelConfidence) else { return false }
        // A field's value is taken from lines read whole only: a head holds a name's first characters.
        let wholeLines = zip(lines, whole).filter(\.1).map(\.0)
        let page = ReadPage(ReadPage.rows(wholeLines))
        let text = wholeLines.map(\.text).joined(separator: "|")
        let hasNumber = { (kind: PrintedNumbers.Kind) in
            !PrintedNumbers.find(kind, in: text, latestBirthYear: Int.max).isEmpty
                || zip(lines, whole).contains { line, whole in
                    !whole && numberHeads.contains(line.box) && isNumberHead(ReadPage.compact(line.text), kind: kind)
                }
        }
        // An ID card front's holder by its label only: the unlabelled fallback takes the first row read.
        let names = DocumentFields.names(on: page, title: title == .idCardFront ? nil : title)
        let validity = DocumentFields.validity(on: page, title: title)
        switch title {
        case .idCardFront: return names["holder"] != nil && hasNumber(.residentID)
        case .idCardBack: return validity?.until != nil
        case .businessLicence: return names["subject"] != nil && hasNumber(.creditCode) && validity?.until != nil
        case .domainCertificate: return names["subject"] != nil && validity?.until != nil
        default: return false
        }
    }

    /// Whether a line's head holds a number's label (of `kind`; nil: either) and the number's first digits.
    private static func isNumberHead(_ head: String, kind: PrintedNumbers.Kind? = nil) -> Bool {
        head.filter { $0.isASCII && $0.isNumber }.count >= 3
            && numberLabels.contains { label in (kind == nil || label.1 == kind) && ReadPage.contains(label.0, in: head) }
    }

    /// The title the page's lines say, else the one the second readings of its blocks say.
    private static func title(of lines: [TextLine], seconds: [TextLine], labelConfidence: Double = 0) -> DocumentTitle? {
        DocumentFields.title(of: ReadPage(ReadPage.rows(lines)), labelConfidence: labelConfidence)
            ?? DocumentFields.title(of: ReadPage(ReadPage.rows(seconds)), labelConfidence: labelConfidence)
    }

    /// Documents that print an ID number or a credit code.
    private static let numberedDocuments: Set<DocumentTitle> = [.idCardFront, .businessLicence, .authenticityStatement, .commitmentLetter]

    /// Forms whose every field stands after its label: their other text (a licence's business
    /// scope, a statement's pledge, a domain certificate's paragraph and English captions) holds
    /// nothing to read, and only their labelled lines are read whole.
    private static let labelledForms: Set<DocumentTitle> = [.businessLicence, .authenticityStatement, .domainCertificate]

    /// Labels that announce a number, with the kind they announce.
    private static let numberLabels: [(String, PrintedNumbers.Kind)] = [
        ("公民身份号码", .residentID), ("身份证号码", .residentID), ("身份证号", .residentID), ("身份号码", .residentID),
        // An ID card's label with its last characters misread (公民身份呈友; one character may be
        // misread in the five, so not four: 居民身份证 would pass).
        ("公民身份号", .residentID),
        ("统一社会信用代码", .creditCode), ("社会信用代码", .creditCode), ("信用代码", .creditCode),
    ]

    /// The numbers on one line: from the page's read, and from a second read of the line with only
    /// number characters allowed, where a label announces a number or the line has a long run of
    /// digits. Where both reads give a number of one kind and they differ, neither is taken.
    private func numbers(on line: ReadPage.Line, in picture: GreyPicture, headOnly: Bool = false) -> (ids: [String], codes: [String]) {
        let fromPage = found(in: line.text, kind: nil)
        let label = Self.numberLabels.first { ReadPage.contains($0.0, in: line.text) }
        let digits = line.text.filter { $0.isASCII && $0.isNumber }.count
        // A run as long as a number (17 to 19 letters and digits), unlike a date's or a time's digits.
        let numberLike = line.text.split { !($0.isASCII && ($0.isLetter || $0.isNumber)) }.contains { (17...19).contains($0.count) }
        // A validity period's line holds dates (2015.11.13-2025.11.13), many digits and no number.
        let holdsDates = DocumentFields.validityLabels.contains { ReadPage.contains($0, in: line.text) }
        guard label != nil || (digits >= 12 && !holdsDates) || numberLike else { return Self.trusted(fromPage, (ids: [], codes: []), kind: nil) }
        // Where the number was read; else, after a label, the rest of the line to the picture's edge.
        var box = line.box
        if let numberBox = line.numberBox {
            // A character's width more on the left: a first digit misread as a Chinese character.
            box = PixelBox(x: numberBox.x - numberBox.height, y: numberBox.y, width: numberBox.width + numberBox.height, height: numberBox.height)
        } else if let label, let range = ReadPage.range(of: label.0, in: line.text) {
            let before = Self.printedWidth(line.text[..<range.upperBound]), whole = Self.printedWidth(line.text[...])
            // A character's width earlier: the label's printed width is a guess.
            let start = max(box.x, box.x + Int(Double(box.width) * before / max(whole, 1)) - box.height)
            box = PixelBox(x: start, y: box.y, width: picture.width - start, height: box.height)
        }
        let kind = label?.1
        let again = reread(box, kind: kind, in: picture)
        let numbers = Self.trusted(fromPage, found(in: again, kind: kind), kind: kind)
        guard numbers.ids.isEmpty && numbers.codes.isEmpty, label != nil || numberLike else { return numbers }
        // A number where nothing passed its checks: two more reads, larger and smaller, must give the same number.
        let larger = reread(box, kind: kind, in: picture, scale: 1.4), smaller = reread(box, kind: kind, in: picture, scale: 0.8)
        let (inLarger, inSmaller) = (found(in: larger, kind: kind), found(in: smaller, kind: kind))
        let both = (ids: inLarger.ids.filter(inSmaller.ids.contains), codes: inLarger.codes.filter(inSmaller.codes.contains))
        let agreed = Self.trusted(both, both, kind: kind)
        guard agreed.ids.isEmpty && agreed.codes.isEmpty else { return agreed }
        // A line read in its head only: where the number engine's reads gave nothing, the text
        // engine reads it whole after all (a skewed card's digits it reads surer).
        guard headOnly else { return voted([line.text, again, larger, smaller], kind: kind) }
        let whole = read(line.box, in: picture, segmentation: .line).text
        let fromWhole = Self.trusted(found(in: whole, kind: nil), found(in: again, kind: kind), kind: kind)
        guard fromWhole.ids.isEmpty && fromWhole.codes.isEmpty else { return fromWhole }
        return voted([whole, again, larger, smaller], kind: kind)
    }

    /// The one number two or more different reads of a line give, exactly or with one character
    /// too many taken out (a narrow glyph read twice, a speck read as a digit). Reads that give the
    /// same characters count once (they are no second opinion), and where two numbers of a kind
    /// have that support, the reads do not tell which was printed: none is taken.
    private func voted(_ texts: [String], kind: PrintedNumbers.Kind?) -> (ids: [String], codes: [String]) {
        func winner(_ kindOfNumber: PrintedNumbers.Kind) -> [String] {
            guard kind == nil || kind == kindOfNumber else { return [] }
            var votes: [String: Int] = [:]
            for runs in Set(texts.map { PrintedNumbers.numberRuns(kindOfNumber, in: $0) }) {
                let text = runs.joined(separator: "|")
                let candidates = Set(PrintedNumbers.find(kindOfNumber, in: text, latestBirthYear: latestBirthYear)
                    + PrintedNumbers.repaired(kindOfNumber, in: text, latestBirthYear: latestBirthYear))
                for number in candidates { votes[number, default: 0] += 1 }
            }
            let supported = votes.filter { $0.value >= 2 }.map(\.key)
            return supported.count == 1 ? supported : []
        }
        let ids = winner(.residentID)
        return (ids, winner(.creditCode).filter { !ids.contains($0) })
    }

    /// The numbers of `kind` (nil: either) in a text.
    private func found(in text: String, kind: PrintedNumbers.Kind?) -> (ids: [String], codes: [String]) {
        (ids: kind == .creditCode ? [] : PrintedNumbers.find(.residentID, in: text, latestBirthYear: latestBirthYear),
         codes: kind == .residentID ? [] : PrintedNumbers.find(.creditCode, in: text, latestBirthYear: latestBirthYear))
    }

    /// One box read again by the number engine, with only `kind`'s characters allowed (a credit
    /// code's, which include an ID number's, when the kind is not known): the text it reads.
    private func reread(
        _ box: PixelBox, kind: PrintedNumbers.Kind?, in picture: GreyPicture, scale: Double = 1, segmentation: TextEngine.Segmentation = .line
    ) -> String {
        let strip = cut(box, of: picture, pad: max(4, box.height / 4), line: segmentation == .line ? box : nil).picture.scaled(by: scale)
        let text = numberEngine.lines(
            in: strip, segmentation: segmentation, allowed: (kind ?? .creditCode).alphabet, deadlineMilliseconds: rules.deadlineMilliseconds)
        // Lines apart: a number never runs on from one line into the next.
        return text.map(\.text).joined(separator: "|")
    }

    /// The numbers two reads support. A credit code read once must pass its organisation code's
    /// check too; read the same twice, it may not. Eighteen digits may pass both checks: an ID
    /// number, unless a credit-code label stands before it.
    private static func trusted(
        _ first: (ids: [String], codes: [String]), _ second: (ids: [String], codes: [String]), kind: PrintedNumbers.Kind?
    ) -> (ids: [String], codes: [String]) {
        let ids = kind == .creditCode ? [] : agreed(first.ids, second.ids)
        let codes = agreed(first.codes, second.codes).filter {
            PrintedNumbers.hasOrganisationCheck($0) || (first.codes.contains($0) && second.codes.contains($0))
        }
        return (ids, codes.filter { !ids.contains($0) })
    }

    /// The label's line and the strip under it, where a number printed below its label stands: down
    /// to two line heights below the label, and as wide as 20 of them, from a character before it (a
    /// licence prints its code larger than its label, its 18 characters as wide as 17 label heights).
    private static func strip(under line: ReadPage.Line) -> PixelBox {
        let height = line.box.height
        return PixelBox(x: line.box.x - height, y: line.box.y, width: max(line.box.width, 20 * height) + height, height: 3 * height)
    }

    /// The next line under `line` that it overlaps sideways, within two line heights.
    private static func line(below line: ReadPage.Line, in lines: [ReadPage.Line]) -> ReadPage.Line? {
        lines.filter { other in
            other.box.y > line.box.y + line.box.height / 2 && other.box.y < line.box.y + 3 * line.box.height
                && other.box.x < line.box.x + line.box.width && other.box.x + other.box.width > line.box.x
        }.min { $0.box.y < $1.box.y }
    }

    /// The numbers two reads of one line support: all of one when the other found none, the common
    /// ones when both found some (a number only one read saw, when the other saw another, is a misread).
    private static func agreed(_ first: [String], _ second: [String]) -> [String] {
        if first.isEmpty { return second }
        if second.isEmpty { return first }
        return first.filter(second.contains)
    }

    /// A rough printed width: Chinese characters are about twice as wide as digits and Latin letters.
    private static func printedWidth(_ text: Substring) -> Double {
        text.reduce(0) { $0 + (DocumentFields.isHan($1) ? 1.0 : 0.55) }
    }
}

/// The slopes of the lines of the one picture a `DocumentReader` reads, by their boxes.
private final class LineSlopes {
    private var slopes: [PixelBox: Double] = [:]

    func value(for line: PixelBox, measure: () -> Double) -> Double {
        if let slope = slopes[line] { return slope }
        let slope = measure()
        slopes[line] = slope
        return slope
    }
}

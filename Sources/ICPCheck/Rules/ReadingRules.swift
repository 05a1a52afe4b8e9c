/// Reading pages and cards (`reading` in the rules): the scale they are read at, how sure a name
/// must be read, and how much validity a card or licence must have left.
struct ReadingRules: Codable, Sendable, Equatable {
    var minValidityDays: Int
    var maxLetterAgeDays: Int
    /// A picture with at least this many glyphs in lines is read, even where it is no page.
    var minGlyphs: Int
    /// The long side, in pixels, a page or card is first laid out at, to measure its lines.
    var layoutLongSide: Int
    /// Fewer text lines than this found at `layoutLongSide`, on a picture where the document
    /// measures counted at least `relayoutTextLines`: laid out again at twice the size.
    var minLaidOutLines: Int
    var relayoutTextLines: Int
    /// The text line height, in pixels, the page is then scaled to for reading.
    var lineHeight: Int
    /// The most pixels a page is read at, on its long side.
    var maxLongSide: Int
    /// How far, in line heights, a line across the picture may rise or fall before it is turned level.
    var maxLineDrift: Double
    /// The steepest slope, in degrees, one line is turned level from before it is read.
    var maxLineSlopeDegrees: Double
    var minNameConfidence: Double
    /// How much of each line is read first, in character widths (the line's height).
    var headCharacters: Int
    /// The most text lines one page is read by.
    var maxLines: Int
    /// Below this share of a layout line's rows with ink (of a line height's, in a taller box), it
    /// is a ruled line, not text.
    var minInkedRows: Double
    /// How many characters' widths of one file's lines are read: lines that matter most first.
    var budgetCharacters: Int
    /// Below this mean confidence of the lines' starts, a picture holds no text worth reading whole.
    var minTextConfidence: Double
    /// A line of print: read at least this sure, with at least this many letters or digits.
    var printLineConfidence: Double
    var printLineCharacters: Int
    var deadlineMilliseconds: Int

    enum CodingKeys: String, CodingKey {
        case minValidityDays = "min_validity_days"
        case maxLetterAgeDays = "max_letter_age_days"
        case minGlyphs = "min_glyphs"
        case layoutLongSide = "layout_long_side"
        case minLaidOutLines = "min_laid_out_lines"
        case relayoutTextLines = "relayout_text_lines"
        case lineHeight = "line_height"
        case maxLongSide = "max_long_side"
        case maxLineDrift = "max_line_drift"
        case maxLineSlopeDegrees = "max_line_slope_degrees"
        case minNameConfidence = "min_name_confidence"
        case headCharacters = "head_characters"
        case maxLines = "max_lines"
        case minInkedRows = "min_inked_rows"
        case budgetCharacters = "budget_characters"
        case minTextConfidence = "min_text_confidence"
        case printLineConfidence = "print_line_confidence"
        case printLineCharacters = "print_line_characters"
        case deadlineMilliseconds = "deadline_ms"
    }
}

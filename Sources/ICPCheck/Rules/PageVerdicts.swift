/// The rules' page and colour verdicts on a document measurement (see `DocumentRules.isPage`), for the
/// judge and for the measure stage's choice of what else to measure.
extension DocumentRules {
    func isPage(_ page: DocumentMeasurement) -> Bool {
        guard let measured = page.measured else { return false }
        return isPage(
            paperFraction: page.paperFraction, textDensity: measured.textDensity, lineStrength: measured.textLineStrength,
            lineCount: measured.textLines, glyphCount: measured.glyphCount, glyphInkShare: measured.glyphInkShare,
            sealCount: page.sealCount)
    }

    func isColourless(_ page: DocumentMeasurement) -> Bool {
        guard let measured = page.measured else { return false }
        return isColourless(chromaMean: measured.chromaMean, colourfulFraction: measured.colourfulFraction, sealCount: page.sealCount)
    }

    func isColourlessCopy(_ page: DocumentMeasurement) -> Bool {
        guard let measured = page.measured else { return false }
        return isColourlessCopy(pageChroma: measured.pageChroma, pageColourfulFraction: measured.pageColourfulFraction, sealCount: page.sealCount)
    }
}

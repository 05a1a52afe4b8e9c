/// Judges a picture as a document: `document` or `id_card` as its content kind, a role from
/// content when the name gave none, and the findings for documents.
struct DocumentJudge {
    let rules: DocumentRules
    /// Whether the applicant is an entity (a company or organisation), whose statement carries a seal;
    /// nil when unknown (a single file inspected on its own).
    let isEntity: Bool?

    /// The pages the document findings are for (other papers, such as a pre-approval, vary too much).
    static let pageRoles: Set<MaterialRole> = [.authenticityStatement, .subjectCertificate, .domainCertificate]
    static let idRoles: Set<MaterialRole> = [.idCardFront, .idCardBack, .idCardBothSides]

    /// - Returns: the findings the pixels support whatever the file's role.
    /// - Parameters:
    ///   - title: the title read on the page, if any: it says what the page is better than its pixels.
    ///   - printLines: how many lines of print were read (nil: the picture was not read).
    func apply(_ measurement: DocumentMeasurement, title: DocumentTitle? = nil, printLines: Int? = nil, to report: inout FileReport) -> [Finding] {
        report.measures.merge(measurement.measures) { _, new in new }
        if let printLines { report.measures["read_print_lines"] = Double(printLines) }
        let sides = measurement.idSides
        if measurement.heldCard {
            // A person holding a card up: a photograph of them, not a scan of the card.
            report.contentKind = "photo"
        } else if let title {
            report.contentKind = title == .idCardFront || title == .idCardBack ? "id_card" : "document"
        } else if report.contentKind != "portrait" {
            if sides.front || sides.back {
                report.contentKind = "id_card"
            } else if rules.isPage(measurement) || (printLines ?? 0) >= rules.minReadPrintLines {
                report.contentKind = "document"
            } else {
                report.contentKind = "photo"
            }
        }
        if report.role == .unknown, let role = roleFromContent(measurement, kind: report.contentKind) {
            report.role = role
            report.roleSource = .content
            report.findings.removeAll { $0.code == FindingCode.roleUnknown }
        }
        let role = report.role ?? .other
        // A title that fits the role outweighs the pixels' guess; one that does not is the reading's finding.
        if title == nil, let shown = mismatch(role: role, kind: report.contentKind, sides: sides) {
            report.findings.append(.contentMismatch(role: role, shows: shown))
        }
        // Originals printed in colour (a licence's emblem and seal, an ID card's background): with no
        // colour on the page they are copies, even where a warm light or a sensor's noise tints them.
        // (An entity's statement without colour lacks its seal, which `doc.seal_missing` says; it may
        // be no copy.)
        let printedInColour = Self.colourRoles.contains(role) || report.contentKind == "id_card"
            || title.map(Self.colourTitles.contains) == true
        let observed = observedFindings(measurement, printedInColour: printedInColour)
        guard Self.pageRoles.contains(role) || Self.idRoles.contains(role) else { return observed }
        if role == .authenticityStatement, isEntity == true, measurement.sealCount == 0, rules.isPage(measurement) {
            report.findings.append(.document(.sealMissing, .error, measure: "seal_count", value: 0, limit: 1))
        }
        // Only statements need black ink. A file stored as greyscale has `image.not_color` from the file
        // checks as well: that one says how the file is stored, this one that the page shows no colour.
        report.findings += observed.filter { !($0.code == FindingCode.inkNotBlack && role != .authenticityStatement) }
        return observed
    }

    /// Roles and titles of documents whose originals are printed in colour.
    private static let colourRoles: Set<MaterialRole> = idRoles.union([.subjectCertificate])
    private static let colourTitles: Set<DocumentTitle> = [.businessLicence, .idCardFront, .idCardBack]

    private func roleFromContent(_ measurement: DocumentMeasurement, kind: String?) -> MaterialRole? {
        if measurement.heldCard { return .handheldIDPhoto }
        switch (kind, measurement.idSides.front, measurement.idSides.back) {
        case ("id_card", true, true): return .idCardBothSides
        case ("id_card", true, false): return .idCardFront
        case ("id_card", false, true): return .idCardBack
        case ("document", _, _):
            if measurement.pageIsPortrait && measurement.ruledLines >= rules.minRuledLines { return .authenticityStatement }
            if !measurement.pageIsPortrait && measurement.sealCount > 0 { return .subjectCertificate }
            if measurement.pageIsPortrait && measurement.sealCount > 0 { return .domainCertificate }
            return nil
        default: return nil
        }
    }

    /// What the pixels show instead, when a declared or named role does not fit them.
    private func mismatch(role: MaterialRole, kind: String?, sides: (front: Bool, back: Bool)) -> ShownContent? {
        // A portrait named as a document has its finding from the photo checks already.
        if Self.pageRoles.contains(role), kind == "photo" { return .photograph }
        if role == .idCardFront, sides.back, !sides.front { return .idCardBack }
        if role == .idCardBack, sides.front, !sides.back { return .idCardFront }
        if Self.idRoles.contains(role), kind == "portrait" || kind == "photo" { return kind == "portrait" ? .personPhoto : .photograph }
        return nil
    }

    /// What the pixels show is wrong with the page, whatever it is for. A picture too small to measure
    /// has no page measures: each reads 0 there, as its absent `measures` key did.
    /// - Parameter printedInColour: whether the document's original is printed in colour.
    private func observedFindings(_ measurement: DocumentMeasurement, printedInColour: Bool) -> [Finding] {
        var found: [Finding] = []
        let page = measurement.measured
        // The measure compared with the limit, named as the report's `measures` key.
        func compare(_ problem: DocumentProblem, _ severity: Severity, _ key: String, _ value: Double?, _ limit: Double,
                     detail: String? = nil) -> Finding {
            .document(problem, severity, measure: key, value: value ?? 0, limit: limit, detail: detail)
        }
        if rules.isColourless(measurement) {
            found.append(compare(.docGreyscale, .error, "chroma_mean", page?.chromaMean, rules.maxGreyChroma))
        } else if printedInColour, rules.isColourlessCopy(measurement) {
            found.append(compare(.docGreyscale, .error, "page_chroma", page?.pageChroma, rules.maxCopyChroma))
        }
        // Text running into a picture edge the page reaches: the frame cut through the page. (A page
        // merely touching an edge says little: a white desk joins the page region.)
        if (page?.marginInk ?? 0) > rules.maxMarginInk {
            let contact = page?.edgeContact ?? (top: 0, bottom: 0, left: 0, right: 0)
            let edges = [("top", contact.top), ("bottom", contact.bottom), ("left", contact.left), ("right", contact.right)]
                .map { "\($0.0) \(rounded($0.1))" }
            found.append(compare(.borderCutOff, .error, "margin_ink", page?.marginInk, rules.maxMarginInk,
                                 detail: "page along the picture's edges: " + edges.joined(separator: ", ")))
        }
        if (page?.glareFraction ?? 0) > rules.maxGlareFraction {
            found.append(compare(.glare, .warning, "glare_fraction", page?.glareFraction, rules.maxGlareFraction))
        }
        if rules.isPage(measurement), (page?.strokeSharpness ?? 0) < rules.minStrokeSharpness {
            found.append(compare(.docBlurry, .warning, "stroke_sharpness", page?.strokeSharpness, rules.minStrokeSharpness))
        }
        if let amplitude = page?.screenPatternAmplitude, amplitude > rules.maxScreenPattern {
            found.append(compare(.screenCapture, .warning, "screen_pattern_amplitude", amplitude, rules.maxScreenPattern))
        }
        if rules.isPage(measurement), (page?.blueInkFraction ?? 0) > rules.maxBlueInkFraction {
            found.append(compare(.inkNotBlack, .warning, "blue_ink_fraction", page?.blueInkFraction, rules.maxBlueInkFraction))
        }
        // Lines running up and down, where there are lines enough to tell: the ratio decided the direction.
        if let page, page.textSideways, page.textLineStrength >= rules.minLineStrength {
            found.append(.document(.sideways, .warning, measure: "text_sideways_ratio", value: page.textSidewaysRatio,
                                   limit: rules.sidewaysStrengthRatio))
        }
        return found
    }

    private func rounded(_ value: Double) -> String { String(Double(Int(value * 100)) / 100) }
}

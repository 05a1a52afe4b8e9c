/// Judges the people in a picture: whether it is a portrait, the administrator photo's role from
/// content, and the findings for photos of people.
struct PortraitJudge {
    let rules: PortraitRules
    let backdropColors: [String]
    let provider: ProviderRules

    init(rules: Rules) {
        self.rules = rules.portrait
        self.backdropColors = rules.photo.backdropColors
        self.provider = rules.provider
    }

    /// Document roles, whose files should not show a portrait.
    static let documentRoles: Set<MaterialRole> = [
        .authenticityStatement, .subjectCertificate, .domainCertificate, .preApproval, .authorizationLetter, .residencePermit,
    ]

    /// Exactly one person framed as a portrait: one face, big enough, not cut by the frame.
    func isPortrait(_ measurement: PortraitMeasurement) -> Bool {
        guard measurement.faces.count == 1, let face = measurement.mainFace, let box = measurement.faces.first else { return false }
        let (width, imageHeight) = (measurement.analysisWidth, measurement.analysisHeight)
        let insideFrame = box.x > 0 && box.y > 0 && box.x + box.width < width && box.y + box.height < imageHeight
        // Framed as a portrait: big enough, roughly centred (an ID card's photo sits to one side).
        let centred = face.centerOffset <= rules.maxCenterOffset * rules.portraitMaxOffsetFactor
        return face.heightFraction >= rules.minFaceHeight * rules.portraitMinHeightFactor && face.headMargin > 0 && insideFrame && centred
    }

    /// - Parameter portrait: whether the picture is taken for a portrait (a page of text with a
    ///   face-like pattern on it is not, whatever the face measures say).
    func apply(_ measurement: PortraitMeasurement, portrait: Bool, editing: EditingMeasurement, to report: inout FileReport) {
        report.measures.merge(measurement.measures) { _, new in new }
        // Anything else is a photograph until the document checks say otherwise.
        report.contentKind = portrait ? "portrait" : "photo"

        // A file with no role at all (`inspect`) gets none from its content either. A portrait before
        // the provider's backdrop, or before a full plain backdrop of another colour (whose colour is
        // then its finding), is the administrator photo, where the backdrop covers enough of the
        // picture to name a file by (`min_area_fraction_for_role`, above the share that finds one).
        var role = report.role ?? .other
        if role == .unknown, portrait, let backdrop = measurement.backdrop, backdrop.areaFraction >= rules.backdrop.minAreaFractionForRole,
            backdrop.borderFraction >= (backdropColors.contains(backdrop.colorName ?? "") && rules.backdrop.roleColors.contains(backdrop.colorName ?? "")
                ? rules.backdrop.minBorderFractionForRole : rules.backdrop.minBorderFraction)
        {
            role = .administratorPhoto
            report.role = role
            report.roleSource = .content
            report.findings.removeAll { $0.code == FindingCode.roleUnknown }
        }
        if let problem = measurement.detectorProblem {
            if role.isPhotoOfPerson { report.findings.append(.photo(.detectorUnavailable, .warning, detail: problem)) }
            return
        }
        let nobody = measurement.faces.isEmpty && measurement.profileFaces.isEmpty
        if role.isPhotoOfPerson && nobody {
            report.findings.append(.contentMismatch(role: role, shows: .noFace))
        } else if Self.documentRoles.contains(role) && portrait {
            report.findings.append(.contentMismatch(role: role, shows: .personPhoto))
        }
        if role == .administratorPhoto {
            report.findings += administratorPhotoFindings(measurement, editing: editing)
        } else if role == .handheldIDPhoto, measurement.faces.isEmpty {
            report.findings.append(Self.faceMissing(measurement))
        }
    }

    /// No frontal face: a face turned away, or none at all.
    private static func faceMissing(_ measurement: PortraitMeasurement) -> Finding {
        measurement.profileFaces.isEmpty
            ? .photo(.noFace, .error, measure: "face_count", value: 0, limit: 1)
            : .photo(.faceNotFrontal, .error, measure: "profile_face_count", value: Double(measurement.profileFaces.count),
                     detail: "a face seen from the side")
    }

    /// - Parameter editing: what the editing measures found (JPEG quality, EXIF thumbnail).
    private func administratorPhotoFindings(_ measurement: PortraitMeasurement, editing: EditingMeasurement) -> [Finding] {
        var found: [Finding] = []
        let faces = measurement.faces.count
        if faces == 0 { return [Self.faceMissing(measurement)] + poorLight(measurement) }
        if faces > 1 { found.append(.photo(.multipleFaces, .error, measure: "face_count", value: Double(faces), limit: 1)) }
        // A face always has its framing, focus and exposure measured; a missing one reads 0 as before.
        let face = measurement.mainFace, exposure = measurement.faceExposure
        let height = face?.heightFraction ?? 0, offset = face?.centerOffset ?? 0, margin = face?.headMargin ?? 0
        let sharpness = face?.sharpness ?? 0
        let luma = exposure?.luma ?? 0, crushed = exposure?.crushedFraction ?? 0, clipped = exposure?.clippedFraction ?? 0
        // The measure compared with the limit; `key` names it as the report's `measures` key.
        func compare(_ problem: PhotoProblem, _ severity: Severity, _ key: String, _ value: Double, _ limit: Double) -> Finding {
            .photo(problem, severity, measure: key, value: value, limit: limit)
        }
        if height < rules.minFaceHeight {
            found.append(compare(.faceTooSmall, .warning, "face_height_fraction", height, rules.minFaceHeight))
        }
        if height > rules.maxFaceHeight {
            found.append(compare(.faceTooLarge, .warning, "face_height_fraction", height, rules.maxFaceHeight))
        }
        if offset > rules.maxCenterOffset {
            found.append(compare(.offCentre, .warning, "face_center_offset", offset, rules.maxCenterOffset))
        }
        if margin < rules.minHeadMargin {
            found.append(compare(.headCutOff, .error, "head_margin", margin, rules.minHeadMargin))
        }
        found += backdropFindings(measurement)
        // Too dark on average, or too much of the face crushed to black; the finding names which.
        if luma < rules.minFaceLuma {
            found.append(compare(.underexposed, .warning, "face_luma", luma, rules.minFaceLuma))
        } else if crushed > rules.maxCrushedFraction {
            found.append(compare(.underexposed, .warning, "face_crushed_fraction", crushed, rules.maxCrushedFraction))
        } else if luma > rules.maxFaceLuma {
            found.append(compare(.overexposed, .warning, "face_luma", luma, rules.maxFaceLuma))
        } else if clipped > rules.maxClippedFraction {
            found.append(compare(.overexposed, .warning, "face_clipped_fraction", clipped, rules.maxClippedFraction))
        }
        if sharpness < rules.minSharpness {
            found.append(compare(.blurry, .warning, "sharpness", sharpness, rules.minSharpness))
        }
        if let quality = editing.jpegQuality, quality < rules.minJPEGQuality {
            found.append(compare(.recompressed, .warning, "jpeg_quality", quality, rules.minJPEGQuality))
        }
        if let difference = editing.thumbnailDifference, difference > rules.maxThumbnailDifference {
            found.append(compare(.thumbnailMismatch, .warning, "thumbnail_difference", difference, rules.maxThumbnailDifference))
        }
        return found
    }

    /// With no face found, a picture too dark or too bright overall: the light that hid the face.
    private func poorLight(_ measurement: PortraitMeasurement) -> [Finding] {
        guard let luma = measurement.pictureLuma else { return [] }
        if luma < rules.poorLightDarkLuma {
            return [.photo(.underexposed, .warning, measure: "picture_luma", value: luma, limit: rules.poorLightDarkLuma)]
        }
        if luma > rules.poorLightBrightLuma {
            return [.photo(.overexposed, .warning, measure: "picture_luma", value: luma, limit: rules.poorLightBrightLuma)]
        }
        return []
    }

    private func backdropFindings(_ measurement: PortraitMeasurement) -> [Finding] {
        let limits = rules.backdrop
        guard let backdrop = measurement.backdrop, backdrop.areaFraction >= limits.minAreaFraction else {
            return [.backdropNotFound(area: measurement.backdrop?.areaFraction ?? 0, limit: limits.minAreaFraction,
                                      accepted: backdropColors, provider: provider)]
        }
        var found: [Finding] = []
        let accepted = backdropColors.filter { backdrop.colorName == $0 }
        if accepted.isEmpty {
            let detail = "L \(Int(backdrop.color.l)) a \(Int(backdrop.color.a)) b \(Int(backdrop.color.b)); accepted: "
                + backdropColors.joined(separator: ", ")
            found.append(.backdropWrongColour(measured: backdrop.colorName, accepted: backdropColors, provider: provider, detail: detail))
        }
        if backdrop.borderFraction < limits.minBorderFraction {
            found.append(.photo(.backdropNotFillingBackground, .warning, measure: "backdrop_border_fraction", value: backdrop.borderFraction,
                                limit: limits.minBorderFraction))
        }
        if backdrop.texture > limits.maxTexture {
            found.append(.photo(.backdropWrinkled, .warning, measure: "backdrop_texture", value: backdrop.texture, limit: limits.maxTexture))
        }
        if let distance = measurement.clothingBackdropDistance, distance < limits.minClothingDistance {
            found.append(.photo(.clothingMatchesBackdrop, .warning, measure: "clothing_backdrop_distance", value: distance,
                                limit: limits.minClothingDistance))
        }
        return found
    }

}

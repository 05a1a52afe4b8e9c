/// Everything the pixel heuristics measure on one picture: the people in it and the page or card
/// it may be. Numbers and geometry only; `FileJudge` decides what they mean.
struct ContentMeasurement: Sendable {
    var people: PortraitMeasurement
    var page: DocumentMeasurement
}

enum ContentMeasures {
    /// Measures the upright picture at the working size: faces first, since the document measures
    /// use them to tell an ID card's front and a held card.
    /// - Parameter cascades: the face detectors, loaded before any file is measured.
    static func measure(_ image: DecodedImage, cascades: FaceCascades, rules: Rules) -> ContentMeasurement {
        // One shrink of the working picture serves every portrait measure but sharpness.
        var people = PortraitAnalysis.measure(
            image, small: image.downscaled(toLongSide: rules.portrait.detectionSize), detector: cascades.frontal, rules: rules.portrait)
        if let face = people.faces.first, let eyes = cascades.eyes {
            people.mainFace?.eyes = EyeCount.count(in: image, face: face, scale: Double(image.width) / Double(people.analysisWidth), detector: eyes)
        }
        let page = DocumentAnalysis.measure(image, faces: people.faceRects, closerLook: try? cascades.frontal.get(), rules: rules.document)
        // A photograph with no frontal face may show someone turned aside; a page or card is not searched.
        if !rules.document.isPage(page) && !page.idSides.front && !page.idSides.back {
            lookForProfiles(&people, detector: cascades.profile, rules: rules.portrait)
        }
        return ContentMeasurement(people: people, page: page)
    }

    /// Looks for faces turned to one side, where the frontal detector found none.
    private static func lookForProfiles(_ measurement: inout PortraitMeasurement, detector: FaceDetector?, rules: PortraitRules) {
        guard measurement.faces.isEmpty, measurement.detectorProblem == nil, let small = measurement.detectionPicture else { return }
        measurement.profileFaces = PortraitAnalysis.profileFaces(small, detector: detector, rules: rules)
        measurement.profileFaceCount = measurement.profileFaces.count
    }
}

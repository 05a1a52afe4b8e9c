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
        countEyes(&people, in: image, detector: cascades.eyes)
        let page = DocumentAnalysis.measure(image, faces: people.faceRects, closerLook: try? cascades.frontal.get(), rules: rules.document)
        // A photograph with no frontal face may show someone in poor light, or turned aside; a page or
        // card is not searched again.
        if !rules.document.isPage(page) && !page.idSides.front && !page.idSides.back {
            lookInPoorLight(&people, image: image, cascades: cascades, rules: rules.portrait)
            lookForProfiles(&people, detector: cascades.profile, rules: rules.portrait)
        }
        return ContentMeasurement(people: people, page: page)
    }

    /// Searches a photograph too dark or too bright overall once more, its exposure evened out (each
    /// channel through its luma's histogram equalisation, as OpenCV's face detection sample prepares a
    /// picture): a face lost in the dark or in clipped light is found, and its exposure then measured
    /// as taken.
    private static func lookInPoorLight(_ measurement: inout PortraitMeasurement, image: DecodedImage, cascades: FaceCascades, rules: PortraitRules) {
        guard measurement.faces.isEmpty, measurement.detectorProblem == nil, let small = measurement.detectionPicture else { return }
        let grey = small.grey()
        let meanLuma = Double(grey.reduce(0) { $0 + Int($1) }) / Double(max(1, grey.count))
        measurement.pictureLuma = meanLuma
        guard meanLuma < rules.poorLightDarkLuma || meanLuma > rules.poorLightBrightLuma else { return }
        let evened = small.equalised(grey: grey)
        var again = PortraitAnalysis.measure(image, small: small, seenIn: evened, detector: cascades.frontal, rules: rules)
        guard !again.faces.isEmpty else { return }
        // Evening out a bare wall's light makes patterns of its grain: a face found so must show an eye.
        countEyes(&again, in: image.equalised(grey: image.grey()), detector: cascades.eyes)
        if (again.mainFace?.eyes ?? 0) >= rules.minEyesInPoorLight {
            again.pictureLuma = meanLuma
            measurement = again
        }
    }

    /// The eyes in the main face's box, on `image` (the working picture, or the same evened out).
    private static func countEyes(_ measurement: inout PortraitMeasurement, in image: DecodedImage, detector: FaceDetector?) {
        guard let face = measurement.faces.first, let detector else { return }
        let scale = Double(image.width) / Double(measurement.analysisWidth)
        measurement.mainFace?.eyes = EyeCount.count(in: image, face: face, scale: scale, detector: detector)
    }

    /// Looks for faces turned to one side, where the frontal detector found none.
    private static func lookForProfiles(_ measurement: inout PortraitMeasurement, detector: FaceDetector?, rules: PortraitRules) {
        guard measurement.faces.isEmpty, measurement.detectorProblem == nil, let small = measurement.detectionPicture else { return }
        measurement.profileFaces = PortraitAnalysis.profileFaces(small, detector: detector, rules: rules)
        measurement.profileFaceCount = measurement.profileFaces.count
    }
}

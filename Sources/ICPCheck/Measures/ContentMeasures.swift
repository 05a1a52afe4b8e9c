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
            image, small: image.downscaled(toLongSide: rules.portrait.detectionSize), detector: cascades.frontal, eyes: cascades.eyes,
            rules: rules.portrait)
        countEyes(&people, in: image, detector: cascades.eyes)
        let page = DocumentAnalysis.measure(image, faces: people.faceRects, closerLook: try? cascades.frontal.get(), rules: rules.document)
        // A photograph with no frontal face may show someone in poor light, or turned aside; a page or
        // card is not searched again.
        if !rules.document.isPage(page) && !page.idSides.front && !page.idSides.back {
            lookInPoorLight(&people, image: image, cascades: cascades, rules: rules.portrait)
            lookWithHOG(&people, image: image, eyes: cascades.eyes, rules: rules.portrait)
            lookForProfiles(&people, detector: cascades.profile, rules: rules.portrait)
            // A card held up shows its holder's printed photo: a smaller face, with eyes, but no second person.
            if !page.heldCard {
                lookForSmallerFaces(&people, image: image, detector: cascades.frontal, rules: rules.portrait)
                lookForTurnedFaces(&people, image: image, detector: cascades.frontal, eyes: cascades.eyes, rules: rules.portrait)
                confirmWeakFaces(&people, image: image, eyes: cascades.eyes, rules: rules.portrait)
            }
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
        var again = PortraitAnalysis.measure(image, small: small, seenIn: evened, detector: cascades.frontal, eyes: cascades.eyes, rules: rules)
        guard !again.faces.isEmpty else { return }
        // Evening out a bare wall's light makes patterns of its grain: a face found so must show an eye.
        countEyes(&again, in: image.equalised(grey: image.grey()), detector: cascades.eyes)
        if (again.mainFace?.eyes ?? 0) >= rules.minEyesInPoorLight {
            again.pictureLuma = meanLuma
            measurement = again
        }
    }

    /// Searches a photograph with one face once more for faces smaller than the first search looked
    /// for, down to `smaller_face_share` of that face's height: the people behind or beside someone
    /// in a group photo. The picture is scanned at the size where those faces fill the cascade's
    /// window, and not at all where the first search already covered them (a face filling a
    /// portrait). A face found so counts like any other (`face_count`).
    private static func lookForSmallerFaces(_ measurement: inout PortraitMeasurement, image: DecodedImage, detector: Result<FaceDetector, CascadeError>, rules: PortraitRules) {
        guard measurement.faces.count == 1, let face = measurement.faces.first, let frontal = try? detector.get() else { return }
        let analysisShort = Double(min(measurement.analysisWidth, measurement.analysisHeight))
        let smallest = rules.smallerFaceShare * Double(face.height)
        // The first search covered faces from min_face_fraction of the short side, and from the
        // cascade's window (in the analysis picture's pixels).
        guard smallest < max(rules.minFaceFraction * analysisShort, Double(frontal.cascade.windowHeight)) else { return }
        // The size where the smallest face sought fills the window: larger than the analysis picture,
        // at most the working picture.
        let toWorking = Double(image.width) / Double(measurement.analysisWidth)
        let longSide = Double(max(image.width, image.height)) / toWorking * Double(frontal.cascade.windowHeight) / smallest
        let scanned = image.downscaled(toLongSide: min(rules.smallerFaceDetectionSize, Int(longSide.rounded(.up))))
        guard scanned.width > measurement.analysisWidth else { return }
        let scale = Double(scanned.width) / Double(measurement.analysisWidth)
        let candidates = frontal.detect(
            gray: scanned.grey(), width: scanned.width, height: scanned.height,
            minFaceFraction: smallest * scale / Double(min(scanned.width, scanned.height)))
        let main = face.scaled(by: scale)
        let found = PortraitAnalysis.people(candidates, in: scanned, rules: rules)
        let unscaled = { (faces: [FaceBox]) in faces.filter { !$0.overlapsMostOf(main) }.map { $0.scaled(by: 1 / scale) } }
        measurement.faces += unscaled(found.people)
        measurement.weakFaces += unscaled(found.weak)
        measurement.faceCount = measurement.faces.count
    }

    /// Searches a photograph with one face once more, turned a quarter turn each way: people lying
    /// down or leaning in (a group with their heads together, a child on a parent's shoulder) show
    /// faces the upright cascade cannot find. A face found so counts where it is a person as `people`
    /// decides and shows `min_eyes_for_turned_face` eyes on the turned picture; a pattern in hair or
    /// clothing seen sideways shows none.
    private static func lookForTurnedFaces(
        _ measurement: inout PortraitMeasurement, image: DecodedImage, detector: Result<FaceDetector, CascadeError>, eyes: FaceDetector?,
        rules: PortraitRules
    ) {
        guard measurement.faces.count == 1, let face = measurement.faces.first, let small = measurement.detectionPicture,
              let frontal = try? detector.get(), let eyes else { return }
        let (w, h) = (small.width, small.height)
        // EXIF orientations 6 and 8 turn a picture a quarter turn clockwise and anticlockwise; each
        // found box is mapped back to the upright picture's pixels.
        let turns: [(orientation: Int, upright: (FaceBox) -> FaceBox)] = [
            (6, { FaceBox(x: $0.y, y: h - $0.x - $0.width, width: $0.height, height: $0.width, neighbors: $0.neighbors) }),
            (8, { FaceBox(x: w - $0.y - $0.height, y: $0.x, width: $0.height, height: $0.width, neighbors: $0.neighbors) }),
        ]
        for turn in turns {
            let turned = small.applyingOrientation(turn.orientation)
            let candidates = frontal.detect(gray: turned.grey(), width: turned.width, height: turned.height, minFaceFraction: rules.minFaceFraction)
            let people = PortraitAnalysis.people(candidates, in: turned, rules: rules).people
                .filter { !turn.upright($0).overlapsMostOf(face) && !face.overlapsMostOf(turn.upright($0)) }
            guard !people.isEmpty else { continue }
            let turnedImage = image.applyingOrientation(turn.orientation)
            let scale = Double(turnedImage.width) / Double(turned.width)
            for person in people where EyeCount.count(in: turnedImage, face: person, scale: scale, detector: eyes) >= rules.minEyesForTurnedFace
                && !measurement.faces.contains(where: { $0.overlapsMostOf(turn.upright(person)) }) {
                measurement.faces.append(turn.upright(person))
            }
        }
        measurement.faceCount = measurement.faces.count
    }

    /// Counts a weak detection beside a face (one the people's rule set aside for its few hits) as
    /// a person where OpenCV's eye cascade finds `min_eyes_for_weak_face` eyes in it: a person further
    /// back in a group photo, whose smaller face the cascade hits less often than the one in front.
    private static func confirmWeakFaces(_ measurement: inout PortraitMeasurement, image: DecodedImage, eyes: FaceDetector?, rules: PortraitRules) {
        guard !measurement.faces.isEmpty, let eyes else { return }
        let scale = Double(image.width) / Double(measurement.analysisWidth)
        for face in measurement.weakFaces.prefix(rules.maxWeakFacesLookedAt)
        where !measurement.faces.contains(where: { $0.overlapsMostOf(face) })
            && EyeCount.count(in: image, face: face, scale: scale, detector: eyes) >= rules.minEyesForWeakFace {
            measurement.faces.append(face)
        }
        measurement.faceCount = measurement.faces.count
    }

    /// The eyes in the main face's box, on `image` (the working picture, or the same evened out).
    private static func countEyes(_ measurement: inout PortraitMeasurement, in image: DecodedImage, detector: FaceDetector?) {
        guard let face = measurement.faces.first, let detector else { return }
        let scale = Double(image.width) / Double(measurement.analysisWidth)
        measurement.mainFace?.eyes = EyeCount.count(in: image, face: face, scale: scale, detector: detector)
    }

    /// Searches a photograph where the cascade found no face with a second, independent detector:
    /// dlib's HOG one, which finds faces the cascade misses (small ones in a crowd, a masked face, a
    /// photo printed on a card). Its faces, framed as the cascade frames them, are measured as the
    /// cascade's would be.
    private static func lookWithHOG(_ measurement: inout PortraitMeasurement, image: DecodedImage, eyes: FaceDetector?, rules: PortraitRules) {
        guard measurement.faces.isEmpty, measurement.detectorProblem == nil, let small = measurement.detectionPicture else { return }
        let scanned = image.resized(toLongSide: rules.hogDetectionSize)
        let found = HOGFaceDetector.detect(scanned, minScore: rules.minHOGScore)
        measurement.hogFaceCount = found.count
        measurement.hogBestScore = found.first?.score
        guard !found.isEmpty else { return }
        let scale = Double(small.width) / Double(scanned.width)
        // dlib's box runs from the brows to the chin; the cascade's, which the framing rules measure,
        // takes in the forehead: hog_box_growth times as high, its centre hog_box_rise of the box higher.
        measurement.faces = found.map { face in
            let box = face.box
            let side = Double(box.height) * rules.hogBoxGrowth
            let centreX = Double(box.x) + Double(box.width) / 2
            let centreY = Double(box.y) + Double(box.height) * (0.5 - rules.hogBoxRise)
            return FaceBox(x: max(0, Int((centreX - side / 2) * scale)), y: max(0, Int((centreY - side / 2) * scale)),
                           width: Int(side * scale), height: Int(side * scale), neighbors: 0)
        }
        PortraitAnalysis.measureMainFace(&measurement, image: image, small: small, seen: small, rules: rules)
        countEyes(&measurement, in: image, detector: eyes)
    }

    /// Looks for faces turned to one side, where the frontal detector found none.
    private static func lookForProfiles(_ measurement: inout PortraitMeasurement, detector: FaceDetector?, rules: PortraitRules) {
        guard measurement.faces.isEmpty, measurement.detectorProblem == nil, let small = measurement.detectionPicture else { return }
        measurement.profileFaces = PortraitAnalysis.profileFaces(small, detector: detector, rules: rules)
        measurement.profileFaceCount = measurement.profileFaces.count
    }
}

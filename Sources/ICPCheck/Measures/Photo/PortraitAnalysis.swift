/// Everything measured on a photo of a person: faces, framing, backdrop, clothing, exposure, sharpness.
struct PortraitMeasurement: Sendable {
    /// The size of the picture the detector scanned (the rules' detection size), in pixels.
    var analysisWidth: Int
    var analysisHeight: Int
    /// Faces that passed the skin test, largest first, in the detection picture's pixels.
    var faces: [FaceBox] = []
    /// Detections with skin in their centre but fewer hits than the people's rule asks
    /// (`min_relative_neighbors`): a face-like pattern, or a person smaller or less clear than the
    /// first; kept apart until their eyes are counted. In the detection picture's pixels.
    var weakFaces: [FaceBox] = []
    /// Faces turned to one side, looked for only where no frontal face is and the picture is no page or card.
    var profileFaces: [FaceBox] = []
    /// How many profile faces were found; nil when none were looked for.
    var profileFaceCount: Int?
    /// How many faces dlib's HOG detector found, and the surest one's score; nil when it was not run
    /// (it looks only where the cascade found no face on a picture that is no page or card).
    var hogFaceCount: Int?
    var hogBestScore: Double?
    /// The picture the detector scanned (the rules' detection size).
    var detectionPicture: DecodedImage?
    /// What the frontal detector found before the skin test; nil when no detection ran.
    var faceCandidates: Int?
    /// The faces kept (`faces.count`); nil when no detection ran.
    var faceCount: Int?
    /// The first face's framing and focus; nil when there is no face.
    var mainFace: MainFace?
    /// The first face's exposure; nil when there is no face.
    var faceExposure: FaceExposure?
    var backdrop: BackdropMeasurement?
    /// ΔE between the clothing below the face and the backdrop; nil when no clothing was measured.
    var clothingBackdropDistance: Double?
    /// Why no face detection ran (the cascade is missing or broken).
    var detectorProblem: String?
    /// The detection picture's mean luma (`picture_luma`), taken where no face was found at first on
    /// a photograph (not a page or card); nil elsewhere.
    var pictureLuma: Double?

    /// The first face, in fractions of the detection picture.
    struct MainFace: Sendable {
        /// Share of the face box that is skin-coloured.
        var skinFraction: Double
        /// The face box in fractions of the picture's width and height.
        var box: UnitRect
        /// Horizontal distance of the face's centre from the picture's, as a fraction of its width.
        var centerOffset: Double
        /// Space above the face, in face heights.
        var headMargin: Double
        /// Variance of the Laplacian on the face (`Sharpness`).
        var sharpness: Double
        /// Eyes found in the face's box (`face_eyes`); nil when the eye cascade is not installed.
        var eyes: Int?
        /// The face's height as a fraction of the picture's.
        var heightFraction: Double { box.height }
    }

    /// Mean luma of the face and its shares of clipped and crushed pixels.
    struct FaceExposure: Sendable {
        var luma: Double
        var clippedFraction: Double
        var crushedFraction: Double
    }

    /// The faces in fractions of the picture.
    var faceRects: [UnitRect] {
        let (w, h) = (Double(analysisWidth), Double(analysisHeight))
        return faces.map { UnitRect(x: Double($0.x) / w, y: Double($0.y) / h, width: Double($0.width) / w, height: Double($0.height) / h) }
    }

    /// The named numbers, as the manifest's `measures` shows them: a key is there only when its
    /// measure was taken.
    var measures: [String: Double] {
        var measures: [String: Double] = [
            "analysis_width": Double(analysisWidth),
            "analysis_height": Double(analysisHeight),
        ]
        measures["face_candidates"] = faceCandidates.map(Double.init)
        measures["face_count"] = faceCount.map(Double.init)
        measures["profile_face_count"] = profileFaceCount.map(Double.init)
        measures["hog_face_count"] = hogFaceCount.map(Double.init)
        measures["hog_best_score"] = hogBestScore
        if let face = mainFace {
            measures["face_skin_fraction"] = face.skinFraction
            measures["face_box_x"] = face.box.x
            measures["face_box_y"] = face.box.y
            measures["face_box_width"] = face.box.width
            measures["face_box_height"] = face.box.height
            measures["face_height_fraction"] = face.heightFraction
            measures["face_center_offset"] = face.centerOffset
            measures["head_margin"] = face.headMargin
            measures["sharpness"] = face.sharpness
            measures["face_eyes"] = face.eyes.map(Double.init)
        }
        if let exposure = faceExposure {
            measures["face_luma"] = exposure.luma
            measures["face_clipped_fraction"] = exposure.clippedFraction
            measures["face_crushed_fraction"] = exposure.crushedFraction
        }
        if let backdrop {
            measures["backdrop_area_fraction"] = backdrop.areaFraction
            measures["backdrop_border_fraction"] = backdrop.borderFraction
            measures["backdrop_l"] = backdrop.color.l
            measures["backdrop_a"] = backdrop.color.a
            measures["backdrop_b"] = backdrop.color.b
            measures["backdrop_uniformity"] = backdrop.uniformity
            measures["backdrop_texture"] = backdrop.texture
        }
        measures["clothing_backdrop_distance"] = clothingBackdropDistance
        measures["picture_luma"] = pictureLuma
        return measures
    }
}

enum PortraitAnalysis {
    /// - Parameters:
    ///   - image: the decoded picture at the working size (used for sharpness).
    ///   - small: the same picture shrunk to the rules' detection size.
    ///   - detector: the frontal-face detector, or why there is none.
    ///   - eyes: the eye detector, which confirms faces printed in grey (nil: not installed).
    ///   - seenIn: the picture the faces are searched and skin-tested on, when not `small` itself (the
    ///     same picture with its exposure evened out); every other measure is taken on `small`.
    static func measure(
        _ image: DecodedImage, small: DecodedImage, seenIn: DecodedImage? = nil, detector: Result<FaceDetector, CascadeError>,
        eyes: FaceDetector?, rules: PortraitRules
    ) -> PortraitMeasurement {
        var result = PortraitMeasurement(analysisWidth: small.width, analysisHeight: small.height)
        result.detectionPicture = small
        let frontal: FaceDetector
        do { frontal = try detector.get() } catch {
            result.detectorProblem = String(describing: error)
            return result
        }
        let seen = seenIn ?? small
        let candidates = frontal.detect(
            gray: seen.grey(), width: seen.width, height: seen.height, minFaceFraction: rules.minFaceFraction)
        let toWorking = Double(image.width) / Double(small.width)
        (result.faces, result.weakFaces) = people(candidates, in: seen, rules: rules) { face in
            eyes.map { EyeCount.count(in: image, face: face, scale: toWorking, detector: $0) >= rules.minEyesForGreyFace } ?? false
        }
        result.faceCandidates = candidates.count
        measureMainFace(&result, image: image, small: small, seen: seen, rules: rules)
        return result
    }

    /// The first of `result.faces` measured: its framing, skin, focus and exposure, the backdrop
    /// around it and the clothing under it; none of these where there is no face.
    /// - Parameter seen: the picture the faces were found on (`small`, or the same evened out).
    static func measureMainFace(_ result: inout PortraitMeasurement, image: DecodedImage, small: DecodedImage, seen: DecodedImage, rules: PortraitRules) {
        result.faceCount = result.faces.count
        guard let face = result.faces.first else {
            result.backdrop = nil
            return
        }
        let (w, h) = (Double(small.width), Double(small.height))
        result.mainFace = PortraitMeasurement.MainFace(
            skinFraction: SkinTone.fraction(rgb: seen.pixels, width: seen.width, height: seen.height, box: face),
            box: UnitRect(x: Double(face.x) / w, y: Double(face.y) / h, width: Double(face.width) / w, height: Double(face.height) / h),
            centerOffset: abs(Double(face.x) + Double(face.width) / 2 - w / 2) / w,
            headMargin: Double(face.y) / Double(face.height),
            sharpness: Sharpness.laplacianVariance(image, box: face, scale: Double(image.width) / w))
        result.faceExposure = measureExposure(small, face: face, rules: rules)

        let analysis = small.downscaled(toLongSide: rules.backdrop.analysisSize)
        let scale = Double(analysis.width) / w
        let scaledFace = face.scaled(by: scale)
        let backdrop = BackdropAnalysis.measure(analysis, face: scaledFace, rules: rules.backdrop)
        result.backdrop = backdrop
        if let clothing = BackdropAnalysis.clothingColor(analysis, face: scaledFace) {
            result.clothingBackdropDistance = clothing.distance(to: backdrop.color)
        }
    }

    /// The detections that are people, most certain first: on a colour picture a detection needs skin
    /// in its centre; a weak detection beside a strong one is a pattern that looks like a face (a
    /// badge, a print on clothes) or a person smaller or less clear than the first (`weak`, largest
    /// first), while a confident one is a person, however strong the first.
    /// - Parameter showsEyes: whether a detection shows eyes; asked of at most `max_weak_faces_looked_at`
    ///   detections printed in grey in a colour picture.
    static func people(
        _ candidates: [FaceBox], in small: DecodedImage, rules: PortraitRules, showsEyes: (FaceBox) -> Bool = { _ in false }
    ) -> (people: [FaceBox], weak: [FaceBox]) {
        // Skin colour says nothing on a black-and-white picture, nor on a face printed in grey in a
        // colour one (a passport's or a copied card's photo): there, a confident detection must show eyes.
        let colourful = meanChroma(small) >= rules.minSkinTestChroma
        var eyeSearches = 0
        let skinned = candidates.filter { face in
            guard colourful, SkinTone.fraction(rgb: small.pixels, width: small.width, height: small.height, box: face) < rules.minFaceSkinFraction else {
                return true
            }
            guard face.neighbors >= rules.confidentNeighbors,
                  SkinTone.chroma(rgb: small.pixels, width: small.width, height: small.height, box: face) < rules.greyFaceChroma,
                  SkinTone.printShare(rgb: small.pixels, width: small.width, height: small.height, box: face) <= rules.maxGreyFacePrintShare,
                  eyeSearches < rules.maxWeakFacesLookedAt else { return false }
            eyeSearches += 1
            return showsEyes(face)
        }
        let strongest = Double(skinned.map(\.neighbors).max() ?? 0)
        let isPerson = { (face: FaceBox) in face.neighbors >= rules.confidentNeighbors || Double(face.neighbors) >= rules.minRelativeNeighbors * strongest }
        return (skinned.filter(isPerson).sorted { $0.neighbors > $1.neighbors },
                skinned.filter { !isPerson($0) }.sorted { $0.width > $1.width })
    }

    /// Mean |Cb − 128| + |Cr − 128| (BT.601): near 0 for greyscale pictures.
    static func meanChroma(_ image: DecodedImage) -> Double {
        var total = 0.0
        for index in stride(from: 0, to: image.pixels.count, by: 3) {
            total += SkinTone.pixelChroma(image.pixels[index], image.pixels[index + 1], image.pixels[index + 2])
        }
        return total / Double(max(1, image.width * image.height))
    }

    /// Faces turned to either side (OpenCV's profile cascade finds faces looking one way: the picture
    /// is scanned as it is and mirrored), kept as `people` keeps frontal ones; empty when the profile
    /// cascade is not installed (it only adds to the frontal detector). The scan is on a smaller
    /// picture, for bigger faces, than the frontal one: a person turned aside in a photo meant to
    /// show them is not small, and the search costs two scans.
    static func profileFaces(_ small: DecodedImage, detector: FaceDetector?, rules: PortraitRules) -> [FaceBox] {
        guard let detector else { return [] }
        let smaller = small.downscaled(toLongSide: rules.profileDetectionSize)
        let (width, height) = (smaller.width, smaller.height)
        let grey = smaller.grey()
        var mirrored = grey
        for y in 0..<height { mirrored[(y * width)..<((y + 1) * width)].reverse() }
        let seen = detector.detect(gray: grey, width: width, height: height, minFaceFraction: rules.profileMinFaceFraction)
        let turned = detector.detect(gray: mirrored, width: width, height: height, minFaceFraction: rules.profileMinFaceFraction).map {
            FaceBox(x: width - $0.x - $0.width, y: $0.y, width: $0.width, height: $0.height, neighbors: $0.neighbors)
        }
        // A face seen both ways is one face.
        let unseen = turned.filter { face in !seen.contains { $0.overlapsMostOf(face) } }
        return people(seen + unseen, in: smaller, rules: rules).people
    }

    /// Mean luma of the face and its shares of clipped and crushed pixels; nil for an empty face box.
    private static func measureExposure(_ image: DecodedImage, face: FaceBox, rules: PortraitRules) -> PortraitMeasurement.FaceExposure? {
        var total = 0.0, clipped = 0.0, crushed = 0.0, count = 0.0
        for y in face.y..<min(image.height, face.y + face.height) {
            for x in face.x..<min(image.width, face.x + face.width) {
                let p = (y * image.width + x) * 3
                let luma = 0.299 * Double(image.pixels[p]) + 0.587 * Double(image.pixels[p + 1]) + 0.114 * Double(image.pixels[p + 2])
                total += luma
                if luma >= rules.clippedLuma { clipped += 1 }
                if luma <= rules.crushedLuma { crushed += 1 }
                count += 1
            }
        }
        guard count > 0 else { return nil }
        return PortraitMeasurement.FaceExposure(luma: total / count, clippedFraction: clipped / count, crushedFraction: crushed / count)
    }
}

/// Focus, as the variance of the Laplacian on the face at a fixed size, so that big and small
/// faces are judged alike.
enum Sharpness {
    /// The face is resampled to this many pixels square: a fixed property of the measure, whose scale
    /// (the rules' `portrait.min_sharpness`) is in Laplacian variance at this size; another size would
    /// need another threshold.
    static let side = 128

    /// - Parameters:
    ///   - box: the face in a smaller picture's pixels; `scale` maps them to `image`.
    static func laplacianVariance(_ image: DecodedImage, box: FaceBox, scale: Double) -> Double {
        // Luma sampled where needed: converting the whole working picture would cost more than the patch.
        let channels = image.channels
        func at(_ px: Int, _ py: Int) -> Double {
            let p = (py * image.width + px) * channels
            guard channels == 3 else { return Double(image.pixels[p]) }
            return 0.299 * Double(image.pixels[p]) + 0.587 * Double(image.pixels[p + 1]) + 0.114 * Double(image.pixels[p + 2])
        }
        let (x0, y0) = (Double(box.x) * scale, Double(box.y) * scale)
        let (bw, bh) = (Double(box.width) * scale, Double(box.height) * scale)
        var patch = [Double](repeating: 0, count: side * side)
        for y in 0..<side {
            for x in 0..<side {
                // Bilinear sample of the face box, stretched to side × side.
                let sx = min(Double(image.width - 1), max(0, x0 + (Double(x) + 0.5) * bw / Double(side) - 0.5))
                let sy = min(Double(image.height - 1), max(0, y0 + (Double(y) + 0.5) * bh / Double(side) - 0.5))
                let (ix, iy) = (Int(sx), Int(sy))
                let (fx, fy) = (sx - Double(ix), sy - Double(iy))
                let (jx, jy) = (min(ix + 1, image.width - 1), min(iy + 1, image.height - 1))
                let top = at(ix, iy) * (1 - fx) + at(jx, iy) * fx
                let bottom = at(ix, jy) * (1 - fx) + at(jx, jy) * fx
                patch[y * side + x] = top * (1 - fy) + bottom * fy
            }
        }
        var sum = 0.0, squares = 0.0, count = 0.0
        for y in 1..<side - 1 {
            for x in 1..<side - 1 {
                let i = y * side + x
                let laplacian = patch[i - 1] + patch[i + 1] + patch[i - side] + patch[i + side] - 4 * patch[i]
                sum += laplacian
                squares += laplacian * laplacian
                count += 1
            }
        }
        let mean = sum / count
        return squares / count - mean * mean
    }
}

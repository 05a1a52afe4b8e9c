import Foundation
import Testing

@testable import ICPCheck

/// Each photo finding on a picture made to trigger it, and the good sample photo that does not.
@Suite(.serialized) struct PortraitTests {
    static let rules = try! RulesLoader.load()
    static let sample: DecodedImage = {
        let bytes = try! TestUploads.bytes(ApplicationTests.backdropPhoto)
        return FileInspector.inspect(bytes: bytes, path: "photo.jpg").image!
    }()
    static let blue: (UInt8, UInt8, UInt8) = {
        let p = 3 * (10 * sample.width + 10)
        return (sample.pixels[p], sample.pixels[p + 1], sample.pixels[p + 2])
    }()

    static func codes(_ image: DecodedImage, role: MaterialRole = .administratorPhoto, editing: EditingMeasurement = EditingMeasurement())
        -> Set<FindingCode>
    {
        report(image, role: role, editing: editing).findings.map(\.code).reduce(into: Set()) { $0.insert($1) }
    }

    static func report(_ image: DecodedImage, role: MaterialRole = .administratorPhoto, editing: EditingMeasurement = EditingMeasurement())
        -> FileReport
    {
        let facts = FileReport(path: "photo.jpg", bytes: 1, sha256: "", format: FormatInfo(detected: .jpeg, extensionMatches: true))
        let content = ContentMeasures.measure(image, cascades: .installed, rules: rules)
        return FileJudge(rules: rules).judgePixels(facts, role: role, editing: editing, content: content).0
    }

    @Test func theSamplePhotoPasses() {
        let report = Self.report(Self.sample)
        #expect(report.findings.isEmpty, "\(report.findings.map(\.code)) \(report.measures)")
        #expect(report.contentKind == "portrait")
        #expect(report.measures["face_count"] == 1)
        #expect(report.measures["backdrop_border_fraction"].map { $0 > 0.9 } == true)
    }

    /// A person before a white backdrop, whose hair and clothes read as print on paper: the eyes in
    /// the face make it a portrait; the same measures with no eyes (a face-like pattern in print) a page.
    @Test func eyesMakeAPersonOfAFaceOnAPageLikePicture() throws {
        var content = ContentMeasures.measure(Self.sample, cascades: .installed, rules: Self.rules)
        let eyes = try #require(content.people.mainFace?.eyes)
        #expect(eyes >= Self.rules.portrait.minEyesOverPage, "the sample photo's face shows its eyes")
        // The page measures of a full page of print, in place of the photo's.
        let statement = FileInspector.inspect(bytes: try TestUploads.bytes("Samples/APP-101-ready-enterprise/核验单.jpg"), path: "s.jpg").image!
        content.page = ContentMeasures.measure(statement, cascades: .installed, rules: Self.rules).page
        content.page.sealCount = 0
        #expect(Self.rules.document.isPage(content.page) && content.page.paperFraction >= Self.rules.document.pagePortraitFraction)
        let facts = FileReport(path: "photo.jpg", bytes: 1, sha256: "", format: FormatInfo(detected: .jpeg, extensionMatches: true))
        let judge = FileJudge(rules: Self.rules)
        #expect(judge.judgePixels(facts, role: .unknown, content: content).0.contentKind == "portrait")
        content.people.mainFace?.eyes = 0
        #expect(judge.judgePixels(facts, role: .unknown, content: content).0.contentKind == "document")
    }

    /// The sample photo taken with a fifth of the light, and with three times too much: the face hidden
    /// from the cascade in the dark is found in the picture evened out, then measured as taken; where
    /// clipped light hides it for good, the picture's own brightness says why.
    @Test func aPortraitInPoorLight() throws {
        let curve = { (gain: Double, c: UInt8) in UInt8(max(0, min(255, (pow(min(1, Double(c) / 255 * gain), 1.1) * 255).rounded()))) }
        let dark = ImageEditing.map(Self.sample) { _, _, c in c = (curve(0.2, c.0), curve(0.2, c.1), curve(0.2, c.2)) }
        let darkReport = Self.report(dark)
        #expect(darkReport.measures["face_count"] == 1 && (darkReport.measures["face_eyes"] ?? 0) >= 1)
        let underexposed = try #require(darkReport.findings.first { $0.code == FindingCode.underexposed })
        #expect(underexposed.measure == "face_luma" && (underexposed.value ?? 255) < Self.rules.portrait.minFaceLuma)
        #expect(!darkReport.findings.map(\.code).contains(FindingCode.noFace))
        let bright = ImageEditing.map(Self.sample) { _, _, c in c = (curve(3, c.0), curve(3, c.1), curve(3, c.2)) }
        let brightReport = Self.report(bright)
        let codes = Set(brightReport.findings.map(\.code))
        #expect(codes.contains(FindingCode.overexposed), "\(brightReport.measures)")
        if codes.contains(FindingCode.noFace) {
            #expect(brightReport.findings.contains { $0.code == FindingCode.overexposed && $0.measure == "picture_luma" })
        }
        // A bare wall in bright light, evened out, shows grain, never a person's eyes.
        var state: UInt64 = 3
        let wall = ImageEditing.map(Self.sample) { x, y, c in
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let grain = Int((state >> 40) & 15) - 8 + (x + y) / 200
            let level = UInt8(max(0, min(255, 205 + grain)))
            c = (level, level, UInt8(max(0, Int(level) - 6)))
        }
        let wallReport = Self.report(wall, role: .unknown)
        #expect(wallReport.measures["face_count"] == 0 && wallReport.contentKind != "portrait")
    }

    /// The typed measurement and the manifest's `measures` keys say the same: the JSON edge
    /// names every field, and a key is there exactly when its measure was taken.
    @Test func typedFieldsAndJSONKeysAgree() throws {
        let content = ContentMeasures.measure(Self.sample, cascades: .installed, rules: Self.rules)
        let people = content.people
        let measures = people.measures
        let face = try #require(people.mainFace)
        let exposure = try #require(people.faceExposure)
        let backdrop = try #require(people.backdrop)
        #expect(measures["analysis_width"] == Double(people.analysisWidth))
        #expect(measures["analysis_height"] == Double(people.analysisHeight))
        #expect(measures["face_candidates"] == people.faceCandidates.map(Double.init))
        #expect(measures["face_count"] == Double(people.faces.count) && people.faceCount == people.faces.count)
        #expect(measures["face_skin_fraction"] == face.skinFraction)
        #expect(measures["face_box_x"] == face.box.x && measures["face_box_y"] == face.box.y)
        #expect(measures["face_box_width"] == face.box.width && measures["face_box_height"] == face.box.height)
        #expect(measures["face_height_fraction"] == face.heightFraction)
        #expect(measures["face_center_offset"] == face.centerOffset)
        #expect(measures["head_margin"] == face.headMargin)
        #expect(measures["sharpness"] == face.sharpness)
        #expect(measures["face_eyes"] == face.eyes.map(Double.init) && face.eyes != nil)
        #expect(measures["face_luma"] == exposure.luma)
        #expect(measures["face_clipped_fraction"] == exposure.clippedFraction)
        #expect(measures["face_crushed_fraction"] == exposure.crushedFraction)
        #expect(measures["backdrop_area_fraction"] == backdrop.areaFraction)
        #expect(measures["backdrop_border_fraction"] == backdrop.borderFraction)
        #expect(measures["backdrop_l"] == backdrop.color.l && measures["backdrop_a"] == backdrop.color.a)
        #expect(measures["backdrop_b"] == backdrop.color.b)
        #expect(measures["backdrop_uniformity"] == backdrop.uniformity && measures["backdrop_texture"] == backdrop.texture)
        #expect(measures["clothing_backdrop_distance"] == people.clothingBackdropDistance)
        // A frontal face: no profile search, so no key for it.
        #expect(people.profileFaceCount == nil && measures["profile_face_count"] == nil)
        #expect(measures.count == 24 + (people.clothingBackdropDistance == nil ? 0 : 1))
        // The report's `measures` carries them all.
        let report = Self.report(Self.sample)
        for (key, value) in measures { #expect(report.measures[key] == value, "\(key)") }

        // No face: only the detection's keys, the picture's brightness, and the HOG and profile searches'.
        let coffee = try #require(FileInspector.inspect(bytes: try Corpus.bytes("photos/skimage_coffee.png"), path: "c.png").image)
        let nobody = ContentMeasures.measure(coffee, cascades: .installed, rules: Self.rules).people
        #expect(nobody.mainFace == nil && nobody.faceExposure == nil && nobody.backdrop == nil)
        #expect(Set(nobody.measures.keys).subtracting(["profile_face_count"])
            == ["analysis_width", "analysis_height", "face_candidates", "face_count", "picture_luma", "hog_face_count"])
        #expect(nobody.measures["hog_face_count"] == 0 && nobody.hogBestScore == nil)
        #expect(nobody.measures["profile_face_count"] == nobody.profileFaceCount.map(Double.init))
        #expect(nobody.measures["picture_luma"] == nobody.pictureLuma && nobody.pictureLuma != nil)
    }

    @Test func noFaceAndContentMismatch() throws {
        let coffee = try #require(FileInspector.inspect(bytes: try Corpus.bytes("photos/skimage_coffee.png"), path: "c.png").image)
        let codes = Self.codes(coffee)
        #expect(codes.contains(FindingCode.noFace) && !codes.contains(FindingCode.faceNotFrontal))
        #expect(codes.contains(FindingCode.contentMismatch))
        // A statement that shows a portrait is the wrong file too.
        #expect(Self.codes(Self.sample, role: .authenticityStatement).contains(FindingCode.contentMismatch))
        #expect(!Self.codes(DocumentTests.statement, role: .authenticityStatement).contains(FindingCode.contentMismatch))
    }

    @Test func aFaceSeenFromTheSide() throws {
        // The cameraman looks down and aside: no frontal face, but a person is there.
        let camera = try #require(FileInspector.inspect(bytes: try Corpus.bytes("photos/skimage_camera.png"), path: "c.png").image)
        let report = Self.report(camera)
        let codes = Set(report.findings.map(\.code))
        #expect(report.measures["face_count"] == 0 && report.measures["profile_face_count"] == 1)
        #expect(codes.contains(FindingCode.faceNotFrontal) && !codes.contains(FindingCode.noFace))
        #expect(!codes.contains(FindingCode.contentMismatch))
        // Mirrored, the face looks the other way and is found all the same.
        let mirrored = ImageEditing.map(camera) { x, y, color in
            let p = (y * camera.width + camera.width - 1 - x) * 3
            color = (camera.pixels[p], camera.pixels[p + 1], camera.pixels[p + 2])
        }
        #expect(Self.report(mirrored).measures["profile_face_count"] == 1)
        // A frontal face is never searched for a profile; a page is not either.
        #expect(!Self.codes(Self.sample).contains(FindingCode.faceNotFrontal))
        #expect(Self.report(Self.sample).measures["profile_face_count"] == nil)
        #expect(Self.report(DocumentTests.statement, role: .authenticityStatement).measures["profile_face_count"] == nil)
    }

    @Test func twoPeopleAreNeverOneFace() {
        let (w, h) = (Self.sample.width, Self.sample.height)
        let two = ImageEditing.placed(Self.sample, width: 2 * w, height: h, x: w, y: 0, color: Self.blue)
        let pair = ImageEditing.placed(Self.sample, width: 2 * w, height: h, x: 0, y: 0, color: Self.blue)
        let both = ImageEditing.map(two) { x, y, color in
            if x < w { let p = (y * pair.width + x) * 3; color = (pair.pixels[p], pair.pixels[p + 1], pair.pixels[p + 2]) }
        }
        let report = Self.report(both)
        #expect(report.findings.map(\.code).contains(FindingCode.multipleFaces))
        #expect(report.contentKind != "portrait")
    }

    /// A person further back, beside the one in front: their face, 0.4 times as high, is smaller
    /// than the first search looks for; the search for smaller faces finds it.
    @Test func aSmallerPersonBehindMakesAGroup() throws {
        let (w, h) = (Self.sample.width, Self.sample.height)
        let share = 0.4
        let behind = Self.sample.resized(toLongSide: Int(Double(max(w, h)) * share))
        let top = h / 10
        let wider = ImageEditing.placed(Self.sample, width: w + behind.width, height: h, x: 0, y: 0, color: Self.blue)
        let group = ImageEditing.map(wider) { x, y, color in
            guard x >= w, y >= top, y < top + behind.height else { return }
            let p = ((y - top) * behind.width + x - w) * 3
            color = (behind.pixels[p], behind.pixels[p + 1], behind.pixels[p + 2])
        }
        let alone = Self.report(Self.sample)
        #expect(alone.measures["face_count"] == 1)
        let faceHeight = try #require(alone.measures["face_box_height"])
        #expect(faceHeight * share < Self.rules.portrait.minFaceFraction, "the face behind is below the first search's sizes")
        let report = Self.report(group)
        #expect(report.measures["face_count"] == 2, "\(report.measures)")
        #expect(report.findings.map(\.code).contains(FindingCode.multipleFaces))
        #expect(report.contentKind != "portrait")
    }

    /// A second person lying down or leaning in beside the first, their face turned a quarter turn:
    /// the upright cascade cannot find it, the search on the turned picture does (both eyes).
    @Test func aPersonTurnedSidewaysMakesAGroup() throws {
        let h = Self.sample.height, w = Self.sample.width
        // As large as the first: a turned face is looked for at the first search's sizes only.
        let lying = Self.sample.applyingOrientation(6)
        let top = (h - lying.height) / 2
        let wider = ImageEditing.placed(Self.sample, width: w + lying.width, height: h, x: 0, y: 0, color: Self.blue)
        let group = ImageEditing.map(wider) { x, y, color in
            guard x >= w, y >= top, y < top + lying.height else { return }
            let p = ((y - top) * lying.width + x - w) * 3
            color = (lying.pixels[p], lying.pixels[p + 1], lying.pixels[p + 2])
        }
        let report = Self.report(group)
        #expect(report.measures["face_count"] == 2, "\(report.measures)")
        #expect(report.findings.map(\.code).contains(FindingCode.multipleFaces))
        #expect(report.contentKind != "portrait")
        // Only the turned search finds the second face: asking for more eyes than a face has, one.
        var eyesOfThree = Self.rules
        eyesOfThree.portrait.minEyesForTurnedFace = 3
        let content = ContentMeasures.measure(group, cascades: .installed, rules: eyesOfThree)
        #expect(content.people.faceCount == 1)
    }

    /// A photo printed in grey on a coloured document (a passport's, a copied card's): skin colour
    /// says nothing there, and the face counts by its eyes.
    @Test func aFacePrintedInGreyOnAColourPage() throws {
        let band = Self.sample.height * 3 / 4
        let printed = ImageEditing.map(Self.sample) { _, y, color in
            let luma = DecodedImage.luma(color.0, color.1, color.2)
            color = y < band ? (luma, luma, luma) : (190, 60, 60)
        }
        let report = Self.report(printed, role: .other)
        #expect(report.measures["face_count"] == 1, "\(report.measures)")
        let skin = try #require(report.measures["face_skin_fraction"])
        #expect(skin < Self.rules.portrait.minFaceSkinFraction, "found without skin colour")
        #expect((report.measures["chroma_mean"] ?? 0) >= Self.rules.portrait.minSkinTestChroma, "in a colour picture")
    }

    @Test func framing() {
        let (w, h) = (Self.sample.width, Self.sample.height)
        let smaller = Self.sample.downscaled(toLongSide: h * 3 / 4)
        let far = ImageEditing.placed(smaller, width: w, height: h, x: (w - smaller.width) / 2, y: h - smaller.height, color: Self.blue)
        #expect(Self.codes(far).contains(FindingCode.faceTooSmall))
        // The face box of the sample is at about (0.37–0.53, 0.49–0.61): crop around it.
        let close = ImageEditing.crop(Self.sample, x: w * 33 / 100, y: h * 46 / 100, width: w * 24 / 100, height: h * 18 / 100)
        #expect(Self.codes(close).contains(FindingCode.faceTooLarge))
        let aside = ImageEditing.placed(Self.sample, width: w * 2, height: h, x: w, y: 0, color: Self.blue)
        #expect(Self.codes(aside).contains(FindingCode.offCentre))
        // The face box's top 1% of the height below the edge: hair and forehead are cut.
        let faceTop = Int((Self.report(Self.sample).measures["face_box_y"] ?? 0) * Double(h))
        let cut = ImageEditing.crop(Self.sample, x: 0, y: faceTop - h / 100, width: w, height: h - faceTop + h / 100)
        #expect(Self.codes(cut).contains(FindingCode.headCutOff))
        #expect(Self.codes(Self.sample).isDisjoint(with: [
            FindingCode.faceTooSmall, FindingCode.faceTooLarge, FindingCode.offCentre, FindingCode.headCutOff,
        ]))
    }

    @Test func backdrop() {
        let w = Self.sample.width
        let green = ImageEditing.map(Self.sample) { _, _, color in if ImageEditing.isBackdropBlue(color) { color = (60, 170, 70) } }
        #expect(Self.codes(green).contains(FindingCode.backdropWrongColour))
        let wall = ImageEditing.map(Self.sample) { x, _, color in if x < w / 4 { color = (200, 180, 150) } }
        #expect(Self.codes(wall).contains(FindingCode.backdropNotFillingBackground))
        var seed: UInt64 = 42
        let noise = ImageEditing.map(Self.sample) { _, _, color in
            guard ImageEditing.isBackdropBlue(color) else { return }
            seed = seed &* 6_364_136_223_846_793_005 &+ 1
            let v = UInt8(truncatingIfNeeded: seed >> 56)
            color = (v, UInt8(truncatingIfNeeded: seed >> 48), UInt8(truncatingIfNeeded: seed >> 40))
        }
        #expect(Self.codes(noise).contains(FindingCode.backdropNotFound))
        // Folds: smooth shading that rises and falls every 60 pixels.
        let creased = ImageEditing.map(Self.sample) { x, y, color in
            guard ImageEditing.isBackdropBlue(color) else { return }
            let shade = Int(35 * (1 + sin(Double(x + y) * 2 * .pi / 60)))
            color = (UInt8(max(0, Int(color.0) - shade / 2)), UInt8(max(0, Int(color.1) - shade)), UInt8(max(0, Int(color.2) - shade)))
        }
        #expect(Self.codes(creased).contains(FindingCode.backdropWrinkled))
        #expect(Self.codes(Self.sample).isDisjoint(with: [
            FindingCode.backdropWrongColour, FindingCode.backdropNotFillingBackground, FindingCode.backdropNotFound,
            FindingCode.backdropWrinkled,
        ]))
    }

    /// A tight head-and-shoulders crop before the backdrop: the backdrop is a margin around the head,
    /// a small share of the picture, and still found (how tight the framing is, is the face size's
    /// finding, not the backdrop's).
    @Test func aTightCropKeepsItsBackdrop() throws {
        let report = Self.report(Self.sample)
        let (w, h) = (Double(Self.sample.width), Double(Self.sample.height))
        let faceX = (report.measures["face_box_x"] ?? 0) * w, faceWidth = (report.measures["face_box_width"] ?? 0) * w
        let faceY = (report.measures["face_box_y"] ?? 0) * h, faceHeight = (report.measures["face_box_height"] ?? 0) * h
        let tight = ImageEditing.crop(Self.sample, x: Int(faceX - 0.3 * faceWidth), y: Int(max(0, faceY - 0.4 * faceHeight)),
                                      width: Int(1.6 * faceWidth), height: Int(2.0 * faceHeight))
        let cropped = Self.report(tight)
        let area = try #require(cropped.measures["backdrop_area_fraction"])
        #expect(area < 0.15, "a tight crop leaves the backdrop a small share: \(area)")
        #expect(!cropped.findings.contains { $0.code == .backdropNotFound }, "\(cropped.findings.map(\.code))")
    }

    @Test func clothingOfTheBackdropColour() {
        let report = Self.report(Self.sample)
        let faceBottom = Int(((report.measures["face_box_y"] ?? 0) + (report.measures["face_box_height"] ?? 0)) * Double(Self.sample.height))
        let blueTop = ImageEditing.map(Self.sample) { _, y, color in if y > faceBottom + Self.sample.height / 20 { color = Self.blue } }
        #expect(Self.codes(blueTop).contains(FindingCode.clothingMatchesBackdrop))
        #expect(!Self.codes(Self.sample).contains(FindingCode.clothingMatchesBackdrop))
    }

    @Test func exposureAndFocus() {
        let dark = ImageEditing.map(Self.sample) { _, _, c in
            c = (UInt8(Double(c.0) * 0.37), UInt8(Double(c.1) * 0.37), UInt8(Double(c.2) * 0.37))
        }
        #expect(Self.codes(dark).contains(FindingCode.underexposed))
        let bright = ImageEditing.map(Self.sample) { _, _, c in
            c = (255 - UInt8(Double(255 - c.0) * 0.35), 255 - UInt8(Double(255 - c.1) * 0.35), 255 - UInt8(Double(255 - c.2) * 0.35))
        }
        #expect(Self.codes(bright).contains(FindingCode.overexposed))
        #expect(Self.codes(ImageEditing.blurred(Self.sample, radius: 6)).contains(FindingCode.blurry))
        #expect(Self.codes(Self.sample).isDisjoint(with: [FindingCode.underexposed, FindingCode.overexposed, FindingCode.blurry]))
    }

    @Test func editingTracesFromTheirMeasures() {
        let rules = Self.rules.portrait
        let low = Self.codes(Self.sample, editing: EditingMeasurement(jpegQuality: rules.minJPEGQuality - 10))
        #expect(low.contains(FindingCode.recompressed))
        #expect(!Self.codes(Self.sample, editing: EditingMeasurement(jpegQuality: 92)).contains(FindingCode.recompressed))
        let swapped = Self.codes(Self.sample, editing: EditingMeasurement(thumbnailDifference: rules.maxThumbnailDifference + 20))
        #expect(swapped.contains(FindingCode.thumbnailMismatch))
        #expect(!Self.codes(Self.sample, editing: EditingMeasurement(thumbnailDifference: 5)).contains(FindingCode.thumbnailMismatch))
    }

    @Test func unnamedPortraitOnABackdropBecomesTheAdministratorPhoto() {
        let report = Self.report(Self.sample, role: .unknown)
        #expect(report.role == .administratorPhoto)
        #expect(report.roleSource == .content)
        // Before a plain backdrop of a colour the provider does not accept, it is still the
        // administrator photo, with that finding.
        let green = Self.report(ImageEditing.map(Self.sample) { _, _, color in
            if ImageEditing.isBackdropBlue(color) { color = (60, 170, 70) }
        }, role: .unknown)
        #expect(green.role == .administratorPhoto && green.findings.map(\.code).contains(FindingCode.backdropWrongColour))
        // A person before a room (no plain backdrop along most of the edge) is not.
        let w = Self.sample.width
        var seed: UInt64 = 7
        let room = Self.report(ImageEditing.map(Self.sample) { x, _, color in
            guard x < w / 3 || x > w * 2 / 3, ImageEditing.isBackdropBlue(color) else { return }
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            let v = UInt8(truncatingIfNeeded: seed >> 56)
            color = (v, v / 2 &+ 60, 255 &- v)
        }, role: .unknown)
        #expect(room.role == .unknown, "\(room.measures["backdrop_border_fraction"] ?? -1)")
    }
}

/// `icpcheck eval` on the samples' labels: every table is filled from the files and scored.
@Suite struct EvaluationTests {
    @Test func scoresTheSampleLabels() async throws {
        let labels = SamplesTests.samples.appendingPathComponent("labels.json")
        let report = try await Evaluation.run(labelsFile: labels, rules: try RulesLoader.load(), jobs: 2)
        #expect(report.images == 9)
        let faces = try #require(report.tables.first { $0.heuristic == "face present" })
        #expect(faces.truePositives + faces.falseNegatives == 4)
        #expect(faces.falsePositives + faces.trueNegatives == 5)
        #expect(faces.precision == 1)
        let role = try #require(report.tables.first { $0.heuristic == "role administrator_photo" })
        #expect(role.recall == 1)
        let portrait = try #require(report.tables.first { $0.heuristic == "portrait (content_kind)" })
        #expect(portrait.misclassified.isEmpty, "\(portrait.misclassified)")
        // The document tables: four pages and three ID cards among nine images, each scored.
        let documents = try #require(report.tables.first { $0.heuristic == "document or ID card (content_kind)" })
        #expect(documents.truePositives + documents.falseNegatives == 7)
        #expect(documents.misclassified.isEmpty, "\(documents.misclassified)")
        let seal = try #require(report.tables.first { $0.heuristic == "red seal" })
        #expect(seal.truePositives + seal.falseNegatives == 2 && seal.falsePositives + seal.trueNegatives == 4)
    }

    @Test func aMissingLabelsFileIsAnError() async {
        await #expect(throws: (any Error).self) {
            try await Evaluation.run(labelsFile: URL(fileURLWithPath: "/nonexistent/labels.json"), rules: try RulesLoader.load())
        }
    }
}

extension PortraitTests {
    /// Without the cascade file the photo gets a finding with a set-up hint, and nothing crashes.
    /// (An exit test: the cascade is loaded once per process, so this runs in a fresh one.)
    @Test func missingCascadeIsAFindingNotACrash() async {
        await #expect(processExitsWith: .success) {
            setenv("ICPCHECK_CASCADE", "/nonexistent/haarcascade.xml", 1)
            let report = PortraitTests.report(PortraitTests.sample)
            let finding = report.findings.first { $0.code == FindingCode.detectorUnavailable }
            exit(finding?.detail?.contains("opencv-data") == true ? 0 : 1)
        }
        #expect(!Self.codes(Self.sample).contains(FindingCode.detectorUnavailable))
    }
}

import Foundation
import Testing

@testable import ICPCheck

@Suite struct FaceDetectorTests {
    /// Corpus photos with exactly one face visible (`faces_visible` in photos/expected-labels.json), and how many
    /// boxes the default cascade finds at minFaceFraction 0.1: OpenCV 4.6's `detectMultiScale` finds the same
    /// boxes on the same grey pixels. In hivision_test3 the second box is on the dark blazer.
    static let portraits = [
        "photos/skimage_astronaut.png": 1, "jpeg/pillow_hopper.jpg": 1, "photos/facerec_biden2.jpg": 1,
        "photos/hivision_test3.jpg": 2, "photos/facerec_alex-lacamoire.png": 1,
    ]
    /// Corpus pictures with no face.
    static let faceless = [
        "photos/skimage_coffee.png", "photos/skimage_rocket.jpg", "photos/ocrmypdf_typewriter.png",
        "photos/skimage_text.png",
    ]

    /// A corpus picture decoded by the library's own decoder.
    static func image(_ relative: String) throws -> DecodedImage {
        try #require(FileInspector.inspect(bytes: try Corpus.bytes(relative), path: relative).image)
    }

    /// The faces the default cascade finds in a corpus picture, looking for faces of 10 % of its shorter side.
    static func faces(in image: DecodedImage, minNeighbors: Int = 3) throws -> [FaceBox] {
        try FaceCascades.installed.frontal.get().detect(
            gray: image.grey(), width: image.width, height: image.height, minFaceFraction: 0.1,
            minNeighbors: minNeighbors)
    }

    @Test(arguments: portraits.keys.sorted())
    func findsTheFaceOfAPortrait(_ relative: String) throws {
        let image = try Self.image(relative)
        let faces = try Self.faces(in: image)
        #expect(faces.count == Self.portraits[relative], "\(relative): \(faces)")
        // The face is the largest box, and the only one that is mostly skin.
        let skins = faces.map {
            SkinTone.fraction(rgb: image.pixels, width: image.width, height: image.height, box: $0)
        }
        #expect(skins.first ?? 0 > 0.5 && skins.dropFirst().allSatisfy { $0 < 0.3 }, "\(relative): \(skins)")
        for face in faces {
            #expect(face.neighbors > 3 && face.width >= image.width / 10 && face.width == face.height)
            #expect(face.x >= 0 && face.y >= 0 && face.x + face.width <= image.width)
            #expect(face.y + face.height <= image.height)
        }
    }

    @Test(arguments: faceless)
    func findsNoFaceWhereThereIsNone(_ relative: String) throws {
        let faces = try Self.faces(in: try Self.image(relative))
        #expect(faces.isEmpty, "\(relative): \(faces)")
    }

    @Test func theAstronautsFaceIsWhereHerFaceIs() throws {
        let faces = try Self.faces(in: try Self.image("photos/skimage_astronaut.png"))
        // OpenCV 4.6 gives (177, 66, 95, 95) with 40 neighbours on the same picture.
        #expect(faces == [FaceBox(x: 177, y: 66, width: 95, height: 95, neighbors: 40)])
    }

    /// The 4-windows-at-a-time scan of stump cascades gives exactly the hits of the one-window scan, with steps
    /// of 2 (shrinks below 2) and of 1 (shrinks of 2 and more), which minFaceFraction 0 reaches in a small picture.
    @Test func bothScansFindTheSameWindows() throws {
        var (vector, scalar) = (try FaceCascades.installed.frontal.get(), try FaceCascades.installed.frontal.get())
        vector.scansFourWindowsAtOnce = true
        scalar.scansFourWindowsAtOnce = false
        let image = try Self.image("jpeg/pillow_hopper.jpg")
        let grey = image.grey()
        let hits = [vector, scalar].map {
            $0.detect(gray: grey, width: image.width, height: image.height, minFaceFraction: 0, minNeighbors: 0)
        }
        #expect(hits[0].count > 20 && hits[0] == hits[1])
        // Windows of 24 × 24 shrunk less than 2 times are under 48 pixels.
        #expect(hits[0].contains { $0.width < 48 } && hits[0].contains { $0.width >= 48 })
    }

    @Test func aMissingCascadeSaysWhichPackageToInstall() {
        let path = "/nonexistent/icpcheck/haarcascade.xml"
        #expect(throws: CascadeError.missingFile(path: path)) { try HaarCascade.load(path: path) }
        let text = String(describing: CascadeError.missingFile(path: path))
        #expect(text.contains("opencv-data") && text.contains(path) && text.contains("ICPCHECK_CASCADE"))
    }

    @Test func faceBoxesAreSkinAndCoffeeIsNot() throws {
        let astronaut = try Self.image("photos/skimage_astronaut.png")
        let face = try #require(try Self.faces(in: astronaut).first)
        let skin = SkinTone.fraction(rgb: astronaut.pixels, width: astronaut.width, height: astronaut.height, box: face)
        #expect(skin > 0.3)
        // The white cup and red saucer are not skin (the brown crema and wooden table would pass for it).
        let coffee = try Self.image("photos/skimage_coffee.png")
        let cup = FaceBox(x: 200, y: 250, width: 150, height: 140, neighbors: 0)
        #expect(SkinTone.fraction(rgb: coffee.pixels, width: coffee.width, height: coffee.height, box: cup) < 0.1)
        #expect(SkinTone.fraction(rgb: [], width: 10, height: 10, box: cup) == 0)
        let outside = FaceBox(x: 900, y: 900, width: 50, height: 50, neighbors: 0)
        #expect(SkinTone.fraction(rgb: coffee.pixels, width: coffee.width, height: coffee.height, box: outside) == 0)
    }

    // MARK: - Cascade files

    @Test func readsTheDefaultCascade() throws {
        let cascade = try FaceCascades.installed.frontal.get().cascade
        #expect(cascade.windowWidth == 24 && cascade.windowHeight == 24)
        #expect(cascade.stageThresholds.count == 25 && cascade.isStumpBased)
        #expect(cascade.stageTreeCounts.first == 9 && cascade.treeNodeCounts.count == cascade.featureCount)
        #expect(cascade.leafValues.count == 2 * cascade.treeNodeCounts.count)
    }

    @Test func evaluatesTreeCascades() throws {
        let path = "/usr/share/opencv4/haarcascades/haarcascade_frontalface_alt2.xml"
        let cascade = try HaarCascade.load(path: path)
        #expect(!cascade.isStumpBased && cascade.treeNodeCounts.max() == 2)
        let image = try Self.image("photos/skimage_astronaut.png")
        let faces = FaceDetector(cascade: cascade).detect(
            gray: image.grey(), width: image.width, height: image.height, minFaceFraction: 0.1)
        #expect(faces.count == 1 && (150...200).contains(faces.first?.x ?? 0), "\(faces)")
    }

    /// A minimal cascade: one stage, one stump on a two-rectangle feature.
    static func cascadeXML(stageType: String = "BOOST", featureType: String = "HAAR", tilted: Int = 0) -> [UInt8] {
        let text = """
            <?xml version="1.0"?>
            <!-- a test cascade -->
            <opencv_storage>
            <cascade type_id="opencv-cascade-classifier"><stageType>\(stageType)</stageType>
              <featureType>\(featureType)</featureType><height>24</height><width>24</width>
              <featureParams><maxCatCount>0</maxCatCount></featureParams>
              <stages><_><maxWeakCount>1</maxWeakCount><stageThreshold>-1.5e+00</stageThreshold>
                <weakClassifiers><_><internalNodes>0 -1 0 1.0e-02</internalNodes>
                  <leafValues>-1. 1.</leafValues></_></weakClassifiers></_></stages>
              <features><_><rects><_>0 0 24 12 -1.</_><_>0 12 24 12 1.</_></rects><tilted>\(tilted)</tilted></_>
              </features></cascade>
            </opencv_storage>
            """
        return Array(text.utf8)
    }

    @Test func readsAMinimalCascade() throws {
        let cascade = try HaarCascade(xml: Self.cascadeXML())
        #expect(cascade.featureRects.count == 3 && cascade.featureRects[2].weight == 0)
        #expect(cascade.featureRects[1] == HaarRect(x: 0, y: 12, width: 24, height: 12, weight: 1))
        #expect(cascade.stageThresholds == [-1.5] && cascade.leafValues == [-1, 1] && cascade.nodeRight == [-1])
    }

    @Test func refusesWhatItCannotEvaluate() {
        for (xml, words) in [
            (Self.cascadeXML(tilted: 1), "tilted"), (Self.cascadeXML(stageType: "GENTLE"), "BOOST"),
            (Self.cascadeXML(featureType: "LBP"), "HAAR"),
        ] {
            #expect {
                try HaarCascade(xml: xml, source: "test.xml")
            } throws: { error in
                guard case .unsupported(let source, let detail)? = error as? CascadeError else { return false }
                return source == "test.xml" && detail.contains(words)
            }
        }
        let truncated = Array(Self.cascadeXML().dropLast(40))
        let broken = Array(
            String(decoding: Self.cascadeXML(), as: UTF8.self)
                .replacingOccurrences(of: "0 -1 0 1.0e-02", with: "0 -1 7 1.0e-02").utf8)
        for xml in [truncated, broken, Array("<opencv_storage></opencv_storage>".utf8), []] {
            #expect {
                try HaarCascade(xml: xml)
            } throws: { error in
                guard case .malformed? = error as? CascadeError else { return false }
                return true
            }
        }
    }

    // MARK: - Building blocks

    /// Both layouts (even columns first is how the 4-window scan reads windows every 2nd pixel).
    @Test(arguments: [IntegralLayout.plain, .evenColumnsFirst])
    func integralImagesSumRectangles(layout: IntegralLayout) {
        let (width, height) = (7, 5)
        let plane = (0..<(width * height)).map { UInt8(($0 * 37) % 256) }
        let integral = IntegralImage(plane: plane, width: width, height: height, layout: layout)
        func direct(_ x: Int, _ y: Int, _ w: Int, _ h: Int, squared: Bool) -> Int {
            var total = 0
            for row in y..<(y + h) {
                for column in x..<(x + w) {
                    let value = Int(plane[row * width + column])
                    total += squared ? value * value : value
                }
            }
            return total
        }
        // Table column 2 is the second even one; column 3 follows the 4 even ones (0, 2, 4, 6) of a row of 8.
        let (two, three) = layout == .plain ? (2, 3) : (1, 5)
        #expect(integral.index(2, 1) == integral.stride + two && integral.index(3, 1) == integral.stride + three)
        for (x, y, w, h) in [(0, 0, 7, 5), (1, 1, 3, 2), (6, 4, 1, 1), (2, 0, 4, 5)] {
            #expect(integral.sum(x: x, y: y, width: w, height: h) == direct(x, y, w, h, squared: false))
            #expect(integral.squareSum(x: x, y: y, width: w, height: h) == Int64(direct(x, y, w, h, squared: true)))
        }
    }

    @Test func resamplingKeepsFlatPlanesFlatAndHalvesByAveraging() {
        let flat = [UInt8](repeating: 90, count: 40 * 30)
        var out = [UInt8](repeating: 0, count: 17 * 13)
        flat.withUnsafeBufferPointer { source in
            out.withUnsafeMutableBufferPointer { out in
                BilinearResampler.resample(source, width: 40, height: 30, into: out, outWidth: 17, outHeight: 13)
            }
        }
        #expect(out.allSatisfy { $0 == 90 })
        // Halving puts each output pixel between two source pixels: the mean of a 2 × 2 block.
        let stripes: [UInt8] = [0, 100, 0, 100, 0, 100, 0, 100]
        var half = [UInt8](repeating: 0, count: 2 * 1)
        stripes.withUnsafeBufferPointer { source in
            half.withUnsafeMutableBufferPointer { out in
                BilinearResampler.resample(source, width: 4, height: 2, into: out, outWidth: 2, outHeight: 1)
            }
        }
        #expect(half == [50, 50])
    }

    @Test func groupingMergesNeighboursAndDropsLoners() {
        let cluster = (0..<5).map { FaceBox(x: 100 + $0, y: 50 - $0, width: 40, height: 40, neighbors: 1) }
        let loner = FaceBox(x: 10, y: 10, width: 30, height: 30, neighbors: 1)
        let inner = (0..<4).map { _ in FaceBox(x: 110, y: 45, width: 20, height: 20, neighbors: 1) }
        let grouped = FaceDetector.groupRectangles(cluster + [loner] + inner, minNeighbors: 3, eps: 0.2)
        #expect(grouped == [FaceBox(x: 102, y: 48, width: 40, height: 40, neighbors: 5)])
        #expect(FaceDetector.groupRectangles([loner], minNeighbors: 0, eps: 0.2) == [loner])
    }
}

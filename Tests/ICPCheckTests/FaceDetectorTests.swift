import Foundation
import Testing

@testable import ICPCheck

@Suite struct FaceDetectorTests {
    /// Corpus photos with exactly one face visible (`faces_visible` in photos/expected-labels.json).
    static let portraits = [
        "photos/skimage_astronaut.png", "jpeg/pillow_hopper.jpg", "photos/facerec_biden2.jpg",
        "photos/hivision_test3.jpg", "photos/facerec_alex-lacamoire.png",
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
    static func faces(in image: DecodedImage) throws -> [FaceBox] {
        try FaceDetector.shared().detect(
            gray: image.grey(), width: image.width, height: image.height, minFaceFraction: 0.1)
    }

    @Test(arguments: portraits)
    func findsTheOneFaceOfAPortrait(_ relative: String) throws {
        let image = try Self.image(relative)
        let faces = try Self.faces(in: image)
        #expect(faces.count == 1, "\(relative): \(faces)")
        for face in faces {
            #expect(face.neighbors > 3)
            #expect(face.x >= 0 && face.y >= 0 && face.x + face.width <= image.width)
            #expect(face.y + face.height <= image.height && face.width >= image.width / 10)
        }
    }

    @Test(arguments: faceless)
    func findsNoFaceWhereThereIsNone(_ relative: String) throws {
        let faces = try Self.faces(in: try Self.image(relative))
        #expect(faces.isEmpty, "\(relative): \(faces)")
    }

    @Test func theAstronautsFaceIsWhereHerFaceIs() throws {
        let face = try #require(try Self.faces(in: try Self.image("photos/skimage_astronaut.png")).first)
        // Eileen Collins' face occupies roughly x 170…260, y 70…170 of the 512 × 512 picture.
        #expect((150...200).contains(face.x) && (50...100).contains(face.y))
        #expect((70...130).contains(face.width) && face.width == face.height)
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
        let coffee = try Self.image("photos/skimage_coffee.png")
        let middle = FaceBox(x: coffee.width / 3, y: coffee.height / 3, width: 150, height: 150, neighbors: 0)
        let cup = SkinTone.fraction(rgb: coffee.pixels, width: coffee.width, height: coffee.height, box: middle)
        #expect(cup < 0.1)
        #expect(SkinTone.fraction(rgb: [], width: 10, height: 10, box: middle) == 0)
    }

    // MARK: - Cascade files

    @Test func readsTheDefaultCascade() throws {
        let cascade = try FaceDetector.shared().cascade
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
        let broken = Array(String(decoding: Self.cascadeXML(), as: UTF8.self)
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

    @Test func integralImagesSumRectangles() {
        let (width, height) = (7, 5)
        let plane = (0..<(width * height)).map { UInt8(($0 * 37) % 256) }
        let integral = IntegralImage(plane: plane, width: width, height: height)
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

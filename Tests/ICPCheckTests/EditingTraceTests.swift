import Foundation
import Testing

@testable import ICPCheck

/// Facts that show a JPEG was re-saved or edited: libjpeg's quantization tables, and an EXIF thumbnail
/// that no longer matches the picture.
///
/// Which corpus files are which was checked against exiftool: `Software` in `exif/expected-exif.json`,
/// and whether the stored size equals EXIF's PixelXDimension (the exif.org samples that were shrunk
/// for the web were re-saved, whatever their `Software` says).
@Suite struct EditingTraceTests {
    static func tables(_ path: String) throws -> QuantizationTables {
        try #require(QuantizationTables.read(try Corpus.bytes(path)), "\(path) has readable tables")
    }

    /// The upright working image, the EXIF thumbnail's bytes and the orientation of a corpus file.
    static func photo(_ path: String) throws -> (image: DecodedImage, thumbnail: [UInt8], orientation: Int) {
        let bytes = try Corpus.bytes(path)
        let analysis = FileInspector.inspect(bytes: bytes, path: path)
        let image = try #require(analysis.image, "\(path) decodes")
        let block = try #require(ExifReader.exifBlock(in: bytes, format: .jpeg), "\(path) has EXIF")
        let thumbnail = try #require(ExifReader.read(block).thumbnail, "\(path) has a thumbnail")
        return (image, thumbnail, analysis.report.exif?.orientation ?? 1)
    }

    static func thumbnailDifference(_ path: String) throws -> Double {
        let (image, thumbnail, orientation) = try photo(path)
        return try #require(
            ThumbnailComparison.difference(thumbnail: thumbnail, image: image, orientation: orientation),
            "\(path)'s thumbnail decodes")
    }

    // MARK: - Quantization tables

    /// Written by libjpeg or software built on it, with the quality exiftool's JPEGQualityEstimate gives.
    static let libjpegFiles: [(String, Int)] = [
        ("jpeg/ljt_testorig.jpg", 75), ("jpeg/ljt_testimgint.jpg", 75),
        ("jpeg/ljt_testimgari.jpg", 75),  // arithmetic coded
        ("jpeg/pillow_hopper.jpg", 88), ("jpeg/pillow_hopper_gray.jpg", 88),  // greyscale: one table
        ("jpeg/pillow_exif_gps.jpg", 75),
        ("jpeg/pillow_hopper_16bit_qtables.jpg", 13),  // not forced to baseline: entries up to 465
        ("exif/Nikon_D70.jpg", 78), ("exif/Canon_40D.jpg", 65),  // camera files re-saved by GIMP 2.4.5
        ("exif/tests_33-type_error.jpg", 60),  // GIMP 2.6.11
    ]

    @Test(arguments: libjpegFiles)
    func libjpegFilesMatchTheIJGTablesAtTheirQuality(_ path: String, quality: Int) throws {
        let tables = try Self.tables(path)
        #expect(tables.estimatedQuality() == Double(quality))
        #expect(tables.matchesIJGExactly())
    }

    /// Camera originals (stored size = EXIF size, no editor in `Software`) and Photoshop files.
    static let ownTables: [String] = [
        "exif/hdr_canon_hdr_NO.jpg", "exif/exiforg_canon-ixus.jpg", "exif/exiforg_fujifilm-dx10.jpg",
        "exif/exiforg_fujifilm-mx1700.jpg", "exif/exiforg_sanyo-vpcg250.jpg", "exif/exiforg_sanyo-vpcsx550.jpg",
        "jpeg/pillow_pil_sample_rgb.jpg",  // Photoshop CS, quality 12
        "exif/exiforg_nikon-e950.jpg",  // shrunk in Photoshop (quality 8 tables), not as the camera wrote it
    ]

    @Test(arguments: ownTables)
    func cameraAndPhotoshopTablesAreNotIJG(_ path: String) throws {
        let tables = try Self.tables(path)
        #expect(!tables.matchesIJGExactly())
        // Still a plausible place on libjpeg's scale: these are all high-quality settings.
        let quality = try #require(tables.estimatedQuality())
        #expect((70...100).contains(quality), "\(path): \(quality)")
    }

    /// Some cameras scale the standard tables themselves: Nikon's COOLPIX P6000 picks the quality per shot.
    /// Matching libjpeg is a fact about the encoder, not proof of editing.
    @Test func someCamerasWriteIJGTablesToo() throws {
        let qualities = try ["gps_DSCN0010", "gps_DSCN0021", "gps_DSCN0029", "gps_DSCN0042"].map { name in
            let tables = try Self.tables("exif/\(name).jpg")
            #expect(tables.matchesIJGExactly(), "\(name)")
            return try #require(tables.estimatedQuality())
        }
        #expect(qualities == [84, 87, 92, 93])
    }

    @Test func theTablesAreCopiedInNaturalOrder() throws {
        let tables = try Self.tables("jpeg/ljt_testorig.jpg")
        #expect(tables.componentSlots == [0, 1, 1])
        // libjpeg's quality 75 = the Annex K tables scaled by 50%; row-major, so entry 1 is the 11 of the
        // first row, not the 12 that comes second in zigzag order.
        #expect(tables.luminance == QuantizationTables.standardLuminance.map { ($0 * 50 + 50) / 100 })
        #expect(tables.luminance[1] == 6 && tables.luminance[8] == 6 && tables.luminance[63] == 50)
        #expect(tables.chrominance == QuantizationTables.standardChrominance.map { ($0 * 50 + 50) / 100 })
        #expect(tables.slots[2] == nil && tables.slots[3] == nil)
    }

    @Test func theScalingFollowsJcparam() {
        // Quality 50 is the Annex K table itself; 100 is all ones; 1 clamps to 255 when baseline is forced.
        let luminance = QuantizationTables.standardLuminance
        #expect(QuantizationTables.ijgTable(luminance, quality: 50, maximum: 255) == luminance)
        #expect(QuantizationTables.ijgTable(luminance, quality: 100, maximum: 255).allSatisfy { $0 == 1 })
        #expect(QuantizationTables.ijgTable(luminance, quality: 1, maximum: 255).allSatisfy { $0 == 255 })
        #expect(QuantizationTables.ijgTable(luminance, quality: 1, maximum: 32767)[0] == 800)
        // Every quality maps back to itself.
        for quality in 1...100 {
            let slots: [[UInt16]?] = [
                QuantizationTables.ijgTable(luminance, quality: quality, maximum: 255),
                QuantizationTables.ijgTable(QuantizationTables.standardChrominance, quality: quality, maximum: 255),
                nil, nil,
            ]
            let tables = QuantizationTables(slots: slots, componentSlots: [0, 1, 1])
            #expect(tables.estimatedQuality() == Double(quality))
            #expect(tables.matchesIJGExactly())
        }
    }

    @Test func theSignatureNamesTheLuminanceTable() throws {
        // libjpeg's quality 75, whoever wrote it.
        #expect(try Self.tables("jpeg/ljt_testorig.jpg").tableSignature() == "3a2301c8c63ac59a")
        #expect(try Self.tables("jpeg/pillow_exif_gps.jpg").tableSignature() == "3a2301c8c63ac59a")
        // Photoshop's quality 12, in two unrelated files.
        let photoshop = try Self.tables("jpeg/pillow_pil_sample_rgb.jpg").tableSignature()
        #expect(photoshop == (try Self.tables("jpeg/pillow_flower2.jpg").tableSignature()))
        #expect(photoshop != "3a2301c8c63ac59a" && photoshop.count == 16)
    }

    @Test func unreadableInputGivesNoTables() throws {
        #expect(QuantizationTables.read([]) == nil)
        #expect(QuantizationTables.read([0x01, 0x02, 0x03]) == nil)
        #expect(QuantizationTables.read([0xFF, 0xD8]) == nil)
        #expect(QuantizationTables.read([UInt8](repeating: 0xFF, count: 4096)) == nil)
        #expect(QuantizationTables.read(try Corpus.bytes("png/pngsuite/basn2c08.png")) == nil)
        // libjpeg-turbo 2.1 refuses 12-bit data already in the header.
        #expect(QuantizationTables.read(try Corpus.bytes("jpeg/ljt_monkey12.jpg")) == nil)
    }

    @Test func truncatedFilesGiveTablesOnlyOnceTheHeaderIsComplete() throws {
        let bytes = try Corpus.bytes("jpeg/pillow_hopper.jpg")
        let full = try #require(QuantizationTables.read(bytes))
        let startOfScan = try #require(bytes.indices.first { bytes[$0] == 0xFF && bytes[$0 + 1] == 0xDA })
        for length in 0..<startOfScan {
            #expect(QuantizationTables.read(Array(bytes.prefix(length))) == nil, "cut at \(length)")
        }
        for length in stride(from: startOfScan + 16, to: bytes.count, by: 997) {
            #expect(QuantizationTables.read(Array(bytes.prefix(length))) == full, "cut at \(length)")
        }
    }

    @Test func damagedFilesNeverCrash() throws {
        for path in ["jpeg/pillow_hopper.jpg", "exif/hdr_canon_hdr_NO.jpg", "jpeg/pillow_hopper_16bit_qtables.jpg"] {
            let original = try Corpus.bytes(path)
            var mutator = Mutator(seed: 0x5154_424C)
            for _ in 0..<300 {
                guard let tables = QuantizationTables.read(mutator.mutate(original)) else { continue }
                // Whatever survives keeps the type's promises.
                #expect(tables.luminance.count == 64)
                #expect((1...100).contains(tables.estimatedQuality() ?? 0))
                _ = tables.matchesIJGExactly()
                #expect(tables.tableSignature().count == 16)
            }
        }
    }

    @Test func fuzzedFilesNeverCrash() throws {
        let folder = Corpus.url("jpeg/imagetestsuite").path
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".jpg") }
        #expect(names.count > 40)
        for name in names {
            _ = QuantizationTables.read(try Corpus.bytes("jpeg/imagetestsuite/" + name))?.matchesIJGExactly()
        }
    }

    // MARK: - Thumbnails

    /// Camera originals whose thumbnail the camera wrote, and one 16:9 picture with a letterboxed 4:3
    /// thumbnail (`tests_45`); `hdr_canon_hdr_NO` is stored rotated (orientation 6).
    static let matchingThumbnails = [
        "exif/gps_DSCN0010.jpg", "exif/gps_DSCN0021.jpg", "exif/exiforg_canon-ixus.jpg",
        "exif/exiforg_fujifilm-dx10.jpg", "exif/exiforg_sanyo-vpcg250.jpg", "exif/hdr_canon_hdr_NO.jpg",
        "exif/tests_45-gps_ifd.jpg",
    ]

    @Test(arguments: matchingThumbnails)
    func aCameraThumbnailMatchesItsImage(_ path: String) throws {
        let difference = try Self.thumbnailDifference(path)
        #expect(difference < 20, "\(path): \(difference)")
    }

    @Test func aThumbnailOfAnotherPictureDoesNotMatch() throws {
        // Same camera, same size, different scene: what a swapped-in picture with the old EXIF looks like.
        let (_, thumbnail, orientation) = try Self.photo("exif/gps_DSCN0010.jpg")
        let matching = try Self.thumbnailDifference("exif/gps_DSCN0010.jpg")
        for other in ["exif/gps_DSCN0021.jpg", "exif/gps_DSCN0029.jpg", "exif/gps_DSCN0042.jpg"] {
            let image = try Self.photo(other).image
            let difference = try #require(
                ThumbnailComparison.difference(thumbnail: thumbnail, image: image, orientation: orientation))
            #expect(difference > 30 && difference > 2 * matching, "\(other): \(difference)")
        }
    }

    @Test func theThumbnailIsTurnedLikeTheImage() throws {
        let (image, thumbnail, orientation) = try Self.photo("exif/hdr_canon_hdr_NO.jpg")
        #expect(orientation == 6 && image.height > image.width)
        let turned = try #require(
            ThumbnailComparison.difference(thumbnail: thumbnail, image: image, orientation: orientation))
        let unturned = try #require(ThumbnailComparison.difference(thumbnail: thumbnail, image: image, orientation: 1))
        #expect(turned < 10 && unturned > 3 * turned)
    }

    @Test func anUndecodableThumbnailGivesNoDifference() throws {
        let image = try Self.photo("exif/gps_DSCN0010.jpg").image
        #expect(ThumbnailComparison.difference(thumbnail: [], image: image, orientation: 1) == nil)
        #expect(ThumbnailComparison.difference(thumbnail: [0xFF, 0xD8, 0xFF], image: image, orientation: 1) == nil)
        let png = try Corpus.bytes("png/pngsuite/basn2c08.png")
        #expect(ThumbnailComparison.difference(thumbnail: png, image: image, orientation: 1) == nil)
    }

    @Test func areaAveragingKeepsTheMean() {
        // A 4×2 ramp shrunk to 3×1: every output pixel averages the columns it covers, by fraction.
        let image = DecodedImage(width: 4, height: 2, channels: 1, pixels: [0, 40, 80, 120, 0, 40, 80, 120])
        let small = ThumbnailComparison.areaAverage(image, width: 3, height: 1)
        // Thirds of 4 columns: [0, 1⅓) = ¾ of 0 + ¼ of 40, [1⅓, 2⅔) = ½ 40 + ½ 80, [2⅔, 4) = ¼ 80 + ¾ 120.
        #expect(small.pixels == [10, 60, 110])
    }
}

import Foundation
import Testing

@testable import ICPCheck

/// The editing measures taken after decoding, and the report keys they land under.
@Suite struct EditingMeasuresTests {
    /// What `FileInspector` hands the measure for a corpus file: its format, EXIF thumbnail, upright
    /// image and orientation.
    static func inputs(_ path: String) throws -> (
        bytes: [UInt8], format: FormatInfo, thumbnail: [UInt8]?, image: DecodedImage?, orientation: Int
    ) {
        let bytes = try Corpus.bytes(path)
        let analysis = FileInspector.inspect(bytes: bytes, path: path)
        let format = analysis.report.format
        let block = ExifReader.exifBlock(in: bytes, format: format.detected)
        let thumbnail = block.flatMap { ExifReader.read($0).thumbnail }
        return (bytes, format, thumbnail, analysis.image, analysis.report.exif?.orientation ?? 1)
    }

    static func measure(_ path: String) throws -> EditingMeasurement {
        let input = try inputs(path)
        return EditingMeasures.measure(
            bytes: input.bytes, format: input.format, thumbnail: input.thumbnail, image: input.image,
            orientation: input.orientation)
    }

    @Test func aResavedCameraFileHasItsQualityAndAMatchingThumbnail() throws {
        // A Canon 40D picture shrunk to 100×68 and saved by GIMP at quality 65, thumbnail shrunk with it.
        let measurement = try Self.measure("exif/Canon_40D.jpg")
        #expect(measurement.jpegQuality == 65)
        #expect(measurement.jpegTablesIJG == true)
        #expect(measurement.exifThumbnailWidth == 68 && measurement.exifThumbnailHeight == 46)
        #expect(measurement.storedAspect == 100.0 / 68.0)
        let difference = try #require(measurement.thumbnailDifference)
        #expect(difference > 2 && difference < 15, "\(difference)")
    }

    @Test func aCameraOriginalHasItsOwnTables() throws {
        let measurement = try Self.measure("exif/exiforg_canon-ixus.jpg")
        #expect(measurement.jpegTablesIJG == false)
        #expect(measurement.jpegQuality != nil)
    }

    @Test func aPNGHasNoJPEGMeasures() throws {
        let measurement = try Self.measure("png/pngsuite/basn2c08.png")
        #expect(measurement.jpegQuality == nil && measurement.jpegTablesIJG == nil)
        #expect(measurement.exifThumbnailWidth == nil && measurement.thumbnailDifference == nil)
        #expect(measurement.storedAspect == 1)  // 32×32
    }

    @Test func anUndecodedFileKeepsOnlyWhatItsHeadersSay() throws {
        // The same file as if its decode had failed: no quality and no pixel comparison, but the stored
        // shape and the thumbnail's header are still facts of the file.
        let input = try Self.inputs("exif/Canon_40D.jpg")
        let measurement = EditingMeasures.measure(
            bytes: input.bytes, format: input.format, thumbnail: input.thumbnail, image: nil, orientation: 1)
        #expect(measurement.jpegQuality == nil && measurement.jpegTablesIJG == nil)
        #expect(measurement.thumbnailDifference == nil)
        #expect(measurement.exifThumbnailWidth == 68 && measurement.storedAspect == 100.0 / 68.0)
    }

    @Test func theReportCarriesTheMeasuresUnderTheirKeys() throws {
        let report = FileInspector.inspect(bytes: try Corpus.bytes("exif/Canon_40D.jpg"), path: "Canon_40D.jpg").report
        #expect(report.measures["jpeg_quality"] == 65)
        #expect(report.measures["jpeg_tables_ijg"] == 1)
        #expect(report.measures["exif_thumbnail_width"] == 68 && report.measures["exif_thumbnail_height"] == 46)
        #expect(report.measures["stored_aspect"] == 100.0 / 68.0)
        #expect(report.measures["thumbnail_difference"] != nil)
        #expect(report.measures["decoded_width"] == 100)  // the decode's own facts stay beside them
    }

    @Test func aJPEGOverTheLimitsRecordsNoQuality() throws {
        // The header is read, the size check refuses the decode: as before, no quality is recorded.
        let options = InspectOptions(limits: DecodeLimits(maxPixels: 1000))
        let report = FileInspector.inspect(
            bytes: try Corpus.bytes("exif/Canon_40D.jpg"), path: "Canon_40D.jpg", options: options
        ).report
        #expect(report.measures["jpeg_quality"] == nil && report.measures["jpeg_tables_ijg"] == nil)
        #expect(report.measures["thumbnail_difference"] == nil && report.measures["decoded_width"] == nil)
        #expect(report.measures["stored_aspect"] == 100.0 / 68.0)
        #expect(report.measures["exif_thumbnail_width"] == 68)
    }

    @Test func measuresNotTakenAreLeftOutOfTheReport() {
        let keys = EditingMeasurement(storedAspect: 1.5).reportMeasures
        #expect(keys == ["stored_aspect": 1.5])
        #expect(EditingMeasurement(jpegQuality: 80, jpegTablesIJG: false).reportMeasures
            == ["jpeg_quality": 80, "jpeg_tables_ijg": 0])
    }
}

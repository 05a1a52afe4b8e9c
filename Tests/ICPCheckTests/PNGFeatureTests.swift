import Testing

@testable import ICPCheck

/// PNG features that the corpus has no file for: eXIf, APNG, decompression bombs, DPI.
@Suite struct PNGFeatureTests {
    static func basePNG() throws -> [UInt8] { try Corpus.bytes("png/pngsuite/basn2c08.png") }

    @Test func exifChunkIsRead() throws {
        let jpeg = try Corpus.bytes("exif/Canon_40D.jpg")
        let block = try #require(JPEGMarkers(jpeg).exif)
        let tiff = Array(block.dropFirst(6))  // PNG stores the TIFF structure without "Exif\0\0"
        let png = PNGWriter.inserting(PNGWriter.chunk("eXIf", tiff), into: try Self.basePNG())
        let report = FileInspector.inspect(bytes: png, path: "a.png").report
        let fromJPEG = FileInspector.inspect(bytes: jpeg, path: "a.jpg").report
        #expect(report.exif?.make == "Canon")
        #expect(report.exif?.model == fromJPEG.exif?.model)
        #expect(report.findings.filter { $0.severity == .error }.isEmpty)
    }

    @Test func animatedPNGIsAWarning() throws {
        let actl = PNGWriter.chunk("acTL", PNGWriter.bigEndian(1) + PNGWriter.bigEndian(0))
        let png = PNGWriter.inserting(actl, into: try Self.basePNG())
        let report = FileInspector.inspect(bytes: png, path: "a.png").report
        #expect(report.findings.map(\.code) == [FindingCode.animated])
        let still = FileInspector.inspect(bytes: try Self.basePNG(), path: "a.png").report
        #expect(still.findings.isEmpty)
    }

    @Test func hugeHeaderIsRefusedBeforeDecoding() throws {
        var png = try Self.basePNG()
        // IHDR 60000 × 60000, with its CRC made right so that only the size is wrong.
        var ihdr = Array(png[12..<29])
        ihdr.replaceSubrange(4..<12, with: PNGWriter.bigEndian(60000) + PNGWriter.bigEndian(60000))
        png.replaceSubrange(12..<29, with: ihdr)
        png.replaceSubrange(29..<33, with: PNGWriter.bigEndian(PNGWriter.crc32(ihdr)))
        let report = FileInspector.inspect(bytes: png, path: "bomb.png").report
        #expect(report.findings.map(\.code) == [FindingCode.tooManyPixels])
        #expect(report.format.width == 60000)
    }

    @Test func physChunkGivesDPI() throws {
        let pixelsPerMetre = PNGWriter.bigEndian(11811)  // 300 dpi
        let phys = PNGWriter.chunk("pHYs", pixelsPerMetre + pixelsPerMetre + [1])
        let report = FileInspector.inspect(bytes: PNGWriter.inserting(phys, into: try Self.basePNG()), path: "a.png").report
        #expect(abs((report.format.dpi ?? 0) - 300) < 0.1)
    }
}

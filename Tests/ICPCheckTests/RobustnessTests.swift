import Testing

@testable import ICPCheck

/// Thousands of deterministic mutations of corpus files through probe, EXIF and decode (and a tenth
/// of the decoded ones through the pixel heuristics): each must end with a decoded image or a
/// finding, never a crash or a hang.
@Suite struct RobustnessTests {
    /// Seeds that cover the decoder's paths: baseline, progressive, arithmetic, CMYK, grey, EXIF with
    /// GPS and thumbnail; PNG palette, 16-bit, interlaced, alpha.
    static let seeds = [
        "jpeg/ljt_testorig.jpg", "jpeg/ljt_testimgint.jpg", "jpeg/ljt_testimgari.jpg", "jpeg/pillow_pil_sample_cmyk.jpg",
        "jpeg/pillow_hopper_gray.jpg", "jpeg/pillow_hopper_orientation_6.jpg", "exif/gps_DSCN0021.jpg",
        "exif/Canon_40D.jpg", "exif/libexif/olympus_makernote_variant_3.jpg", "png/pngsuite/basi3p08.png",
        "png/pngsuite/basn6a16.png", "png/pngsuite/basi2c16.png", "png/pngsuite/tbrn2c08.png",
        "png/pngsuite/ccwn3p08.png",
    ]

    static let rules = try! RulesLoader.load()

    /// Small caps so that a mutated size field cannot make one case slow.
    static let options = InspectOptions(limits: DecodeLimits(maxPixels: 4_000_000, maxDimension: 20_000), workingLongSide: nil)

    @Test(arguments: seeds)
    func mutationsEndInAResultOrAFinding(_ seed: String) throws {
        let original = try Corpus.bytes(seed)
        let originalDecodes = FileInspector.inspect(bytes: original, path: seed, options: Self.options).image != nil
        var mutator = Mutator(seed: UInt64(truncatingIfNeeded: seed.hashValueStable))
        var decoded = 0, refused = 0
        for round in 0..<250 {
            let bytes = mutator.mutate(original)
            let analysis = FileInspector.inspect(bytes: bytes, path: seed, options: Self.options)
            let report = analysis.report
            #expect(analysis.image != nil || report.findings.contains { $0.severity == .error }, "round \(round)")
            if let image = analysis.image {
                decoded += 1
                #expect(image.pixels.count == image.width * image.height * image.channels)
                // Every tenth decoded mutant also goes through the pixel heuristics, which must measure it.
                if decoded % 10 == 0 {
                    let checked = FileJudge(rules: Self.rules)
                        .judgePixels(report, role: nil, content: ContentMeasures.measure(image, cascades: .installed, rules: Self.rules)).0
                    #expect(checked.contentKind != nil, "round \(round)")
                }
            } else {
                refused += 1
            }
            // EXIF and format fields stay within what the bytes can hold.
            #expect(report.bytes == bytes.count)
            #expect((report.format.width ?? 0) >= 0 && (report.format.height ?? 0) >= 0)
        }
        // The mutations must reach the decoder's failure paths. JPEG decoders work around most
        // damage, so JPEG seeds must also keep decoding; a PNG's CRCs catch nearly every change.
        #expect(refused > 0)
        if originalDecodes && seed.hasSuffix(".jpg") { #expect(decoded > 0) }
    }

    /// A length field: where it starts, how many bytes it has (4 in PNG, 2 in JPEG) and its value.
    struct LengthField {
        var offset: Int
        var width: Int
        var value: Int
    }

    /// The length field of every PNG chunk, up to IEND or the end of the data.
    static func pngLengthFields(_ bytes: [UInt8]) -> [LengthField] {
        var fields: [LengthField] = []
        var offset = 8
        while offset + 8 <= bytes.count {
            let length = bytes[offset..<offset + 4].reduce(0) { $0 << 8 | Int($1) }
            fields.append(LengthField(offset: offset, width: 4, value: length))
            if bytes[offset + 4..<offset + 8].elementsEqual("IEND".utf8) { break }
            offset += 12 + length
        }
        return fields
    }

    /// The length field of every JPEG marker segment (the first 40), skipping entropy-coded data.
    static func jpegLengthFields(_ bytes: [UInt8]) -> [LengthField] {
        var fields: [LengthField] = []
        var offset = 2  // after SOI
        while offset + 4 <= bytes.count, fields.count < 40 {
            guard bytes[offset] == 0xFF else { break }
            let marker = bytes[offset + 1]
            if marker == 0xD9 { break }
            if marker == 0xFF || marker == 0x01 || (0xD0...0xD7).contains(marker) {
                offset += marker == 0xFF ? 1 : 2
                continue
            }
            let length = Int(bytes[offset + 2]) << 8 | Int(bytes[offset + 3])
            fields.append(LengthField(offset: offset + 2, width: 2, value: length))
            offset += 2 + length
            guard marker == 0xDA else { continue }
            // Entropy-coded data runs to the next marker that is not a stuffed zero or a restart.
            while offset + 1 < bytes.count {
                let next = bytes[offset + 1]
                if bytes[offset] == 0xFF && next != 0 && next != 0xFF && !(0xD0...0xD7).contains(next) { break }
                offset += 1
            }
        }
        return fields
    }

    /// Values a damaged or hostile length field takes: empty, tiny, 16-bit maximum, PNG's 2^31 − 1,
    /// the audit's 0x69000020, over 2^31, and one off either way.
    static func lengthEdits(of field: LengthField) -> [Int] {
        let values =
            field.width == 4
            ? [0, 1, 0xFFFF, 0x7FFF_FFFF, 0x6900_0020, 0x8000_0000, 0xFFFF_FFFF] : [0, 1, 2, 3, 0xFFFF]
        return values + [field.value - 1, field.value + 1].filter { $0 >= 0 && $0 < 1 << (8 * field.width) }
    }

    /// Every chunk's or segment's length set to each of `lengthEdits`, one at a time: each mutant
    /// ends in a decoded image or an error finding, and damage is never reported as too costly.
    @Test(arguments: seeds)
    func lengthFieldEditsEndInAResultOrAFinding(_ seed: String) throws {
        let original = try Corpus.bytes(seed)
        let fields = seed.hasSuffix(".png") ? Self.pngLengthFields(original) : Self.jpegLengthFields(original)
        #expect(!fields.isEmpty)
        for field in fields {
            for value in Self.lengthEdits(of: field) {
                var bytes = original
                for i in 0..<field.width { bytes[field.offset + i] = UInt8(truncatingIfNeeded: value >> (8 * (field.width - 1 - i))) }
                let analysis = FileInspector.inspect(bytes: bytes, path: seed, options: Self.options)
                let codes = analysis.report.findings.filter { $0.severity == .error }.map(\.code)
                let label = "length at \(field.offset) set to \(value)"
                #expect(analysis.image != nil || !codes.isEmpty, "\(label)")
                #expect(!codes.contains(FindingCode.tooCostly), "\(label)")
                if let image = analysis.image { #expect(image.pixels.count == image.width * image.height * image.channels) }
            }
        }
    }

    @Test func headerClaimingHugeSizeIsRefusedBeforeDecoding() throws {
        var jpeg = try Corpus.bytes("jpeg/ljt_testorig.jpg")
        let sof = try #require(jpeg.indices.dropLast().first { jpeg[$0] == 0xFF && jpeg[$0 + 1] == 0xC0 })
        // height and width fields of SOF0: 65000 × 65000
        jpeg.replaceSubrange(sof + 5..<sof + 9, with: [0xFD, 0xE8, 0xFD, 0xE8])
        let report = FileInspector.inspect(bytes: jpeg, path: "bomb.jpg").report
        #expect(report.findings.map(\.code).contains(FindingCode.tooManyPixels))
        #expect(report.format.width == 65000)
    }
}

extension String {
    /// A hash that is the same in every run (Swift's `hashValue` is seeded per process).
    var hashValueStable: UInt64 {
        utf8.reduce(14_695_981_039_346_656_037) { ($0 ^ UInt64($1)) &* 1_099_511_628_211 }
    }
}

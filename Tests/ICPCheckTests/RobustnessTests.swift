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
                    var checked = report
                    ContentChecks(rules: Self.rules).apply(to: &checked, image: image)
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

import Glibc
import Testing

@testable import ICPCheck

/// The hostile-input audit of issue 14: small files within the size caps that made the decoders
/// allocate gigabytes or spin for seconds. Each must end in its finding, or decode cheaply.
@Suite struct RobustnessCostTests {
    // MARK: Crafted files

    /// A 1×1 PNG whose `type` chunk claims `length` bytes but holds a few.
    static func hugeLengthPNG(_ type: String, length: UInt32) -> [UInt8] {
        let payload = Array("k\u{0}".utf8) + [UInt8](repeating: 0x78, count: 40)
        return tinyPNG(extra: PNGWriter.chunk(type, payload, claimedLength: length))
    }

    static func tinyPNG(extra: [UInt8] = []) -> [UInt8] {
        PNGWriter.png(width: 1, height: 1, bitDepth: 8, colorType: 2, interlaced: false, samples: [0, 255, 0], extra: extra)
    }

    /// `count` zTXt chunks that each inflate to 1 MB.
    static func zTXtBomb(count: Int) -> [UInt8] {
        let payload = Array("Comment\u{0}\u{0}".utf8) + PNGWriter.zlibZeros(count: 1 << 20)
        let chunk = PNGWriter.chunk("zTXt", payload)
        return tinyPNG(extra: Array((0..<count).map { _ in chunk }.joined()))
    }

    /// Progressive, three components at 1×1 sampling: one DC scan, then AC scans without data
    /// (libjpeg warns once a scan and still passes over every block of its component).
    static func progressiveJPEG(side: Int, scans: Int) -> [UInt8] {
        func segment(_ code: UInt8, _ payload: [UInt8]) -> [UInt8] {
            [0xFF, code, UInt8((payload.count + 2) >> 8), UInt8((payload.count + 2) & 0xFF)] + payload
        }
        let size = [UInt8(side >> 8), UInt8(side & 0xFF)]
        let dqt = segment(0xDB, [0] + [UInt8](repeating: 1, count: 64))
        let sof2 = segment(0xC2, [8] + size + size + [3, 1, 0x11, 0, 2, 0x11, 0, 3, 0x11, 0])
        // One symbol (0x00) with a 1-bit code: DC "no difference", AC "end of block".
        let table: [UInt8] = [1] + [UInt8](repeating: 0, count: 15) + [0]
        let dht = segment(0xC4, [0x00] + table + [0x10] + table)
        var bytes: [UInt8] = [0xFF, 0xD8] + dqt + sof2 + dht
        bytes += segment(0xDA, [3, 1, 0, 2, 0, 3, 0, 0, 0, 0])
        for i in 0..<scans - 1 { bytes += segment(0xDA, [1, UInt8(1 + i % 3), 0, 1, 63, 0]) }
        return bytes + [0xFF, 0xD9]
    }

    static func findings(_ bytes: [UInt8], options: InspectOptions = InspectOptions()) -> [Finding] {
        FileInspector.inspect(bytes: bytes, path: "crafted").report.findings
    }

    static let hugeLengths: [UInt32] = [0x7FFF_FFFF, 0x6900_0020, 0x0100_0000]
    static let hugeLengthTypes = ["tEXt", "zTXt", "iTXt", "sPLT", "pCAL", "sCAL", "eXIf", "iCCP", "prVt"]

    // MARK: Findings

    /// A chunk that claims more bytes than the file has is damage (the file ends early), not cost.
    @Test(arguments: hugeLengthTypes)
    func chunkClaimingMoreThanTheFileIsTruncation(_ type: String) {
        for length in Self.hugeLengths {
            let codes = Self.findings(Self.hugeLengthPNG(type, length: length)).map(\.code)
            #expect(codes.contains(FindingCode.truncated), "\(type) \(length)")
            #expect(!codes.contains(FindingCode.tooCostly), "\(type) \(length)")
        }
    }

    /// 2,000 zTXt chunks of 1 MB each are skipped unread: no inflating, no "no space in chunk cache".
    @Test func textBombIsSkipped() throws {
        let (image, diagnostics) = try PNGCodec.decode(Self.zTXtBomb(count: 2000))
        #expect(image.width == 1)
        #expect(diagnostics.warningCount == 0, "\(diagnostics.warning)")
    }

    @Test func ancillaryBytesOverTheCapAreTooCostly() throws {
        let chunk = PNGWriter.chunk("tEXt", Array("Comment\u{0}".utf8) + [UInt8](repeating: 0x61, count: 1 << 20))
        let png = Self.tinyPNG(extra: Array(repeatElement(chunk, count: 17).joined()))
        let finding = try #require(Self.findings(png).first { $0.code == FindingCode.tooCostly })
        #expect(finding.severity == .error)
        #expect(finding.detail?.contains("PNG ancillary chunk bytes") == true)
        #expect(finding.detail?.contains("\(DecodeLimits.defaultMaxPNGAncillaryBytes)") == true)
        // Under the cap the same chunks are read past.
        let fewer = Self.tinyPNG(extra: Array(repeatElement(chunk, count: 15).joined()))
        #expect(Self.findings(fewer).allSatisfy { $0.severity != .error })
    }

    /// 99 MP of RGBA16 in a few MB decodes at 1/8 without a full-size buffer; transparent black
    /// shows as white.
    @Test(arguments: [false, true])
    func idatBombDecodesShrunk(interlaced: Bool) throws {
        let png = PNGWriter.zeroPNG(width: 9950, height: 9950, bitDepth: 16, colorType: 6, interlaced: interlaced)
        let analysis = FileInspector.inspect(bytes: png, path: "bomb.png")
        let image = try #require(analysis.image)
        #expect(analysis.report.measures["decode_scale"] == 0.125)
        #expect(image.width == 1244 && image.height == 1244)
        #expect(image.pixels.allSatisfy { $0 == 255 })
    }

    /// 9999×9999 at 4:4:4 needs 600 MB of coefficients before its first scan: refused up front.
    @Test func progressiveJPEGWithHugeCoefficientBufferIsTooCostly() throws {
        let finding = try #require(
            Self.findings(Self.progressiveJPEG(side: 9999, scans: 995)).first { $0.code == FindingCode.tooCostly })
        #expect(finding.detail?.contains("JPEG coefficient memory: 600000000 > \(DecodeLimits.defaultMaxCodecMemory)") == true)
    }

    /// 2000×2000 fits, but 995 scans would be 332 passes over it: stopped at the work budget.
    @Test func progressiveJPEGWithTooManyPassesIsTooCostly() throws {
        let finding = try #require(
            Self.findings(Self.progressiveJPEG(side: 2000, scans: 995)).first { $0.code == FindingCode.tooCostly })
        #expect(finding.detail?.contains("JPEG scan work") == true)
        // 187,500 blocks; 32 passes allowed.
        #expect(finding.message.contains("limit 6000000 blocks"))
        // Twenty scans are within budget: decoded, with the warnings of the empty scans.
        let within = FileInspector.inspect(bytes: Self.progressiveJPEG(side: 2000, scans: 20), path: "ok.jpg")
        #expect(within.image != nil)
        #expect(!within.report.findings.map(\.code).contains(FindingCode.tooCostly))
    }

    @Test func scanCapIsTooCostly() throws {
        let limits = DecodeLimits(maxScans: 10, maxScanPasses: 1000)
        #expect {
            try JPEGCodec.decode(Self.progressiveJPEG(side: 64, scans: 20), limits: limits)
        } throws: { error in
            (error as? ICPCheckError)?.code == FindingCode.tooCostly
                && (error as? ICPCheckError)?.message.contains("11 scans, limit 10 scans") == true
        }
    }

    // MARK: Cost

    /// This process's peak resident memory (VmHWM): unlike getrusage's ru_maxrss, it starts afresh
    /// at exec, so a child does not inherit the test runner's peak.
    static func peakResidentKilobytes() -> Int {
        guard let file = fopen("/proc/self/status", "r") else { return Int.max }
        defer { fclose(file) }
        var line = [CChar](repeating: 0, count: 256)
        while fgets(&line, Int32(line.count), file) != nil {
            let text = String(decoding: line.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            if text.hasPrefix("VmHWM:") { return Int(text.split(separator: " ")[1]) ?? Int.max }
        }
        return Int.max
    }

    /// Every crafted file, in a child process set up like the CLI (freed memory kept in the heap),
    /// must leave the peak resident memory under 300 MB. Before the caps each of these took 0.6–2.1 GB.
    @Test func craftedFilesStayUnder300MB() async {
        await #expect(processExitsWith: .success) {
            ProcessTuning.reuseFreedMemory()
            var files: [[UInt8]] = []
            for type in ["tEXt", "zTXt", "iTXt", "sPLT", "pCAL", "eXIf"] {
                for length: UInt32 in [0x7FFF_FFFF, 0x6900_0020] { files.append(Self.hugeLengthPNG(type, length: length)) }
            }
            files.append(Self.progressiveJPEG(side: 9999, scans: 995))
            files.append(Self.zTXtBomb(count: 2000))
            files.append(PNGWriter.zeroPNG(width: 9950, height: 9950, bitDepth: 16, colorType: 6, interlaced: false))
            files.append(PNGWriter.zeroPNG(width: 9950, height: 9950, bitDepth: 16, colorType: 6, interlaced: true))
            for bytes in files { _ = FileInspector.inspect(bytes: bytes, path: "crafted") }
            exit(Self.peakResidentKilobytes() < 300_000 ? 0 : 1)
        }
    }
}

import CImageCodecs
import Testing

@testable import ICPCheck

/// Why the C shim exists, and that it keeps what the codecs say.
@Suite struct ShimTests {
    /// libjpeg's default error handler calls exit(): three bytes of garbage end the whole process.
    @Test func unguardedLibjpegEndsTheProcess() async {
        await #expect(processExitsWith: .failure) {
            var manager = jpeg_error_mgr()
            var cinfo = jpeg_decompress_struct()
            cinfo.err = jpeg_std_error(&manager)
            jpeg_CreateDecompress(&cinfo, JPEG_LIB_VERSION, MemoryLayout<jpeg_decompress_struct>.size)
            let junk: [UInt8] = [0xFF, 0xD8, 0x00]
            junk.withUnsafeBufferPointer { jpeg_mem_src(&cinfo, $0.baseAddress, UInt(junk.count)) }
            _ = jpeg_read_header(&cinfo, 1)
        }
    }

    @Test func guardedLibjpegReturnsTheMessage() {
        let junk: [UInt8] = [0x01, 0x02, 0x03]
        #expect {
            try JPEGCodec.readHeader(junk)
        } throws: { error in
            guard let error = error as? ICPCheckError else { return false }
            return error.code == FindingCode.corrupt && error.underlying?.contains("Not a JPEG file") == true
        }
    }

    @Test func corruptDataWarningsAreCountedNotPrinted() throws {
        let (image, diagnostics) = try JPEGCodec.decode(Corpus.bytes("jpeg/pillow_junk_jpeg_header.jpg"))
        #expect(image.width > 0)
        #expect(diagnostics.warningCount > 0)
        #expect(diagnostics.warning.contains("Corrupt JPEG data"))
    }

    @Test func tooManyScansIsRefused() throws {
        let progressive = try Corpus.bytes("jpeg/pillow_icc_profile_big.jpg")
        let header = try JPEGCodec.readHeader(progressive).0
        try #require(header.progressive)
        #expect(throws: ICPCheckError.self) {
            try JPEGCodec.decode(progressive, limits: DecodeLimits(maxScans: 2))
        }
        #expect(try JPEGCodec.decode(progressive).1.warningCount == 0)
    }

    @Test func pngErrorsKeepLibpngsText() throws {
        #expect {
            try PNGCodec.decode(Corpus.bytes("png/pngsuite/xcsn0g01.png"))
        } throws: { error in
            (error as? ICPCheckError)?.underlying?.contains("CRC") == true
        }
    }
}

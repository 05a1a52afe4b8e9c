/// Caps that keep one hostile file from taking the machine: checked from the header, before any
/// large allocation, or handed to the codecs, which stop when they are passed.
public struct DecodeLimits: Sendable, Equatable {
    /// Files larger than this are not read at all.
    public var maxFileBytes: Int
    /// Width × height above this is refused as a decompression bomb.
    public var maxPixels: Int
    /// Neither side may exceed this (also handed to libpng as its user limit).
    public var maxDimension: Int
    /// A progressive JPEG with more scans than this is refused (a crafted file can hold thousands).
    public var maxScans: Int
    /// libjpeg's working memory cap (`max_memory_to_use`), in bytes. With libjpeg-turbo's jmemnobs.c
    /// the only allocation it bounds is the whole-image coefficient buffer of a multi-scan
    /// (progressive) file, which is refused before any scan is read when it does not fit.
    public var maxCodecMemory: Int
    /// The scans of a JPEG may cover at most this many times the picture's 8×8 blocks.
    public var maxScanPasses: Int
    /// The most libpng allocates for one chunk it keeps or inflates (`png_set_chunk_malloc_max`).
    public var maxPNGChunkBytes: Int
    /// How many unknown chunks libpng keeps (`png_set_chunk_cache_max`).
    public var maxStoredPNGChunks: Int
    /// The ancillary chunks of a PNG (everything but IHDR, PLTE, IDAT and IEND) may hold at most this many bytes in all.
    public var maxPNGAncillaryBytes: Int

    /// 256 MiB of coefficients: a 50 MP phone photo saved progressive at 4:2:0 (8160×6120) needs
    /// 146 MiB, a 300-dpi A4 scan at 4:4:4 (2480×3508) 51 MiB; a 4:4:4 progressive file is refused
    /// above about 44 MP. It keeps the 9999×9999 4:4:4 progressive of the audit (572 MiB) out.
    public static let defaultMaxCodecMemory = 256 << 20
    /// libjpeg's own progressive script (jcparam.c) covers the picture 5⅓ times, the most of any
    /// progressive file in our corpora; 32 leaves six times that, and bounds a crafted file's scans
    /// to 32 passes over at most 2 M blocks (the coefficient cap) instead of a thousand.
    public static let defaultMaxScanPasses = 32
    /// 4 MiB: "a few MB" for one chunk. PNG's ICC profiles (RGB or grey only) are far smaller, and
    /// the text chunks, where large XMP lives, are skipped unread. libpng's own build default is 8 MB.
    public static let defaultMaxPNGChunkBytes = 4 << 20
    /// libpng keeps (and warns about) each unknown ancillary chunk it is not told to skip: Apple's
    /// iDOT, an APNG's fcTL per frame. libpng's build default is 1000; their bytes are bounded by
    /// the file anyway.
    public static let defaultMaxStoredPNGChunks = 1000
    /// 16 MiB of ancillary chunks: metadata, not picture. Ordinary files carry kilobytes (an ICC
    /// profile, EXIF, XMP); the audit's file held 2,000 zTXt chunks.
    public static let defaultMaxPNGAncillaryBytes = 16 << 20

    public init(
        maxFileBytes: Int = 64 << 20, maxPixels: Int = 100_000_000, maxDimension: Int = 100_000,
        maxScans: Int = 1000, maxCodecMemory: Int = defaultMaxCodecMemory,
        maxScanPasses: Int = defaultMaxScanPasses, maxPNGChunkBytes: Int = defaultMaxPNGChunkBytes,
        maxStoredPNGChunks: Int = defaultMaxStoredPNGChunks, maxPNGAncillaryBytes: Int = defaultMaxPNGAncillaryBytes
    ) {
        self.maxFileBytes = maxFileBytes
        self.maxPixels = maxPixels
        self.maxDimension = maxDimension
        self.maxScans = maxScans
        self.maxCodecMemory = maxCodecMemory
        self.maxScanPasses = maxScanPasses
        self.maxPNGChunkBytes = maxPNGChunkBytes
        self.maxStoredPNGChunks = maxStoredPNGChunks
        self.maxPNGAncillaryBytes = maxPNGAncillaryBytes
    }

    /// Throws `format.too_many_pixels` when a header announces more than the caps allow.
    func check(width: Int, height: Int) throws(ICPCheckError) {
        if width > maxDimension || height > maxDimension || width * height > maxPixels {
            throw ICPCheckError(
                code: FindingCode.tooManyPixels,
                message: "The image claims \(width)×\(height) pixels, more than the limit of \(maxPixels) pixels;"
                    + " it was not decoded. Export it at a normal size.",
                messageZh: "图片像素数超过上限，未解码，请以正常尺寸导出。", underlying: "\(width * height)")
        }
    }
}

extension ICPCheckError {
    /// `format.too_costly`: decoding would pass `cap`, whose value and limit both go into the
    /// message and the detail.
    static func tooCostly(cap: String, value: Int, limit: Int, unit: String, codecText: String? = nil) -> ICPCheckError {
        let numbers = "\(value) \(unit), limit \(limit) \(unit)"
        return ICPCheckError(
            code: FindingCode.tooCostly,
            message: "Decoding this image would cost too much (\(cap): \(numbers)); it was not decoded."
                + " Export it again as an ordinary JPEG or PNG.",
            messageZh: "解码该图片的开销超出上限（\(cap)：\(numbers)），未解码，请重新导出为普通的 JPG 或 PNG 后上传。",
            underlying: "\(cap): \(value) > \(limit) \(unit)" + (codecText.map { " (\($0))" } ?? ""))
    }
}

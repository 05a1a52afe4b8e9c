/// Caps that keep one hostile file from taking the machine: checked from the header, before any
/// large allocation.
public struct DecodeLimits: Sendable, Equatable {
    /// Files larger than this are not read at all.
    public var maxFileBytes: Int
    /// Width × height above this is refused as a decompression bomb.
    public var maxPixels: Int
    /// Neither side may exceed this (also handed to libpng as its user limit).
    public var maxDimension: Int
    /// A progressive JPEG with more scans than this is refused (a crafted file can hold thousands).
    public var maxScans: Int
    /// libjpeg's working memory cap, in bytes.
    public var maxCodecMemory: Int

    public init(
        maxFileBytes: Int = 64 << 20, maxPixels: Int = 100_000_000, maxDimension: Int = 100_000,
        maxScans: Int = 1000, maxCodecMemory: Int = 1 << 30
    ) {
        self.maxFileBytes = maxFileBytes
        self.maxPixels = maxPixels
        self.maxDimension = maxDimension
        self.maxScans = maxScans
        self.maxCodecMemory = maxCodecMemory
    }

    /// Throws `format.too_many_pixels` when a header announces more than the caps allow.
    func check(width: Int, height: Int) throws(ICPCheckError) {
        if width > maxDimension || height > maxDimension || width * height > maxPixels {
            throw ICPCheckError(
                code: FindingCode.tooManyPixels,
                message: "The image claims \(width)×\(height) pixels, more than the limit of \(maxPixels) pixels;"
                    + " it was not decoded. Export it at a normal size.",
                underlying: "\(width * height)")
        }
    }
}

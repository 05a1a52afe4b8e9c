/// A walk over a PNG's chunk list in Swift, to find the `eXIf` chunk wherever it stands (before
/// or after the image data) without asking libpng to decode anything, and to read the IHDR fields
/// of a file libpng refuses.
struct PNGChunks: Sendable {
    struct ImageHeader: Sendable, Equatable {
        var width: Int
        var height: Int
        var bitDepth: Int
        var colorType: Int
        var interlaced: Bool
    }

    /// The first chunk's fields, when that chunk is IHDR (whatever its CRC says).
    var imageHeader: ImageHeader?
    /// The raw TIFF-structured payload of the first `eXIf` chunk.
    var exif: ArraySlice<UInt8>?

    init(_ bytes: [UInt8]) {
        if bytes.count >= 29, bytes[12..<16].elementsEqual("IHDR".utf8) {
            imageHeader = ImageHeader(
                width: Self.uint32(bytes, at: 16), height: Self.uint32(bytes, at: 20), bitDepth: Int(bytes[24]),
                colorType: Int(bytes[25]), interlaced: bytes[28] != 0)
        }
        var offset = 8  // after the signature
        while offset + 8 <= bytes.count {
            let length = Self.uint32(bytes, at: offset)
            let type = bytes[offset + 4..<offset + 8]
            let start = offset + 8
            guard length <= bytes.count - start else { return }
            if type.elementsEqual("eXIf".utf8) {
                exif = bytes[start..<start + length]
                return
            }
            if type.elementsEqual("IEND".utf8) { return }
            offset = start + length + 4  // data, then CRC
        }
    }

    /// The data bytes of all ancillary chunks (type starting with a lower-case letter) up to IEND,
    /// counting only chunks that fit in the file.
    static func ancillaryByteCount(_ bytes: [UInt8]) -> Int {
        var total = 0
        var offset = 8  // after the signature
        while offset + 8 <= bytes.count {
            let length = uint32(bytes, at: offset)
            let start = offset + 8
            guard length <= bytes.count - start else { break }
            let type = bytes[offset + 4..<start]
            if type.elementsEqual("IEND".utf8) { break }
            if type.first! & 0x20 != 0 { total += length }
            offset = start + length + 4  // data, then CRC
        }
        return total
    }

    private static func uint32(_ bytes: [UInt8], at offset: Int) -> Int {
        Int(bytes[offset]) << 24 | Int(bytes[offset + 1]) << 16 | Int(bytes[offset + 2]) << 8 | Int(bytes[offset + 3])
    }
}

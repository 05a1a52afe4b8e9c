/// A walk over a PNG's chunk list in Swift, to find the `eXIf` chunk wherever it stands (before
/// or after the image data) without asking libpng to decode anything.
struct PNGChunks: Sendable {
    /// The raw TIFF-structured payload of the first `eXIf` chunk.
    var exif: ArraySlice<UInt8>?

    init(_ bytes: [UInt8]) {
        var offset = 8  // after the signature
        while offset + 8 <= bytes.count {
            let length =
                Int(bytes[offset]) << 24 | Int(bytes[offset + 1]) << 16 | Int(bytes[offset + 2]) << 8
                | Int(bytes[offset + 3])
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
}

/// A walk over a JPEG's marker segments up to the first scan, in Swift and without libjpeg.
///
/// It finds the EXIF APP1 payload (also when the image data after it is broken) and reads the
/// frame header, so that a file libjpeg refuses still reports its stored dimensions.
struct JPEGMarkers: Sendable {
    struct Frame: Sendable, Equatable {
        var width: Int
        var height: Int
        var components: Int
        var precision: Int
        var progressive: Bool
        var arithmetic: Bool
    }

    /// The first APP1 segment's payload that starts with `Exif\0\0`, header included.
    var exif: ArraySlice<UInt8>?
    var frame: Frame?

    init(_ bytes: [UInt8]) {
        var offset = 2  // after SOI
        while offset + 4 <= bytes.count {
            // libjpeg skips junk before a marker; so do we, one 0xFF run at a time.
            guard bytes[offset] == 0xFF else {
                offset += 1
                continue
            }
            let marker = bytes[offset + 1]
            if marker == 0xFF || marker == 0x00 {
                offset += 1
                continue
            }
            if marker == 0xD8 || marker == 0x01 || (0xD0...0xD7).contains(marker) {
                offset += 2  // markers without a length
                continue
            }
            if marker == 0xD9 || marker == 0xDA { return }  // EOI, or SOS: entropy-coded data follows
            let length = Int(bytes[offset + 2]) << 8 | Int(bytes[offset + 3])
            let start = offset + 4
            let end = min(offset + 2 + length, bytes.count)
            guard length >= 2 else {
                offset += 4  // a broken length: like libjpeg, skip the length bytes and resync
                continue
            }
            if marker == 0xE1, exif == nil, end - start >= 6,
                bytes[start..<start + 6].elementsEqual([0x45, 0x78, 0x69, 0x66, 0x00, 0x00])
            {
                exif = bytes[start..<end]
            }
            if frame == nil, Self.isStartOfFrame(marker), end - start >= 6 {
                frame = Frame(
                    width: Int(bytes[start + 3]) << 8 | Int(bytes[start + 4]),
                    height: Int(bytes[start + 1]) << 8 | Int(bytes[start + 2]),
                    components: Int(bytes[start + 5]),
                    precision: Int(bytes[start]),
                    progressive: marker == 0xC2 || marker == 0xC6 || marker == 0xCA || marker == 0xCE,
                    arithmetic: marker >= 0xC9
                )
            }
            offset += 2 + length
        }
    }

    /// SOF0–SOF15 except DHT (C4), JPG (C8) and DAC (CC).
    private static func isStartOfFrame(_ marker: UInt8) -> Bool {
        (0xC0...0xCF).contains(marker) && marker != 0xC4 && marker != 0xC8 && marker != 0xCC
    }
}

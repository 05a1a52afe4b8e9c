/// Builds PNG chunks in tests (with real CRCs), to make fixtures libpng accepts.
enum PNGWriter {
    static func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
        let typed = Array(type.utf8) + data
        return bigEndian(UInt32(data.count)) + typed + bigEndian(crc32(typed))
    }

    /// Inserts `chunk` right after the IHDR chunk of a valid PNG.
    static func inserting(_ chunk: [UInt8], into png: [UInt8]) -> [UInt8] {
        var bytes = png
        bytes.insert(contentsOf: chunk, at: 8 + 25)  // signature, then IHDR: 4 + 4 + 13 + 4
        return bytes
    }

    static func bigEndian(_ value: UInt32) -> [UInt8] {
        [UInt8(value >> 24), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)]
    }

    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }
}

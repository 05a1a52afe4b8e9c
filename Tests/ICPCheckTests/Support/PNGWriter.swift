/// Builds PNG chunks in tests (with real CRCs), to make fixtures libpng accepts.
enum PNGWriter {
    static func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
        let typed = Array(type.utf8) + data
        return bigEndian(UInt32(data.count)) + typed + bigEndian(crc32(typed))
    }

    /// A chunk whose length field says `claimedLength` whatever `data` holds (the CRC covers `data`).
    static func chunk(_ type: String, _ data: [UInt8], claimedLength: UInt32) -> [UInt8] {
        let typed = Array(type.utf8) + data
        return bigEndian(claimedLength) + typed + bigEndian(crc32(typed))
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

    private static let crcTable: [UInt32] = (0..<256).map { n in
        var c = UInt32(n)
        for _ in 0..<8 { c = c & 1 == 1 ? (c >> 1) ^ 0xEDB8_8320 : c >> 1 }
        return c
    }

    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes { crc = crcTable[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8) }
        return ~crc
    }

    static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    static func header(width: Int, height: Int, bitDepth: Int, colorType: Int, interlaced: Bool) -> [UInt8] {
        chunk(
            "IHDR",
            bigEndian(UInt32(width)) + bigEndian(UInt32(height))
                + [UInt8(bitDepth), UInt8(colorType), 0, 0, interlaced ? 1 : 0])
    }

    /// Samples per pixel of a colour type (grey, RGB, palette, grey + alpha, RGBA).
    static func channels(ofType colorType: Int) -> Int { [1, 0, 3, 1, 2, 0, 4][colorType] }

    /// A PNG of `samples` (row-major, `channels(ofType:)` a pixel, each below 2^bitDepth; 8 or 16
    /// bits), every row with filter 0, interlaced with Adam7 when asked, in stored deflate blocks.
    /// `extra` chunks go before the image data.
    static func png(
        width: Int, height: Int, bitDepth: Int, colorType: Int, interlaced: Bool, samples: [UInt16],
        extra: [UInt8] = []
    ) -> [UInt8] {
        let channels = channels(ofType: colorType)
        var raw: [UInt8] = []
        func appendRow(y: Int, xs: StrideTo<Int>) {
            raw.append(0)
            for x in xs {
                for c in 0..<channels {
                    let value = samples[(y * width + x) * channels + c]
                    if bitDepth == 16 { raw.append(UInt8(value >> 8)) }
                    raw.append(UInt8(value & 0xFF))
                }
            }
        }
        if interlaced {
            for (x0, y0, dx, dy) in adam7 where x0 < width && y0 < height {
                for y in stride(from: y0, to: height, by: dy) { appendRow(y: y, xs: stride(from: x0, to: width, by: dx)) }
            }
        } else {
            for y in 0..<height { appendRow(y: y, xs: stride(from: 0, to: width, by: 1)) }
        }
        return signature + header(width: width, height: height, bitDepth: bitDepth, colorType: colorType, interlaced: interlaced)
            + extra + chunk("IDAT", zlibStored(raw)) + chunk("IEND", [])
    }

    /// A PNG whose every byte of image data is zero (transparent black with alpha), compressed about
    /// 160:1, so that a large picture is a small file (an IDAT bomb).
    static func zeroPNG(width: Int, height: Int, bitDepth: Int, colorType: Int, interlaced: Bool) -> [UInt8] {
        let bytesPerPixel = channels(ofType: colorType) * bitDepth / 8
        var rawCount = 0
        let passes = interlaced ? adam7 : [(0, 0, 1, 1)]
        for (x0, y0, dx, dy) in passes where x0 < width && y0 < height {
            let columns = (width - x0 + dx - 1) / dx, rows = (height - y0 + dy - 1) / dy
            rawCount += rows * (1 + columns * bytesPerPixel)
        }
        return signature + header(width: width, height: height, bitDepth: bitDepth, colorType: colorType, interlaced: interlaced)
            + chunk("IDAT", zlibZeros(count: rawCount)) + chunk("IEND", [])
    }

    /// Adam7 passes: first column, first row, column step, row step.
    static let adam7 = [(0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2), (0, 1, 1, 2)]

    /// A zlib stream of stored (uncompressed) deflate blocks.
    static func zlibStored(_ data: [UInt8]) -> [UInt8] {
        var out: [UInt8] = [0x78, 0x01]
        var offset = 0
        repeat {
            let count = min(65535, data.count - offset)
            let final: UInt8 = offset + count == data.count ? 1 : 0
            out += [final, UInt8(count & 0xFF), UInt8(count >> 8), UInt8(~count & 0xFF), UInt8((~count >> 8) & 0xFF)]
            out += data[offset..<offset + count]
            offset += count
        } while offset < data.count
        return out + bigEndian(adler32(data))
    }

    /// A zlib stream that inflates to `count` zero bytes: one fixed-Huffman block of a literal 0,
    /// then matches of 258 bytes at distance 1 (13 bits each).
    static func zlibZeros(count: Int) -> [UInt8] {
        var bits = BitWriter()
        bits.write(0b011, count: 3)  // BFINAL = 1, BTYPE = 01 (fixed), least significant bit first
        var left = count
        if left > 0 {
            bits.writeCode(0b0011_0000, length: 8)  // literal 0
            left -= 1
        }
        while left >= 258 {
            bits.writeCode(0b1100_0101, length: 8)  // length symbol 285: 258 bytes
            bits.writeCode(0, length: 5)  // distance code 0: distance 1
            left -= 258
        }
        for _ in 0..<left { bits.writeCode(0b0011_0000, length: 8) }
        bits.writeCode(0, length: 7)  // end of block (256)
        // Adler-32 of n zero bytes: a = 1, b = n.
        let adler = UInt32(count % 65521) << 16 | 1
        return [0x78, 0x01] + bits.finished + bigEndian(adler)
    }

    static func adler32(_ data: [UInt8]) -> UInt32 {
        var a: UInt32 = 1, b: UInt32 = 0
        for chunkStart in stride(from: 0, to: data.count, by: 5552) {
            for byte in data[chunkStart..<min(data.count, chunkStart + 5552)] {
                a += UInt32(byte)
                b += a
            }
            a %= 65521
            b %= 65521
        }
        return b << 16 | a
    }

    /// Deflate's bit order: values least significant bit first, Huffman codes most significant first.
    struct BitWriter {
        var bytes: [UInt8] = []
        private var current: UInt32 = 0
        private var used = 0

        mutating func write(_ value: UInt32, count: Int) {
            for i in 0..<count { push((value >> UInt32(i)) & 1) }
        }

        mutating func writeCode(_ code: UInt32, length: Int) {
            for i in stride(from: length - 1, through: 0, by: -1) { push((code >> UInt32(i)) & 1) }
        }

        private mutating func push(_ bit: UInt32) {
            current |= bit << UInt32(used)
            used += 1
            if used == 8 { flush() }
        }

        private mutating func flush() {
            bytes.append(UInt8(current))
            current = 0
            used = 0
        }

        /// The bytes written, the last one padded with zero bits.
        var finished: [UInt8] { used == 0 ? bytes : bytes + [UInt8(current)] }
    }
}

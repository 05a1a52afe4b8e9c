/// Own SHA-256 so we avoid pulling in swift-crypto's long build for a single hash.
struct SHA256: Sendable {
    private static let k: [UInt32] = [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    ]

    /// SHA-256 (FIPS 180-4) of a byte buffer, as lowercase hex.
    static func hexDigest(of bytes: [UInt8]) -> String {
        bytes.withUnsafeBytes { hexDigest(of: $0) }
    }

    /// SHA-256 (FIPS 180-4) of a byte buffer, as lowercase hex.
    static func hexDigest(of bytes: UnsafeRawBufferPointer) -> String {
        var h: (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32) = (
            0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19)
        let count = bytes.count
        let fullBlocks = count / 64
        k.withUnsafeBufferPointer { k in
            withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { w in
                if fullBlocks > 0, let base = bytes.baseAddress {
                    compress(&h, base, blocks: fullBlocks, k, w)
                }
                // Padding: tail bytes, 0x80, zeros, 64-bit big-endian bit length (1 or 2 blocks).
                withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 128) { pad in
                    let tail = count - fullBlocks * 64
                    pad.initialize(repeating: 0)
                    if tail > 0 { UnsafeMutableRawBufferPointer(pad).copyMemory(from: .init(rebasing: bytes[(fullBlocks * 64)...])) }
                    pad[tail] = 0x80
                    let padBlocks = tail < 56 ? 1 : 2
                    let bitLength = UInt64(count) &* 8
                    UnsafeMutableRawPointer(pad.baseAddress!)
                        .storeBytes(of: bitLength.bigEndian, toByteOffset: padBlocks * 64 - 8, as: UInt64.self)
                    compress(&h, UnsafeRawPointer(pad.baseAddress!), blocks: padBlocks, k, w)
                }
            }
        }
        return hex([h.0, h.1, h.2, h.3, h.4, h.5, h.6, h.7])
    }

    @inline(__always) private static func rotr(_ x: UInt32, _ n: UInt32) -> UInt32 {
        (x >> n) | (x << (32 &- n))
    }

    private static func compress(
        _ h: inout (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32),
        _ data: UnsafeRawPointer, blocks: Int,
        _ k: UnsafeBufferPointer<UInt32>, _ w: UnsafeMutableBufferPointer<UInt32>
    ) {
        let k = k.baseAddress!, w = w.baseAddress!
        for block in 0..<blocks {
            let p = data + block * 64
            for i in 0..<16 {
                w[i] = UInt32(bigEndian: p.loadUnaligned(fromByteOffset: i * 4, as: UInt32.self))
            }
            for i in 16..<64 {
                let s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >> 3)
                let s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >> 10)
                w[i] = w[i - 16] &+ s0 &+ w[i - 7] &+ s1
            }
            var (a, b, c, d, e, f, g, hh) = h
            for i in 0..<64 {
                let t1 = hh &+ (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) &+ ((e & f) ^ (~e & g)) &+ k[i] &+ w[i]
                let t2 = (rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) &+ ((a & b) ^ (a & c) ^ (b & c))
                hh = g; g = f; f = e; e = d &+ t1
                d = c; c = b; b = a; a = t1 &+ t2
            }
            h = (h.0 &+ a, h.1 &+ b, h.2 &+ c, h.3 &+ d, h.4 &+ e, h.5 &+ f, h.6 &+ g, h.7 &+ hh)
        }
    }

    private static func hex(_ words: [UInt32]) -> String {
        let digits: [UInt8] = Array("0123456789abcdef".utf8)
        return String(unsafeUninitializedCapacity: 64) { out in
            for (i, word) in words.enumerated() {
                for j in 0..<8 {
                    out[i * 8 + j] = digits[Int((word >> UInt32(28 - 4 * j)) & 0xf)]
                }
            }
            return 64
        }
    }
}

/// Deterministic damage to a file's bytes: the kinds of corruption uploads really suffer (bit
/// rot, cut-off transfers, segments copied to the wrong place), from a seeded generator.
struct Mutator {
    /// SplitMix64: small, fast and the same on every machine.
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func below(_ bound: Int) -> Int { bound <= 0 ? 0 : Int(next() % UInt64(bound)) }

    /// One of several mutations, chosen by the generator.
    mutating func mutate(_ original: [UInt8]) -> [UInt8] {
        var bytes = original
        guard bytes.count > 4 else { return bytes }
        switch below(6) {
        case 0:  // flip a few bits anywhere
            for _ in 0...below(8) { bytes[below(bytes.count)] ^= UInt8(1 << below(8)) }
        case 1:  // flip bits in the header, where lengths and sizes live
            for _ in 0...below(4) { bytes[below(min(bytes.count, 300))] ^= UInt8(1 << below(8)) }
        case 2:  // truncate
            bytes.removeLast(bytes.count - below(bytes.count))
        case 3:  // splice: copy a run of bytes over another place
            let length = 1 + below(64)
            let from = below(bytes.count - 1), to = below(bytes.count - 1)
            let run = bytes[from..<min(bytes.count, from + length)]
            bytes.replaceSubrange(to..<min(bytes.count, to + run.count), with: run)
        case 4:  // insert a run of bytes (a duplicated segment, or junk) into the middle
            let from = below(bytes.count - 1)
            let run = Array(bytes[from..<min(bytes.count, from + 1 + below(128))])
            bytes.insert(contentsOf: run, at: below(bytes.count))
        default:  // set a byte to a value that matters to parsers
            let values: [UInt8] = [0x00, 0xFF, 0x7F, 0x80, 0xD9, 0xDA, 0xC0, 0xC2]
            for _ in 0...below(3) { bytes[below(bytes.count)] = values[below(values.count)] }
        }
        return bytes
    }
}

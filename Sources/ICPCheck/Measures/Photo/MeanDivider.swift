/// Integer division of a pixel sum by its count, as a multiplication and a shift: the resamplers and
/// the box mean divide once per output value, and a hardware division costs as much as the rest of
/// the loop. Exact for any sum of `count` values of 0…255 (Granlund and Montgomery): with
/// m = ⌈2^56 / count⌉, the rounding error of m times the sum stays under 2^56 for counts below 2^24,
/// and such a sum still fits 32 bits.
struct MeanDivider {
    static let shift: UInt64 = 56
    static let maxCount = (1 << 24) - 1
    let multiplier: UInt64

    init(_ count: Int) {
        precondition(count > 0 && count <= Self.maxCount, "a mean's count must be 1…2^24 − 1")
        multiplier = ((1 << Self.shift) + UInt64(count) - 1) / UInt64(count)
    }

    /// ⌊sum / count⌋, for a sum of at most `count` values of 0…255.
    @inline(__always) func mean(_ sum: UInt32) -> UInt8 { UInt8(truncatingIfNeeded: (UInt64(sum) &* multiplier) >> Self.shift) }
}

/// Integer division of a pixel sum by its count, as a multiplication: the resamplers divide once per
/// output value, and a hardware division costs as much as the rest of the loop. Exact: the sum's
/// quotient is floored after adding less than the smallest fraction a count up to 2^20 can leave.
struct MeanDivider {
    let inverse: Double

    init(_ count: Int) {
        precondition(count > 0 && count <= 1 << 20, "a mean's count must be 1…2^20")
        inverse = 1 / Double(count)
    }

    @inline(__always) func mean(_ sum: UInt32) -> UInt8 { UInt8(Double(sum) * inverse + 1e-9) }
}

/// A stump cascade's nodes in the order the 4-window scan evaluates them: within each stage, the stumps
/// on two-rectangle features first, so that their missing third rectangle is skipped rather than summed
/// as 0 (four of five features in OpenCV's face cascades have two).
///
/// Reordering a stage changes its sum of leaf values only where double precision rounds it. It does not
/// when every leaf is a multiple of 2^e and the stage's leaves add up, in magnitude, to less than 2^(53 + e):
/// then every partial sum is exact in any order. OpenCV's cascades pass (their leaves are floats no finer
/// than 2^−38, a stage's sum under 2^13); a cascade that does not keeps its order and sums all three
/// rectangles.
struct StumpTables: Sendable {
    /// Per position, the cascade node evaluated there.
    let order: [Int]
    /// Per position, the node's 6 numbers as in `FaceDetector.nodeNumbers`.
    let numbers: [SIMD4<Float>]
    /// Per stage, the first position of its stumps on three-rectangle features (its end when there are none).
    let threeRectStarts: [Int]

    init(_ cascade: HaarCascade, stageEnds: [Int], nodeNumbers: [SIMD4<Float>]) {
        let reorder = Self.stageSumsAreExact(cascade, stageEnds: stageEnds)
        var order: [Int] = [], threeRectStarts: [Int] = []
        var start = 0
        for end in stageEnds {
            let stage = Array(start..<end)
            let hasThird = { (node: Int) in cascade.featureRects[Int(cascade.nodeFeature[node]) * 3 + 2].weight != 0 }
            let twoRect = reorder ? stage.filter { !hasThird($0) } : []
            order += twoRect + stage.filter { !twoRect.contains($0) }
            threeRectStarts.append(start + twoRect.count)
            start = end
        }
        self.order = order
        self.threeRectStarts = threeRectStarts
        numbers = order.flatMap { nodeNumbers[6 * $0..<6 * $0 + 6] }
    }

    /// Whether every stage's leaf values sum exactly in double precision, in whatever order.
    static func stageSumsAreExact(_ cascade: HaarCascade, stageEnds: [Int]) -> Bool {
        let leaves = cascade.leafValues.filter { $0 != 0 && $0.isFinite }
        guard leaves.count == cascade.leafValues.filter({ $0 != 0 }).count else { return false }
        // The weight of each leaf's lowest set bit.
        let finest = leaves.map { Int($0.exponent) - $0.significandWidth }.min() ?? 0
        let limit = Double(sign: .plus, exponent: 53 + finest, significand: 1)
        var start = 0
        for end in stageEnds {
            // A stump has leaves 2·node and 2·node + 1; the larger in magnitude bounds what it adds.
            let bound = (start..<end).reduce(0.0) { $0 + Double(max(abs(cascade.leafValues[2 * $1]), abs(cascade.leafValues[2 * $1 + 1]))) }
            if bound >= limit { return false }
            start = end
        }
        return true
    }
}

extension FaceDetector {
    private typealias Lanes = IntegralWindows.Lanes
    private typealias LaneMask = IntegralWindows.LaneMask

    /// One row of a stump cascade, 4 windows at a time: the first stage runs on all 4, then OpenCV's visiting
    /// order decides which of them count, and later stages run while any of those survives.
    func scanStumps(
        _ windows: IntegralWindows, _ nodes: Nodes, _ stumps: StumpTables, row y: Int, xEnd: Int, into hits: inout [(Int, Int)]
    ) {
        precondition(windows.windowsAreConsecutive, "4 windows are read with one load per corner")
        var x = 0
        var skipNext = false  // the window before was rejected by the first stage
        while x < xEnd {
            let count = min(Lanes.scalarCount, (xEnd - x + windows.step - 1) / windows.step)
            let base = windows.base(x, y)
            var (inverse, varied) = windows.inverseNorms(base)
            if count < Lanes.scalarCount { varied .&= SIMD4<Int64>(0, 1, 2, 3) .< Int64(count) }
            let window = windows.sums + base
            let first = any(varied) ? stageTotals(0, window, inverse, windows, nodes, stumps) .>= stageThresholds[0] : varied
            var alive = LaneMask(repeating: false)
            for lane in 0..<count {
                if skipNext {
                    skipNext = false
                } else {
                    alive[lane] = varied[lane] && first[lane]
                    skipNext = varied[lane] && !first[lane]
                }
            }
            var stage = 1
            while stage < stageEnds.count && any(alive) {
                alive .&= stageTotals(stage, window, inverse, windows, nodes, stumps) .>= stageThresholds[stage]
                stage += 1
            }
            for lane in 0..<count where alive[lane] { hits.append((x + lane * windows.step, y)) }
            x += count * windows.step
        }
    }

    /// The sums of one stage's leaf values for 4 windows, in double precision as OpenCV sums them.
    @inline(__always)
    private func stageTotals(
        _ stage: Int, _ window: UnsafePointer<Int32>, _ inverse: Lanes, _ windows: IntegralWindows, _ nodes: Nodes,
        _ stumps: StumpTables
    ) -> SIMD4<Double> {
        var total = SIMD4<Double>(repeating: 0)
        @inline(__always) func add(_ node: Int, threeRects: Bool) {
            let f = nodes.numbers + 6 * node
            let below = nodes.values(node, window, inverse, windows, threeRects: threeRects) .< f[3]
            total += SIMD4<Double>(f[5].replacing(with: f[4], where: below))
        }
        let (start, third) = (stage == 0 ? 0 : stageEnds[stage - 1], stumps.threeRectStarts[stage])
        for node in start..<third { add(node, threeRects: false) }
        for node in third..<stageEnds[stage] { add(node, threeRects: true) }
        return total
    }
}

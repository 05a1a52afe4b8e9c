import Foundation

/// A face found in a picture: its box in the picture's pixels, and how many raw detections were merged into it.
struct FaceBox: Sendable, Equatable, Codable {
    var x: Int
    var y: Int
    var width: Int
    var height: Int
    /// Raw window detections merged into this box (OpenCV's "neighbours"): more means more certain.
    var neighbors: Int

    init(x: Int, y: Int, width: Int, height: Int, neighbors: Int) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
        self.neighbors = neighbors
    }

    /// The same box in a picture `factor` times the size (at least a pixel wide and high).
    func scaled(by factor: Double) -> FaceBox {
        FaceBox(x: Int(Double(x) * factor), y: Int(Double(y) * factor), width: max(1, Int(Double(width) * factor)),
                height: max(1, Int(Double(height) * factor)), neighbors: neighbors)
    }

    /// Whether the two boxes share at least half of the smaller one's area (a fixed property of the method:
    /// two detections of one face overlap almost entirely, two faces side by side hardly at all).
    func overlapsMostOf(_ other: FaceBox) -> Bool {
        let width = min(x + self.width, other.x + other.width) - max(x, other.x)
        let height = min(y + self.height, other.y + other.height) - max(y, other.y)
        guard width > 0, height > 0 else { return false }
        return 2 * width * height >= min(self.width * self.height, other.width * other.height)
    }
}

/// Viola–Jones face detection with an OpenCV Haar cascade, done as OpenCV 4's
/// `CascadeClassifier::detectMultiScale` does it: the grey picture is shrunk by powers of the scale factor,
/// the cascade's window slides over each shrunk picture (every 2nd pixel below a shrink of 2, every pixel
/// above), window hits are mapped back and grouped by `groupRectangles`, and boxes are clipped to the picture.
struct FaceDetector: Sendable {

    let cascade: HaarCascade
    /// Per node, 6 numbers: the three rectangle weights of its feature, its threshold, and the leaf values it
    /// gives when its value is below / not below the threshold (0 for a child that is another node); each
    /// repeated in 4 lanes, so that the vector scan reads them without shuffling.
    let nodeNumbers: [SIMD4<Float>]
    /// Per node: left and right child (tree-relative; `c ≤ 0` is leaf `-c`).
    let nodeChildren: [Int32]
    /// Per stage: the index one past its last tree, and its threshold less OpenCV's 1e-5.
    let stageEnds: [Int]
    let stageThresholds: [Double]
    /// Whether rows are scanned 4 windows at a time, which needs a stump cascade, or a window at a time: both
    /// give the same hits. The default is 4 at a time for stump cascades in optimised builds; unoptimised
    /// builds scan a window at a time, because generic SIMD code is some 6 times slower than scalar code there.
    var scansFourWindowsAtOnce: Bool
    /// A stump cascade's nodes in the order the 4-window scan evaluates them.
    let stumps: StumpTables?

    /// Prepares the per-node tables the scan walks in order.
    init(cascade: HaarCascade) {
        self.cascade = cascade
        var numbers: [SIMD4<Float>] = []
        numbers.reserveCapacity(cascade.nodeFeature.count * 6)
        var (node, leafBase) = (0, 0)
        for count in cascade.treeNodeCounts {
            for _ in 0..<count {
                let first = Int(cascade.nodeFeature[node]) * 3
                let rects = cascade.featureRects[first..<first + 3]
                let leaves = [cascade.nodeLeft[node], cascade.nodeRight[node]].map { child in
                    child <= 0 ? cascade.leafValues[leafBase - Int(child)] : 0
                }
                numbers += (rects.map(\.weight) + [cascade.nodeThreshold[node]] + leaves).map { SIMD4(repeating: $0) }
                node += 1
            }
            leafBase += count + 1
        }
        nodeNumbers = numbers
        nodeChildren = zip(cascade.nodeLeft, cascade.nodeRight).flatMap { [$0, $1] }
        var end = 0
        stageEnds = cascade.stageTreeCounts.map { count in
            end += count
            return end
        }
        stageThresholds = cascade.stageThresholds.map { Double($0 - 1e-5) }
        stumps = cascade.isStumpBased ? StumpTables(cascade, stageEnds: stageEnds, nodeNumbers: nodeNumbers) : nil
        #if DEBUG
            scansFourWindowsAtOnce = false
        #else
            scansFourWindowsAtOnce = cascade.isStumpBased
        #endif
    }

    /// The faces in an 8-bit grey picture, largest first. Only faces at least `minFaceFraction` of the picture's
    /// shorter side are looked for; `scaleFactor` (> 1) is the step between window sizes, and a face needs more
    /// than `minNeighbors` overlapping window hits.
    ///
    /// Fixed properties of the method: the defaults 1.1 and 3, the grouping's `eps` 0.2, the window step (every
    /// 2nd pixel below scale 2, every pixel above) and the stage thresholds' 1e-5 are OpenCV's
    /// `detectMultiScale` and `groupRectangles`, the detector the cascades were trained and published for;
    /// the rules decide which of its faces are people (`portrait.min_relative_neighbors` and the others).
    func detect(
        gray: [UInt8], width: Int, height: Int, minFaceFraction: Double, scaleFactor: Double = 1.1,
        minNeighbors: Int = 3
    ) -> [FaceBox] {
        let (windowWidth, windowHeight) = (cascade.windowWidth, cascade.windowHeight)
        guard scaleFactor > 1, width >= windowWidth, height >= windowHeight, gray.count >= width * height else {
            return []
        }
        let minSide = Int((minFaceFraction * Double(min(width, height))).rounded(.up))
        var scales: [Float] = []
        var factor = 1.0
        while true {
            let w = Int((Double(windowWidth) * factor).rounded(.toNearestOrEven))
            let h = Int((Double(windowHeight) * factor).rounded(.toNearestOrEven))
            if w > width || h > height { break }
            if w >= minSide && h >= minSide { scales.append(Float(factor)) }
            factor *= scaleFactor
        }
        guard let first = scales.first else { return [] }
        func levelSize(_ scale: Float) -> (Int, Int) {
            (
                Int((Float(width) / scale).rounded(.toNearestOrEven)),
                Int((Float(height) / scale).rounded(.toNearestOrEven))
            )
        }
        let (firstWidth, firstHeight) = levelSize(first)
        var integral = IntegralImage(stride: firstWidth + 1, maxHeight: firstHeight, padding: 16)
        var plane = [UInt8](repeating: 0, count: firstWidth * firstHeight)
        // The 4-window scan reads windows every 2nd pixel from a table with even columns first.
        let stumps = scansFourWindowsAtOnce ? self.stumps : nil
        let order = stumps?.order ?? Array(cascade.nodeFeature.indices)
        let offsets = (stumps == nil ? [IntegralLayout.plain] : [.plain, .evenColumnsFirst]).map {
            featureOffsets(stride: integral.stride, layout: $0, order: order)
        }
        var candidates: [FaceBox] = []
        for scale in scales {
            let (levelWidth, levelHeight) = levelSize(scale)
            gray.withUnsafeBufferPointer { source in
                plane.withUnsafeMutableBufferPointer { plane in
                    BilinearResampler.resample(
                        source, width: width, height: height, into: plane, outWidth: levelWidth, outHeight: levelHeight)
                }
            }
            let step = scale >= 2 ? 1 : 2
            let layout = stumps != nil && step == 2 ? IntegralLayout.evenColumnsFirst : .plain
            plane.withUnsafeBufferPointer { integral.compute(plane: $0, width: levelWidth, height: levelHeight, layout: layout) }
            let windowSize = (
                Int((Float(windowWidth) * scale).rounded(.toNearestOrEven)),
                Int((Float(windowHeight) * scale).rounded(.toNearestOrEven))
            )
            for (x, y) in scan(integral, offsets: offsets[layout == .plain ? 0 : 1], step: step, stumps: stumps) {
                candidates.append(
                    FaceBox(
                        x: Int((Float(x) * scale).rounded(.toNearestOrEven)),
                        y: Int((Float(y) * scale).rounded(.toNearestOrEven)),
                        width: windowSize.0, height: windowSize.1, neighbors: 1))
            }
        }
        let grouped = Self.groupRectangles(candidates, minNeighbors: minNeighbors, eps: 0.2)
        let clipped = grouped.compactMap { box -> FaceBox? in
            let (left, top) = (max(box.x, 0), max(box.y, 0))
            let (right, bottom) = (min(box.x + box.width, width), min(box.y + box.height, height))
            guard right > left, bottom > top else { return nil }
            return FaceBox(x: left, y: top, width: right - left, height: bottom - top, neighbors: box.neighbors)
        }
        return clipped.sorted {
            ($0.width * $0.height, -$0.y, -$0.x) > ($1.width * $1.height, -$1.y, -$1.x)
        }
    }

    /// For each node in `order`, the 12 table offsets (4 corners × 3 rectangles) of its feature from a
    /// window's top left (at an even column, with even columns first).
    private func featureOffsets(stride: Int, layout: IntegralLayout, order: [Int]) -> [Int32] {
        var offsets: [Int32] = []
        offsets.reserveCapacity(order.count * 12)
        for node in order {
            let feature = Int(cascade.nodeFeature[node])
            for rect in cascade.featureRects[feature * 3..<feature * 3 + 3] {
                for (dx, dy) in [(0, 0), (rect.width, 0), (0, rect.height), (rect.width, rect.height)] {
                    offsets.append(Int32((rect.y + dy) * stride + layout.position(rect.x + dx, stride: stride)))
                }
            }
        }
        return offsets
    }
}

extension FaceDetector {
    /// Raw pointers to the node tables, valid during one scan.
    struct Nodes {
        let offsets: UnsafePointer<Int32>
        let numbers: UnsafePointer<SIMD4<Float>>
        let children: UnsafePointer<Int32>
        let leaves: UnsafePointer<Float>

        /// A node's feature value in the window at `window`, times `inverse`. A missing third rectangle
        /// (weight 0, offsets 0) adds exactly 0, as OpenCV's skipping it does, without a branch.
        @inline(__always) func value(_ node: Int, _ window: UnsafePointer<Int32>, _ inverse: Float) -> Float {
            let o = offsets + 12 * node
            let f = numbers + 6 * node
            @inline(__always) func rect(_ k: Int) -> Float {
                Float(window[Int(o[k])] &- window[Int(o[k + 1])] &- window[Int(o[k + 2])] &+ window[Int(o[k + 3])])
            }
            return (f[0][0] * rect(0) + f[1][0] * rect(4) + f[2][0] * rect(8)) * inverse
        }

        /// The same for the 4 windows of `windows` from `window` on, one per lane, with the same float
        /// arithmetic; `threeRects` false skips the third rectangle (which must then be missing).
        @inline(__always) func values(
            _ node: Int, _ window: UnsafePointer<Int32>, _ inverse: IntegralWindows.Lanes, _ windows: IntegralWindows,
            threeRects: Bool
        ) -> IntegralWindows.Lanes {
            let o = offsets + 12 * node
            let f = numbers + 6 * node
            @inline(__always) func corner(_ k: Int) -> SIMD4<Int32> { windows.load(window + Int(o[k])) }
            @inline(__always) func rect(_ k: Int) -> IntegralWindows.Lanes {
                IntegralWindows.Lanes(corner(k) &- corner(k + 1) &- corner(k + 2) &+ corner(k + 3))
            }
            let two = f[0] * rect(0) + f[1] * rect(4)
            return (threeRects ? two + f[2] * rect(8) : two) * inverse
        }
    }

    /// Top-left corners, in the level's pixels, of the windows of one pyramid level that pass every stage.
    /// Windows are visited as OpenCV does: every `step` pixels, flat ones skipped, and after a first-stage
    /// rejection the next position is skipped. With `stumps`, 4 windows at a time in their order.
    fileprivate func scan(_ integral: IntegralImage, offsets: [Int32], step: Int, stumps: StumpTables?) -> [(Int, Int)] {
        let (windowWidth, windowHeight) = (cascade.windowWidth, cascade.windowHeight)
        let (xEnd, yEnd) = (integral.width + 1 - windowWidth, integral.height + 1 - windowHeight)
        guard xEnd > 0, yEnd > 0 else { return [] }
        var hits: [(Int, Int)] = []
        integral.withWindows(width: windowWidth, height: windowHeight, step: step) { windows in
            offsets.withUnsafeBufferPointer { offsets in
                (stumps?.numbers ?? nodeNumbers).withUnsafeBufferPointer { numbers in
                    nodeChildren.withUnsafeBufferPointer { children in
                        cascade.leafValues.withUnsafeBufferPointer { leaves in
                            let nodes = Nodes(
                                offsets: offsets.baseAddress!, numbers: numbers.baseAddress!,
                                children: children.baseAddress!, leaves: leaves.baseAddress!)
                            for y in Swift.stride(from: 0, to: yEnd, by: step) {
                                if let stumps {
                                    scanStumps(windows, nodes, stumps, row: y, xEnd: xEnd, into: &hits)
                                } else {
                                    scanTrees(windows, nodes, row: y, xEnd: xEnd, into: &hits)
                                }
                            }
                        }
                    }
                }
            }
        }
        return hits
    }

    /// One row of a tree cascade, a window at a time.
    private func scanTrees(
        _ windows: IntegralWindows, _ nodes: Nodes, row y: Int, xEnd: Int, into hits: inout [(Int, Int)]
    ) {
        var x = 0
        while x < xEnd {
            let base = windows.base(x, y)
            var result = -1  // as OpenCV's: 1 face, 0 rejected by the first stage, -1 flat, -k rejected by stage k
            if let inverse = windows.inverseNorm(base) {
                result = 1
                let window = windows.sums + base
                var (tree, nodeBase, leafBase) = (0, 0, 0)
                for stage in 0..<stageEnds.count where result == 1 {
                    var total = 0.0
                    while tree < stageEnds[stage] {
                        var index = 0
                        repeat {
                            let node = nodeBase + index
                            let below = nodes.value(node, window, inverse) < nodes.numbers[6 * node + 3][0]
                            index = Int(nodes.children[2 * node + (below ? 0 : 1)])
                        } while index > 0
                        total += Double(nodes.leaves[leafBase - index])
                        let size = cascade.treeNodeCounts[tree]
                        (tree, nodeBase, leafBase) = (tree + 1, nodeBase + size, leafBase + size + 1)
                    }
                    if total < stageThresholds[stage] { result = -stage }
                }
            }
            if result > 0 { hits.append((x, y)) }
            x += result == 0 ? 2 * windows.step : windows.step
        }
    }
}

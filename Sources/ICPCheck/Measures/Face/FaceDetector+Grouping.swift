extension FaceDetector {
    /// OpenCV's `groupRectangles(rects, minNeighbors, eps)`: rectangles are partitioned into classes of similar
    /// ones (corners within `eps` × their mean smaller side, transitively), each class is averaged, classes of at
    /// most `minNeighbors` members are dropped, and so is a class lying inside a bigger one that has more
    /// members (more than max(3, its own), or it has fewer than 3). `minNeighbors ≤ 0` keeps every rectangle.
    /// The 3 and the 0.5 are OpenCV's, fixed properties of the method this reproduces.
    static func groupRectangles(_ rects: [FaceBox], minNeighbors: Int, eps: Double) -> [FaceBox] {
        guard minNeighbors > 0, !rects.isEmpty else { return rects }
        func similar(_ a: FaceBox, _ b: FaceBox) -> Bool {
            let delta = eps * Double(min(a.width, b.width) + min(a.height, b.height)) * 0.5
            return Double(abs(a.x - b.x)) <= delta && Double(abs(a.y - b.y)) <= delta
                && Double(abs(a.x + a.width - b.x - b.width)) <= delta
                && Double(abs(a.y + a.height - b.y - b.height)) <= delta
        }
        var parent = Array(rects.indices)
        func root(_ index: Int) -> Int {
            var top = index
            while parent[top] != top { top = parent[top] }
            var node = index
            while parent[node] != top { (parent[node], node) = (top, parent[node]) }
            return top
        }
        for i in rects.indices {
            for j in (i + 1)..<rects.count where similar(rects[i], rects[j]) {
                let (a, b) = (root(i), root(j))
                if a != b { parent[max(a, b)] = min(a, b) }
            }
        }
        var classOfRoot: [Int: Int] = [:]
        var totals: [FaceBox] = []  // coordinate sums, member count in `neighbors`
        for (index, rect) in rects.enumerated() {
            let label = classOfRoot[root(index)] ?? totals.count
            if label == totals.count {
                classOfRoot[root(index)] = label
                totals.append(FaceBox(x: 0, y: 0, width: 0, height: 0, neighbors: 0))
            }
            totals[label].x += rect.x
            totals[label].y += rect.y
            totals[label].width += rect.width
            totals[label].height += rect.height
            totals[label].neighbors += 1
        }
        let classes = totals.map { total in
            let share = 1 / Float(total.neighbors)
            func mean(_ sum: Int) -> Int { Int((Float(sum) * share).rounded(.toNearestOrEven)) }
            return FaceBox(
                x: mean(total.x), y: mean(total.y), width: mean(total.width), height: mean(total.height),
                neighbors: total.neighbors)
        }
        return classes.enumerated().compactMap { i, inner in
            guard inner.neighbors > minNeighbors else { return nil }
            let swallowed = classes.enumerated().contains { j, outer in
                let dx = Int((Double(outer.width) * eps).rounded(.toNearestOrEven))
                let dy = Int((Double(outer.height) * eps).rounded(.toNearestOrEven))
                return j != i && outer.neighbors > minNeighbors && inner.x >= outer.x - dx && inner.y >= outer.y - dy
                    && inner.x + inner.width <= outer.x + outer.width + dx
                    && inner.y + inner.height <= outer.y + outer.height + dy
                    && (outer.neighbors > max(3, inner.neighbors) || inner.neighbors < 3)
            }
            return swallowed ? nil : inner
        }
    }
}

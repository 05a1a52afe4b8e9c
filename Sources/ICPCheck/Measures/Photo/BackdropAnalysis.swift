/// The backdrop of a portrait: the region of similar colour that grows from the picture's top and
/// side edges, around the person, measured in CIE Lab.
struct BackdropMeasurement: Sendable {
    /// Share of the picture that is backdrop.
    var areaFraction: Double
    /// Share of the edge (top, and the sides above the shoulders) that is backdrop.
    var borderFraction: Double
    var color: LabColor
    /// Standard deviation of L* inside the backdrop.
    var uniformity: Double
    /// Mean ΔE between neighbouring backdrop pixels: creases, folds and patterns raise it.
    var texture: Double
    /// The rules' colour whose range holds `color`, if any.
    var colorName: String?
    /// Backdrop membership per pixel of the analysis picture, `maskWidth` pixels a row.
    var mask: [Bool]
    var maskWidth: Int
}

enum BackdropAnalysis {
    /// - Parameters:
    ///   - image: RGB, upright, small (the rules' analysis size).
    ///   - face: the main face in `image`'s pixels, kept out of the backdrop; nil when there is none.
    static func measure(_ image: DecodedImage, face: FaceBox?, rules: BackdropRules) -> BackdropMeasurement {
        let (width, height) = (image.width, image.height)
        var lab = [LabColor](repeating: LabColor(l: 0, a: 0, b: 0), count: width * height)
        for index in lab.indices {
            let p = index * 3
            lab[index] = LabColor(red: image.pixels[p], green: image.pixels[p + 1], blue: image.pixels[p + 2])
        }
        // The edge that should be all backdrop: the top row and the sides down to the shoulders (a third
        // of a face below the face box, or 3/5 of the picture without a face). These proportions, the
        // face box grown for hair and neck (`expanded`) and the clothing block (`clothingColor`) are
        // fixed properties of the measure: a head's proportions around the Haar detector's box.
        let sideLimit = face.map { min(height, $0.y + $0.height + $0.height / 3) } ?? height * 3 / 5
        var ring: [Int] = (0..<width).map { $0 }
        for y in 1..<max(1, sideLimit) { ring += [y * width, y * width + width - 1] }
        let reference = median(ring.map { lab[$0] })
        let excluded = face.map { expanded($0, width: width, height: height) }

        var mask = [Bool](repeating: false, count: width * height)
        var queue = ring.filter { lab[$0].distance(to: reference) < rules.meanDistance && !inside(excluded, $0, width) }
        for index in queue { mask[index] = true }
        var head = 0
        while head < queue.count {
            let index = queue[head]
            head += 1
            let (x, y) = (index % width, index / width)
            for (nx, ny) in [(x - 1, y), (x + 1, y), (x, y - 1), (x, y + 1)] where nx >= 0 && ny >= 0 && nx < width && ny < height {
                let next = ny * width + nx
                guard !mask[next], !inside(excluded, next, width) else { continue }
                let color = lab[next]
                guard color.distance(to: lab[index]) < rules.stepDistance, color.distance(to: reference) < rules.meanDistance
                else { continue }
                mask[next] = true
                queue.append(next)
            }
        }
        let members = queue
        let count = Double(max(1, members.count))
        let mean = LabColor(
            l: members.reduce(0) { $0 + lab[$1].l } / count, a: members.reduce(0) { $0 + lab[$1].a } / count,
            b: members.reduce(0) { $0 + lab[$1].b } / count)
        let spread = (members.reduce(0) { $0 + (lab[$1].l - mean.l) * (lab[$1].l - mean.l) } / count).squareRoot()
        var steps = 0.0, pairs = 0
        for index in members {
            let x = index % width
            if x + 1 < width, mask[index + 1] { steps += lab[index].distance(to: lab[index + 1]); pairs += 1 }
            if index + width < mask.count, mask[index + width] { steps += lab[index].distance(to: lab[index + width]); pairs += 1 }
        }
        let name = rules.colors.keys.sorted().first { rules.colors[$0]!.contains(mean) }
        return BackdropMeasurement(
            areaFraction: Double(members.count) / Double(width * height),
            borderFraction: Double(ring.filter { mask[$0] }.count) / Double(max(1, ring.count)),
            color: mean, uniformity: spread, texture: pairs > 0 ? steps / Double(pairs) : 0, colorName: members.isEmpty ? nil : name,
            mask: mask, maskWidth: width)
    }

    /// The mean colour of the clothing: the block below the face, a face wide on each side of its centre.
    static func clothingColor(_ image: DecodedImage, face: FaceBox) -> LabColor? {
        let top = face.y + face.height + face.height / 2, bottom = min(image.height, face.y + 2 * face.height + face.height / 2)
        let left = max(0, face.x - face.width / 4), right = min(image.width, face.x + face.width + face.width / 4)
        guard top < bottom, left < right else { return nil }
        var sum = (0.0, 0.0, 0.0), count = 0.0
        for y in top..<bottom {
            for x in left..<right {
                let p = (y * image.width + x) * 3
                let color = LabColor(red: image.pixels[p], green: image.pixels[p + 1], blue: image.pixels[p + 2])
                sum = (sum.0 + color.l, sum.1 + color.a, sum.2 + color.b)
                count += 1
            }
        }
        return LabColor(l: sum.0 / count, a: sum.1 / count, b: sum.2 / count)
    }

    /// The face box grown to cover hair and neck, which are never backdrop.
    private static func expanded(_ face: FaceBox, width: Int, height: Int) -> FaceBox {
        let x = max(0, face.x - face.width / 4), y = max(0, face.y - face.height / 3)
        return FaceBox(
            x: x, y: y, width: min(width, face.x + face.width + face.width / 4) - x,
            height: min(height, face.y + face.height + face.height / 3) - y, neighbors: face.neighbors)
    }

    private static func inside(_ box: FaceBox?, _ index: Int, _ width: Int) -> Bool {
        guard let box else { return false }
        let (x, y) = (index % width, index / width)
        return x >= box.x && x < box.x + box.width && y >= box.y && y < box.y + box.height
    }

    /// Componentwise median: robust to a door or a person at one edge.
    private static func median(_ colors: [LabColor]) -> LabColor {
        func middle(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }
        guard !colors.isEmpty else { return LabColor(l: 0, a: 0, b: 0) }
        return LabColor(l: middle(colors.map(\.l)), a: middle(colors.map(\.a)), b: middle(colors.map(\.b)))
    }
}

import Foundation

extension GreyPicture {
    /// The slope of the picture's text lines, in radians: positive when they fall to the right, and
    /// the anti-clockwise turn (`rotated(by:)`) that makes them level. Found as the angle whose
    /// profile of the dark pixels across the lines bunches most (text lines are rows of ink with
    /// paper between them), first every half degree up to `maxDegrees` either way, then every tenth
    /// of a degree around the best. Tesseract's own estimate was off by a degree or turned the wrong
    /// way on a third of our askew scans.
    func textSkew(maxDegrees: Double) -> Double {
        // Ink: well below the local paper (the picture is flattened: paper reads 255).
        let flat = flattened(radius: max(8, max(width, height) / 60))
        var points: [(x: Double, y: Double)] = []
        for y in Swift.stride(from: 0, to: height, by: 2) {
            for x in Swift.stride(from: 0, to: width, by: 2) where flat.pixels[y * width + x] < 128 {
                points.append((Double(x), Double(y)))
            }
        }
        guard points.count >= 100 else { return 0 }
        let coarse = Swift.stride(from: -maxDegrees, through: maxDegrees, by: 0.5).map { $0 }
        let rough = bestAngle(points, degrees: coarse)
        let fine = Swift.stride(from: rough - 0.4, through: rough + 0.4, by: 0.1).map { $0 }
        return bestAngle(points, degrees: fine) * .pi / 180
    }

    /// The angle, in degrees, at which the points' profile across it has the largest Σ count²
    /// (bins of 2 pixels: a text line's ink falls in a few, the paper between lines in none).
    private func bestAngle(_ points: [(x: Double, y: Double)], degrees: [Double]) -> Double {
        // y·cos − x·sin lies between −width and width + height.
        var bins = [Int32](repeating: 0, count: (2 * width + height) / 2 + 2)
        var best = (degrees: 0.0, score: -1.0)
        for angle in degrees {
            let radians = angle * .pi / 180
            let (sine, cosine) = (sin(radians), cos(radians))
            for index in bins.indices { bins[index] = 0 }
            for point in points { bins[Int((point.y * cosine - point.x * sine + Double(width)) / 2)] += 1 }
            let score = bins.reduce(0.0) { $0 + Double($1) * Double($1) }
            // Ties go to the angle nearest level (no turn where none is needed).
            if score > best.score || (score == best.score && abs(angle) < abs(best.degrees)) { best = (angle, score) }
        }
        return best.degrees
    }
}

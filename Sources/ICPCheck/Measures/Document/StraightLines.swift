import Foundation

/// Thin straight lines in a mask: a page's printed frames and rules, level on a scan or tilted by up
/// to 20° on a photographed page. A seal stamped against a frame would otherwise join it in one patch.
/// Its constants (the tilt, the angle step, the voters, the gap, lines longer than 1/8 of the long side
/// and thinner than 1/100 of it, at least 6 pixels) are fixed properties of the method: they find a
/// page's printed lines, and the rules judge only the marks left (`document.seal`).
enum StraightLines {
    static let maxTiltDegrees = 20.0
    static let angleStepDegrees = 0.5
    /// Enough sample points for a steady vote; more are thinned out evenly.
    static let maxVoters = 40_000
    /// Steps without ink that a followed line may skip (a thin printed line breaks up in a photo).
    static let maxGap = 3

    /// The mask without its thin straight lines longer than an eighth of the picture's long side (a
    /// seal's rim is curved: its straightest stretch is far shorter). A line through a thick patch,
    /// such as a filled emblem, keeps the patch.
    /// - Parameter count: how many pixels of the mask are set.
    static func removing(from mask: [Bool], count: Int, width: Int, height: Int) -> [Bool] {
        let limit = max(width, height) / 8
        let thin = max(6, max(width, height) / 100)
        guard limit > 0, count > limit else { return mask }
        let angles = Array(stride(from: -maxTiltDegrees, through: maxTiltDegrees, by: angleStepDegrees)).map { $0 * .pi / 180 }
        // Only points in a thin stretch across a line can lie on it: a solid patch does not vote.
        let (levelVoters, uprightVoters) = thinPoints(mask, width: width, height: height, thin: thin)
        var out = mask
        // A vertical line is a level one with the axes swapped: u runs along it, v across.
        for vertical in [false, true] {
            let (along, across) = vertical ? (height, width) : (width, height)
            let index = { (u: Int, v: Int) in vertical ? u * width + v : v * width + u }
            let voters = vertical ? uprightVoters : levelVoters
            guard voters.count > limit else { continue }
            let step = max(1, voters.count / maxVoters)
            let offset = Int(Double(along) * sin(maxTiltDegrees * .pi / 180)) + 2
            let binCount = across + 2 * offset
            // Hough vote: each point, for each angle, for the line through it at distance rho.
            var votes = [Int32](repeating: 0, count: angles.count * binCount)
            votes.withUnsafeMutableBufferPointer { votes in
                voters.withUnsafeBufferPointer { voters in
                    for (angleIndex, angle) in angles.enumerated() {
                        let (sine, cosine) = (sin(angle), cos(angle))
                        let row = votes.baseAddress! + angleIndex * binCount + offset
                        for voter in stride(from: 0, to: voters.count, by: step) {
                            row[Int((Double(voters[voter].v) * cosine - Double(voters[voter].u) * sine).rounded())] &+= 1
                        }
                    }
                }
            }
            let need = Int32(limit / step)
            for (angleIndex, angle) in angles.enumerated() {
                for bin in 0..<binCount where votes[angleIndex * binCount + bin] >= need {
                    clearRuns(rho: Double(bin - offset), angle: angle, along: along, across: across, limit: limit, thin: thin,
                              mask: mask, out: &out, index: index)
                }
            }
        }
        return out
    }

    /// Set points in vertical runs of at most `thin` pixels, as (x, y) (voters for level lines), and
    /// in horizontal ones, as (y, x) (voters for upright lines), in one pass over the rows.
    private static func thinPoints(_ mask: [Bool], width: Int, height: Int, thin: Int)
        -> (level: [(u: Int32, v: Int32)], upright: [(u: Int32, v: Int32)])
    {
        var level: [(u: Int32, v: Int32)] = [], upright: [(u: Int32, v: Int32)] = []
        // Where the vertical run now open in each column started (-1: none).
        var runStart = [Int](repeating: -1, count: width)
        func closeColumn(_ x: Int, before y: Int) {
            if y - runStart[x] <= thin { for member in runStart[x]..<y { level.append((Int32(x), Int32(member))) } }
            runStart[x] = -1
        }
        for y in 0...height {
            var x = 0
            while x < width {
                guard y < height, mask[y * width + x] else {
                    if runStart[x] >= 0 { closeColumn(x, before: y) }
                    x += 1
                    continue
                }
                let start = x
                while x < width && mask[y * width + x] {
                    if runStart[x] < 0 { runStart[x] = y }
                    x += 1
                }
                if x - start <= thin { for member in start..<x { upright.append((Int32(y), Int32(member))) } }
            }
        }
        return (level, upright)
    }

    /// Walks the line v = (rho + u·sin) / cos and clears each stretch of it that the mask follows for
    /// more than `limit` steps (and, on such a line, each stretch of a quarter of that), where the
    /// mask is thin across it.
    private static func clearRuns(rho: Double, angle: Double, along: Int, across: Int, limit: Int, thin: Int,
                                  mask: [Bool], out: inout [Bool], index: (Int, Int) -> Int) {
        let (sine, cosine) = (sin(angle), cos(angle))
        // The pixel of the mask on the line at step u, if any: the two it passes between, or one beyond.
        func hit(_ u: Int) -> Int? {
            let v = (rho + Double(u) * sine) / cosine
            let low = Int(v.rounded(.down))
            for candidate in [low, low + 1, low - 1, low + 2] where candidate >= 0 && candidate < across && mask[index(u, candidate)] {
                return candidate
            }
            return nil
        }
        // Set pixels across the line from (u, v) each way, up to thin + 1 in all.
        func thickness(_ u: Int, _ v: Int) -> (low: Int, high: Int) {
            var (low, high) = (v, v)
            while low > 0 && mask[index(u, low - 1)] && high - low < thin { low -= 1 }
            while high < across - 1 && mask[index(u, high + 1)] && high - low < thin { high += 1 }
            return (low, high)
        }
        var runs: [[(u: Int, v: Int)]] = []
        var u = 0
        while u < along {
            guard hit(u) != nil else {
                u += 1
                continue
            }
            var hits: [(u: Int, v: Int)] = []
            var gap = 0
            while u < along && gap <= maxGap {
                if let v = hit(u) {
                    hits.append((u, v))
                    gap = 0
                } else {
                    gap += 1
                }
                u += 1
            }
            runs.append(hits)
        }
        let extent = { (run: [(u: Int, v: Int)]) in run[run.count - 1].u - run[0].u }
        guard let proof = runs.filter({ extent($0) > limit }).max(by: { $0.count < $1.count }) else { return }
        // The line's own thickness: where something thicker crosses or touches it (a seal's rim), that stays.
        let widths = proof.map { thickness($0.u, $0.v) }.map { $0.high - $0.low + 1 }.sorted()
        let lineWidth = min(thin, widths[widths.count / 2] + 1)
        // Once one stretch proves the line, shorter stretches of it count too (a seal or a
        // signature across the frame splits it).
        for run in runs where extent(run) > limit / 4 {
            for (hu, hv) in run {
                let span = thickness(hu, hv)
                if span.high - span.low < lineWidth {
                    for v in span.low...span.high { out[index(hu, v)] = false }
                }
            }
        }
    }
}

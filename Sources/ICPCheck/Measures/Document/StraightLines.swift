import Foundation

/// Thin straight lines in a mask: a page's printed frames and rules, level on a scan or tilted by up
/// to 20° on a photographed page. A seal stamped against a frame would otherwise join it in one patch.
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
    static func removing(from mask: [Bool], width: Int, height: Int) -> [Bool] {
        let limit = max(width, height) / 8
        let thin = max(6, max(width, height) / 100)
        guard limit > 0 else { return mask }
        let angles = Array(stride(from: -maxTiltDegrees, through: maxTiltDegrees, by: angleStepDegrees)).map { $0 * .pi / 180 }
        var out = mask
        // A vertical line is a level one with the axes swapped: u runs along it, v across.
        for vertical in [false, true] {
            let (along, across) = vertical ? (height, width) : (width, height)
            let index = { (u: Int, v: Int) in vertical ? u * width + v : v * width + u }
            // Only points in a thin stretch across can lie on a thin line: a solid patch does not vote.
            var voters: [(u: Int32, v: Int32)] = []
            for u in 0..<along {
                var v = 0
                while v < across {
                    guard mask[index(u, v)] else {
                        v += 1
                        continue
                    }
                    let start = v
                    while v < across && mask[index(u, v)] { v += 1 }
                    if v - start <= thin {
                        for member in start..<v { voters.append((Int32(u), Int32(member))) }
                    }
                }
            }
            guard voters.count > limit else { continue }
            let step = max(1, voters.count / maxVoters)
            let offset = Int(Double(along) * sin(maxTiltDegrees * .pi / 180)) + 2
            let binCount = across + 2 * offset
            // Hough vote: each point, for each angle, for the line through it at distance rho.
            var votes = [Int32](repeating: 0, count: angles.count * binCount)
            for (angleIndex, angle) in angles.enumerated() {
                let (sine, cosine) = (sin(angle), cos(angle))
                for voter in stride(from: 0, to: voters.count, by: step) {
                    let rho = Int((Double(voters[voter].v) * cosine - Double(voters[voter].u) * sine).rounded()) + offset
                    votes[angleIndex * binCount + rho] += 1
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

import Foundation

/// A re-shot screen (翻拍) leaves a periodic moiré over blank areas: a sharp, visible peak in the
/// spectrum of a text-free patch, where paper grain gives a flat one.
enum ScreenPattern {
    static let patchSize = 64

    /// Median over the blankest page patches of the amplitude, in luma levels, of the strongest
    /// periodic pattern that stands out of the spectrum (0 where none does); nil when the page has no
    /// blank, unclipped patch to look at.
    static func amplitude(_ picture: DocumentPicture, paper: PaperRegion) -> Double? {
        let n = patchSize
        guard picture.width >= n, picture.height >= n, paper.paperLevel < 250 else { return nil }
        var candidates: [(ink: Int, x: Int, y: Int)] = []
        for y in stride(from: 0, through: picture.height - n, by: n) {
            for x in stride(from: 0, through: picture.width - n, by: n)
            where paper.contains(x, y) && paper.contains(x + n - 1, y + n - 1) {
                var ink = 0
                for row in y..<(y + n) { for column in x..<(x + n) where picture.ink[row * picture.width + column] { ink += 1 } }
                candidates.append((ink, x, y))
            }
        }
        let blank = candidates.filter { $0.ink <= n * n / 100 }.sorted { $0.ink < $1.ink }.prefix(6)
        guard !blank.isEmpty else { return nil }
        let ratios = blank.map { peakAmplitude(picture, x: $0.x, y: $0.y) }.sorted()
        return ratios[ratios.count / 2]
    }

    private static func peakAmplitude(_ picture: DocumentPicture, x: Int, y: Int) -> Double {
        let n = patchSize
        var values = [Double](repeating: 0, count: n * n)
        for row in 0..<n { for column in 0..<n { values[row * n + column] = Double(picture.luma[(y + row) * picture.width + x + column]) } }
        let mean = values.reduce(0, +) / Double(n * n)
        // A Hann window keeps the patch's edges from spreading power along the axes.
        let window = (0..<n).map { 0.5 - 0.5 * cos(2 * .pi * Double($0) / Double(n - 1)) }
        var real = (0..<(n * n)).map { (values[$0] - mean) * window[$0 / n] * window[$0 % n] }
        var imaginary = [Double](repeating: 0, count: n * n)
        FFT.transform2D(&real, &imaginary, size: n)
        var powers: [Double] = []
        for v in 0..<n {
            for u in 0..<(n / 2 + 1) {
                let (fu, fv) = (u, v <= n / 2 ? v : n - v)
                // Skip lighting gradients (the lowest frequencies) and JPEG's 8-pixel block grid.
                if fu <= 2 && fv <= 2 { continue }
                if fu % 8 == 0 && fv % 8 == 0 { continue }
                let index = v * n + u
                powers.append(real[index] * real[index] + imaginary[index] * imaginary[index])
            }
        }
        powers.sort()
        // A peak 25 times the median power is a pattern, not grain; a cosine of amplitude A gives a
        // windowed peak of A·n²/8.
        let median = powers[powers.count / 2], peak = powers.last!
        guard peak >= 25 * median else { return 0 }
        return peak.squareRoot() * 8 / Double(n * n)
    }
}

/// An in-place radix-2 FFT, enough for small power-of-two patches.
enum FFT {
    static func transform(_ real: inout [Double], _ imaginary: inout [Double], offset: Int, stride: Int, count n: Int) {
        var j = 0
        for i in 1..<n {
            var bit = n >> 1
            while j & bit != 0 {
                j ^= bit
                bit >>= 1
            }
            j |= bit
            if i < j {
                real.swapAt(offset + i * stride, offset + j * stride)
                imaginary.swapAt(offset + i * stride, offset + j * stride)
            }
        }
        var length = 2
        while length <= n {
            let angle = -2 * Double.pi / Double(length)
            for start in Swift.stride(from: 0, to: n, by: length) {
                for k in 0..<(length / 2) {
                    let (wr, wi) = (cos(angle * Double(k)), sin(angle * Double(k)))
                    let a = offset + (start + k) * stride, b = offset + (start + k + length / 2) * stride
                    let tr = real[b] * wr - imaginary[b] * wi, ti = real[b] * wi + imaginary[b] * wr
                    real[b] = real[a] - tr
                    imaginary[b] = imaginary[a] - ti
                    real[a] += tr
                    imaginary[a] += ti
                }
            }
            length <<= 1
        }
    }

    /// Rows, then columns, of a size × size array.
    static func transform2D(_ real: inout [Double], _ imaginary: inout [Double], size n: Int) {
        for row in 0..<n { transform(&real, &imaginary, offset: row * n, stride: 1, count: n) }
        for column in 0..<n { transform(&real, &imaginary, offset: column, stride: n, count: n) }
    }
}

import Foundation

/// A re-shot screen (翻拍) leaves a colour moiré: the camera resamples the panel's red, green and
/// blue subpixel columns, so blank areas carry a periodic pattern in chroma. Paper grain, lens
/// fringes and JPEG noise give a flat chroma spectrum; a grey pattern (paper texture, halftone)
/// is not counted at all.
enum ScreenPattern {
    /// Side of the square patches the spectrum is taken on: a power of two for the FFT, long enough
    /// to hold several periods of a moiré (a few pixels each) and small enough to find blank paper.
    /// A fixed property of the method.
    static let patchSize = 64
    private static let fft = FFT(size: patchSize)
    /// A Hann window keeps the patch's edges from spreading power along the axes.
    private static let window = (0..<patchSize).map { 0.5 - 0.5 * cos(2 * .pi * Double($0) / Double(patchSize - 1)) }
    /// Patches looked at, spread over the blank ones: enough to see a pattern that covers the screen
    /// (a bound on the work of the FFTs; a fixed property of the method).
    static let maxPatches = 16

    /// Amplitude, in chroma levels, of the periodic colour pattern that stands out of the spectrum
    /// in the fourth strongest of the blank patches (the rules' `screen_pattern_patches`; the weakest when there are
    /// fewer); 0 where none does; nil when the picture has no blank paper-like patch. Blank patches
    /// are looked for on all paper-like ground, not only on the page: a photographed monitor often
    /// shows the desk around it.
    static func amplitude(_ picture: DocumentPicture, paper: PaperRegion, rules: DocumentRules) -> Double? {
        let n = patchSize
        guard picture.width >= n, picture.height >= n else { return nil }
        var blank: [(x: Int, y: Int)] = []
        for y in stride(from: 0, through: picture.height - n, by: n) {
            for x in stride(from: 0, through: picture.width - n, by: n)
            where [(x, y), (x + n - 1, y), (x, y + n - 1), (x + n - 1, y + n - 1)].allSatisfy(paper.isPaperLike) {
                var ink = 0
                for row in y..<(y + n) { for column in x..<(x + n) where picture.ink[row * picture.width + column] { ink += 1 } }
                // Blank: at most 1% ink (a fixed property of the method: a stray speck, not text).
                if ink <= n * n / 100 { blank.append((x, y)) }
            }
        }
        guard !blank.isEmpty else { return nil }
        let step = max(1, blank.count / maxPatches)
        let amplitudes = stride(from: 0, to: blank.count, by: step).map { chromaPeak(picture, x: blank[$0].x, y: blank[$0].y, peakToMedian: rules.screenPeakToMedian) }.sorted(by: >)
        return amplitudes[max(0, min(rules.screenPatternPatches - 1, amplitudes.count - 1))]
    }

    /// Length of the (Cb, Cr) amplitude pair of each chroma plane's strongest standing-out pattern.
    private static func chromaPeak(_ picture: DocumentPicture, x: Int, y: Int, peakToMedian: Double) -> Double {
        let n = patchSize
        var blueDifference = [Double](repeating: 0, count: n * n), redDifference = blueDifference
        for row in 0..<n {
            for column in 0..<n {
                let (r, g, b) = picture.rgb(x + column, y + row)
                let (red, green, blue) = (Double(r), Double(g), Double(b))
                blueDifference[row * n + column] = -0.1687 * red - 0.3313 * green + 0.5 * blue
                redDifference[row * n + column] = 0.5 * red - 0.4187 * green - 0.0813 * blue
            }
        }
        let (cb, cr) = (peakAmplitude(blueDifference, peakToMedian: peakToMedian), peakAmplitude(redDifference, peakToMedian: peakToMedian))
        return (cb * cb + cr * cr).squareRoot()
    }

    /// Amplitude of the strongest periodic pattern of an n×n plane, 0 when it does not stand out.
    private static func peakAmplitude(_ values: [Double], peakToMedian: Double) -> Double {
        let n = patchSize
        let mean = values.reduce(0, +) / Double(n * n)
        var real = (0..<(n * n)).map { (values[$0] - mean) * window[$0 / n] * window[$0 % n] }
        var imaginary = [Double](repeating: 0, count: n * n)
        fft.transform2D(&real, &imaginary)
        var powers: [Double] = []
        for v in 0..<n {
            for u in 0..<(n / 2 + 1) {
                let (fu, fv) = (u, v <= n / 2 ? v : n - v)
                // Skip lighting gradients (the lowest frequencies) and JPEG's 8-pixel block grid (fixed
                // properties of the method: JPEG's block size, and the two lowest frequencies a patch's shading fills).
                if fu <= 2 && fv <= 2 { continue }
                if fu % 8 == 0 && fv % 8 == 0 { continue }
                let index = v * n + u
                powers.append(real[index] * real[index] + imaginary[index] * imaginary[index])
            }
        }
        // A peak `peakToMedian` (25) times the median power is a pattern, not grain; a cosine of amplitude A gives a
        // windowed peak of A·n²/8.
        let peak = powers.max()!, median = selectNth(&powers, powers.count / 2)
        guard peak >= peakToMedian * median else { return 0 }
        return peak.squareRoot() * 8 / Double(n * n)
    }
}

/// The value that would sit at `index` were `values` sorted (Hoare's quickselect, middle pivot), for
/// less work than a sort; `values` is left reordered.
func selectNth(_ values: inout [Double], _ index: Int) -> Double {
    precondition(values.indices.contains(index), "the index lies in the values")
    var (low, high) = (0, values.count - 1)
    while low < high {
        let pivot = values[(low + high) / 2]
        var (i, j) = (low, high)
        while i <= j {
            while values[i] < pivot { i += 1 }
            while values[j] > pivot { j -= 1 }
            if i <= j {
                values.swapAt(i, j)
                (i, j) = (i + 1, j - 1)
            }
        }
        // Now values[low...j] ≤ pivot ≤ values[i...high], and anything between equals the pivot.
        if index <= j { high = j } else if index >= i { low = i } else { return values[index] }
    }
    return values[index]
}

/// An in-place radix-2 FFT of one power-of-two size, its twiddle factors worked out once.
struct FFT: Sendable {
    let size: Int
    private let cosines: [Double], sines: [Double]

    init(size: Int) {
        precondition(size > 1 && size & (size - 1) == 0, "FFT size must be a power of two")
        self.size = size
        cosines = (0..<(size / 2)).map { cos(-2 * Double.pi * Double($0) / Double(size)) }
        sines = (0..<(size / 2)).map { sin(-2 * Double.pi * Double($0) / Double(size)) }
    }

    func transform(_ real: inout [Double], _ imaginary: inout [Double], offset: Int, stride: Int) {
        precondition(offset + (size - 1) * stride < min(real.count, imaginary.count), "the transform stays inside the arrays")
        real.withUnsafeMutableBufferPointer { real in
            imaginary.withUnsafeMutableBufferPointer { imaginary in
                transform(real.baseAddress! + offset, imaginary.baseAddress! + offset, stride: stride)
            }
        }
    }

    private func transform(_ real: UnsafeMutablePointer<Double>, _ imaginary: UnsafeMutablePointer<Double>, stride: Int) {
        let n = size
        var j = 0
        for i in 1..<n {
            var bit = n >> 1
            while j & bit != 0 {
                j ^= bit
                bit >>= 1
            }
            j |= bit
            if i < j {
                swap(&real[i * stride], &real[j * stride])
                swap(&imaginary[i * stride], &imaginary[j * stride])
            }
        }
        cosines.withUnsafeBufferPointer { cosines in
            sines.withUnsafeBufferPointer { sines in
                var length = 2
                while length <= n {
                    let twiddleStep = n / length
                    for start in Swift.stride(from: 0, to: n, by: length) {
                        for k in 0..<(length / 2) {
                            let (wr, wi) = (cosines[k * twiddleStep], sines[k * twiddleStep])
                            let a = (start + k) * stride, b = (start + k + length / 2) * stride
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
        }
    }

    /// Rows, then columns, of a size × size array.
    func transform2D(_ real: inout [Double], _ imaginary: inout [Double]) {
        for row in 0..<size { transform(&real, &imaginary, offset: row * size, stride: 1) }
        for column in 0..<size { transform(&real, &imaginary, offset: column, stride: size) }
    }
}

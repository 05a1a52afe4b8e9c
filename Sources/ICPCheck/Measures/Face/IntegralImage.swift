/// How a table row stores its entries: in column order, or the even columns first and then the odd
/// ones, so that windows every 2nd column have their corners in consecutive entries (one vector load).
enum IntegralLayout: Sendable {
    case plain
    case evenColumnsFirst

    /// Where table column `column` sits in a row of `stride` entries.
    @inline(__always) func position(_ column: Int, stride: Int) -> Int {
        switch self {
        case .plain: column
        case .evenColumnsFirst: column & 1 == 0 ? column >> 1 : ((stride + 1) >> 1) + (column >> 1)
        }
    }
}

/// Integral images of an 8-bit grey plane, for sums over any rectangle in four look-ups.
///
/// Both tables have a zero first row and column: entry `(x, y)` holds the sum over the pixels left of
/// column `x` and above row `y`, so the rectangle `(x, y, w, h)` sums to
/// `t[y][x] − t[y][x+w] − t[y+h][x] + t[y+h][x+w]`. Plain sums are 32-bit and wrap, like OpenCV's `CV_32S`
/// integral: a difference is still exact for any rectangle whose own sum fits 32 bits (every detection window).
/// The row stride is fixed at creation, so offsets computed once stay valid for every plane computed into it.
struct IntegralImage {
    /// Size of the last plane computed; the tables have one more row and column.
    private(set) var width = 0
    private(set) var height = 0
    /// Distance between table rows, in entries.
    let stride: Int
    private(set) var layout = IntegralLayout.plain
    private(set) var sums: [Int32]
    private(set) var squares: [Int64]

    /// Tables for planes up to `stride − 1` pixels wide and `maxHeight` rows high, with `padding` zero entries
    /// after the last row (so that vector loads for windows past the last one stay inside).
    init(stride: Int, maxHeight: Int, padding: Int = 0) {
        self.stride = stride
        sums = [Int32](repeating: 0, count: stride * (maxHeight + 1) + padding)
        squares = [Int64](repeating: 0, count: stride * (maxHeight + 1) + padding)
    }

    /// Tables sized for and filled from one plane.
    init(plane: [UInt8], width: Int, height: Int, layout: IntegralLayout = .plain) {
        self.init(stride: width + 1, maxHeight: height)
        plane.withUnsafeBufferPointer { compute(plane: $0, width: width, height: height, layout: layout) }
    }

    /// Fills the tables from a `width` × `height` plane, rows top to bottom.
    mutating func compute(plane: UnsafeBufferPointer<UInt8>, width: Int, height: Int, layout: IntegralLayout = .plain) {
        precondition(width < stride && (height + 1) * stride <= sums.count && plane.count >= width * height)
        self.width = width
        self.height = height
        self.layout = layout
        let stride = stride
        let positions = (0...width).map { layout.position($0, stride: stride) }
        sums.withUnsafeMutableBufferPointer { sums in
            squares.withUnsafeMutableBufferPointer { squares in
                for x in 0...width {
                    sums[positions[x]] = 0
                    squares[positions[x]] = 0
                }
                for y in 0..<height {
                    let row = (y + 1) * stride
                    let above = y * stride
                    let source = y * width
                    sums[row] = 0
                    squares[row] = 0
                    var rowSum: Int32 = 0
                    var rowSquares: Int64 = 0
                    for x in 0..<width {
                        let value = plane[source + x]
                        let column = positions[x + 1]
                        rowSum &+= Int32(value)
                        rowSquares += Int64(value) * Int64(value)
                        sums[row + column] = sums[above + column] &+ rowSum
                        squares[row + column] = squares[above + column] + rowSquares
                    }
                }
            }
        }
    }

    /// The table index of entry `(x, y)`.
    func index(_ x: Int, _ y: Int) -> Int { y * stride + layout.position(x, stride: stride) }

    /// Sum of the pixels of a rectangle inside the plane.
    func sum(x: Int, y: Int, width: Int, height: Int) -> Int {
        Int(sums[index(x, y)] &- sums[index(x + width, y)] &- sums[index(x, y + height)] &+ sums[index(x + width, y + height)])
    }

    /// Sum of the squared pixels of a rectangle inside the plane.
    func squareSum(x: Int, y: Int, width: Int, height: Int) -> Int64 {
        squares[index(x, y)] - squares[index(x + width, y)] - squares[index(x, y + height)] + squares[index(x + width, y + height)]
    }
}

extension IntegralImage {
    /// Calls `body` with pointer access to the tables for scanning `windowWidth × windowHeight` windows every
    /// `step` pixels; the pointers are valid only during the call. With even columns first, windows start at
    /// even columns only.
    func withWindows<Result>(
        width windowWidth: Int, height windowHeight: Int, step: Int, _ body: (IntegralWindows) -> Result
    ) -> Result {
        sums.withUnsafeBufferPointer { sums in
            squares.withUnsafeBufferPointer { squares in
                let offset = { (dx: Int, dy: Int) in dy * stride + layout.position(dx, stride: stride) }
                return body(
                    IntegralWindows(
                        sums: sums.baseAddress!, squares: squares.baseAddress!, stride: stride, step: step, layout: layout,
                        norm: (offset(1, 1), offset(windowWidth - 1, 1), offset(1, windowHeight - 1),
                               offset(windowWidth - 1, windowHeight - 1)),
                        area: Double((windowWidth - 2) * (windowHeight - 2))))
            }
        }
    }
}

/// Pointer access to an integral image's tables for a window scan, one window or 4 windows `step` apart
/// (one per vector lane) at a time. The 4 windows' entries must be consecutive: a step of 1, or of 2 with
/// even columns first. Reading 4 windows at the last one reads 3 entries past the last table row: the
/// tables need a `padding` of at least 4.
struct IntegralWindows {
    typealias Lanes = SIMD4<Float>
    typealias LaneMask = SIMDMask<SIMD4<Int64>>

    let sums: UnsafePointer<Int32>
    let squares: UnsafePointer<Int64>
    let stride: Int
    let step: Int
    let layout: IntegralLayout
    /// Table offsets of the normalisation rectangle (1, 1, W − 2, H − 2) from a window's top left, and its area.
    let norm: (Int, Int, Int, Int)
    let area: Double

    /// The table index of the window whose top left is pixel (x, y).
    @inline(__always) func base(_ x: Int, _ y: Int) -> Int { y * stride + layout.position(x, stride: stride) }

    /// Whether the windows `step` pixels apart sit in consecutive entries, as a 4-window read needs.
    var windowsAreConsecutive: Bool { step == 1 || (step == 2 && layout == .evenColumnsFirst) }

    /// 1 / (area × standard deviation) of the window at table index `base`, by which feature values are
    /// normalised, or nil when OpenCV 4 skips the window as flat (standard deviation ≤ 10 over the rectangle).
    @inline(__always) func inverseNorm(_ base: Int) -> Float? {
        let (s, q) = (sums + base, squares + base)
        let sum = Double(s[norm.0] &- s[norm.1] &- s[norm.2] &+ s[norm.3])
        let variance = area * Double(q[norm.0] - q[norm.1] - q[norm.2] + q[norm.3]) - sum * sum
        guard variance > 0 else { return nil }
        let inverse = Float(1 / variance.squareRoot())
        return area * Double(inverse) < 0.1 ? inverse : nil
    }

    /// `inverseNorm` of the 4 windows from table index `base` on, with the same arithmetic per lane; the mask
    /// is false for flat windows.
    @inline(__always) func inverseNorms(_ base: Int) -> (Lanes, LaneMask) {
        let (s, q) = (sums + base, squares + base)
        let sum = SIMD4<Double>(load(s + norm.0) &- load(s + norm.1) &- load(s + norm.2) &+ load(s + norm.3))
        let squared = load(q + norm.0) &- load(q + norm.1) &- load(q + norm.2) &+ load(q + norm.3)
        let variance = area * SIMD4<Double>(squared) - sum * sum
        let inverse = Lanes(1 / variance.squareRoot())
        return (inverse, (variance .> 0) .& (area * SIMD4<Double>(inverse) .< 0.1))
    }

    /// The 4 consecutive entries at `pointer`: one for each lane's window.
    @inline(__always) func load<T: SIMDScalar>(_ pointer: UnsafePointer<T>) -> SIMD4<T> {
        UnsafeRawPointer(pointer).loadUnaligned(as: SIMD4<T>.self)
    }
}

/// Bilinear resampling of a grey plane exactly as OpenCV's `resize(…, INTER_LINEAR_EXACT)` does it for 8-bit
/// images, which is how OpenCV 4's `CascadeClassifier` builds its pyramid (its detections were checked equal):
/// pixel centres map as `(d + 0.5) · scale − 0.5`, edges are clamped, weights are 8-bit fixed point, each row
/// is interpolated to 16 bits and rows are combined with rounding.
enum BilinearResampler {
    /// One output coordinate: the two source samples and their weights out of 256.
    struct Tap {
        var first: Int
        var second: Int
        var firstWeight: Int32
        var secondWeight: Int32
    }

    /// The taps of each of `destination` samples taken from `source` samples.
    static func taps(source: Int, destination: Int) -> [Tap] {
        let scale = 1.0 / (Double(destination) / Double(source))
        return (0..<destination).map { d in
            let position = scale * (Double(d) + 0.5) - 0.5
            let index = Int(position.rounded(.down))
            guard index >= 0 else { return Tap(first: 0, second: 0, firstWeight: 256, secondWeight: 0) }
            guard index < source - 1 else {
                return Tap(first: source - 1, second: source - 1, firstWeight: 256, secondWeight: 0)
            }
            let weight = Int32(((position - Double(index)) * 256).rounded(.toNearestOrEven))
            return Tap(first: index, second: index + 1, firstWeight: 256 - weight, secondWeight: weight)
        }
    }

    /// Resamples `source` (`width` × `height`) into the first `outWidth × outHeight` bytes of `output`.
    static func resample(
        _ source: UnsafeBufferPointer<UInt8>, width: Int, height: Int,
        into output: UnsafeMutableBufferPointer<UInt8>, outWidth: Int, outHeight: Int
    ) {
        precondition(source.count >= width * height && output.count >= outWidth * outHeight)
        if outWidth == width && outHeight == height {
            for index in 0..<(width * height) { output[index] = source[index] }
            return
        }
        let columns = taps(source: width, destination: outWidth)
        let rows = taps(source: height, destination: outHeight)
        // Rows interpolated across, in 16-bit fixed point (at most 255 · 256: no arithmetic here can wrap).
        var upper = [Int32](repeating: 0, count: outWidth)
        var lower = upper
        func horizontal(_ row: Int, into line: inout [Int32]) {
            let start = source.baseAddress! + row * width
            columns.withUnsafeBufferPointer { columns in
                line.withUnsafeMutableBufferPointer { line in
                    for x in 0..<outWidth {
                        let tap = columns[x]
                        line[x] = Int32(start[tap.first]) &* tap.firstWeight &+ Int32(start[tap.second]) &* tap.secondWeight
                    }
                }
            }
        }
        var loaded = (-1, -1)  // source rows now in `upper` and `lower`
        for (y, tap) in rows.enumerated() {
            if loaded.0 != tap.first {
                if loaded.1 == tap.first {
                    swap(&upper, &lower)
                    loaded = (loaded.1, loaded.0)
                } else {
                    horizontal(tap.first, into: &upper)
                    loaded.0 = tap.first
                }
            }
            if loaded.1 != tap.second {
                horizontal(tap.second, into: &lower)
                loaded.1 = tap.second
            }
            upper.withUnsafeBufferPointer { upper in
                lower.withUnsafeBufferPointer { lower in
                    let out = output.baseAddress! + y * outWidth
                    for x in 0..<outWidth {
                        out[x] = UInt8(clamping: (upper[x] &* tap.firstWeight &+ lower[x] &* tap.secondWeight &+ 32768) >> 16)
                    }
                }
            }
        }
    }
}

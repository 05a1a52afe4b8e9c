import Foundation

/// A colour in CIE L*a*b* (D65), where distances match perceived differences (ΔE 1 ≈ just noticeable).
struct LabColor: Sendable, Equatable, Codable {
    var l: Double
    var a: Double
    var b: Double

    init(l: Double, a: Double, b: Double) {
        self.l = l
        self.a = a
        self.b = b
    }

    /// CIE76 colour difference.
    func distance(to other: LabColor) -> Double {
        let (dl, da, db) = (l - other.l, a - other.a, b - other.b)
        return (dl * dl + da * da + db * db).squareRoot()
    }

    var chroma: Double { (a * a + b * b).squareRoot() }

    /// From 8-bit sRGB.
    init(red: UInt8, green: UInt8, blue: UInt8) {
        let r = Self.linear[Int(red)], g = Self.linear[Int(green)], bl = Self.linear[Int(blue)]
        // sRGB → XYZ (D65), normalised by the white point.
        let x = (0.4124 * r + 0.3576 * g + 0.1805 * bl) / 0.95047
        let y = 0.2126 * r + 0.7152 * g + 0.0722 * bl
        let z = (0.0193 * r + 0.1192 * g + 0.9505 * bl) / 1.08883
        let (fx, fy, fz) = (Self.f(x), Self.f(y), Self.f(z))
        self.init(l: 116 * fy - 16, a: 500 * (fx - fy), b: 200 * (fy - fz))
    }

    private static func f(_ t: Double) -> Double {
        t > 0.008856 ? Foundation.cbrt(t) : 7.787 * t + 16.0 / 116.0
    }

    /// sRGB transfer function, inverted, for every 8-bit value.
    private static let linear: [Double] = (0..<256).map { value in
        let c = Double(value) / 255
        return c <= 0.04045 ? c / 12.92 : Foundation.pow((c + 0.055) / 1.055, 2.4)
    }
}

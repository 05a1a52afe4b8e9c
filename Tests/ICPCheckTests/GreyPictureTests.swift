import Foundation
@testable import ICPCheck
import Testing

/// Turning and enlarging the pictures Tesseract reads: every output pixel is the bilinear mix of
/// the four source pixels around where it comes from, rounded half up, as written out plainly here
/// (the fast paths must give exactly these pixels: reading depends on them).
struct GreyPictureTests {
    static func picture(_ width: Int, _ height: Int, seed: UInt64) -> GreyPicture {
        var state = seed
        let pixels = (0..<(width * height)).map { _ in
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return UInt8(truncatingIfNeeded: state >> 56)
        }
        return GreyPicture(width: width, height: height, pixels: pixels)
    }

    static func mix(_ picture: GreyPicture, x: Double, y: Double) -> UInt8 {
        let x0 = min(Int(x), picture.width - 1), x1 = min(x0 + 1, picture.width - 1), fx = x - Double(x0)
        let y0 = min(Int(y), picture.height - 1), y1 = min(y0 + 1, picture.height - 1), fy = y - Double(y0)
        let at = { (x: Int, y: Int) in Double(picture.pixels[y * picture.width + x]) }
        let top = at(x0, y0) * (1 - fx) + at(x1, y0) * fx, bottom = at(x0, y1) * (1 - fx) + at(x1, y1) * fx
        return UInt8((top * (1 - fy) + bottom * fy).rounded())
    }

    @Test(arguments: [(0.02, 31, 17), (-0.3, 20, 45), (1.2, 9, 9), (0.001, 64, 3)])
    func turningMixesTheSourcePixels(radians: Double, width: Int, height: Int) {
        let source = Self.picture(width, height, seed: UInt64(width * 1000 + height))
        let turned = source.rotated(by: radians)
        let (cosine, sine) = (cos(radians), sin(radians))
        #expect(turned.width == Int((Double(width) * abs(cosine) + Double(height) * abs(sine)).rounded(.up)))
        #expect(turned.height == Int((Double(width) * abs(sine) + Double(height) * abs(cosine)).rounded(.up)))
        let (centreX, centreY) = (Double(width - 1) / 2, Double(height - 1) / 2)
        for v in 0..<turned.height {
            for u in 0..<turned.width {
                let dx = Double(u) - Double(turned.width - 1) / 2, dy = Double(v) - Double(turned.height - 1) / 2
                let x = min(max(0, centreX + dx * cosine - dy * sine), Double(width - 1))
                let y = min(max(0, centreY + dx * sine + dy * cosine), Double(height - 1))
                #expect(turned.pixels[v * turned.width + u] == Self.mix(source, x: x, y: y), "(\(u), \(v))")
            }
        }
    }

    @Test(arguments: [(1.37, 23, 11), (2.5, 8, 13), (1.01, 50, 40)])
    func enlargingMixesTheSourcePixels(factor: Double, width: Int, height: Int) {
        let source = Self.picture(width, height, seed: 7)
        let larger = source.scaled(by: factor)
        #expect(larger.width == Int((Double(width) * factor).rounded()) && larger.height == Int((Double(height) * factor).rounded()))
        let scaleX = Double(width) / Double(larger.width), scaleY = Double(height) / Double(larger.height)
        for v in 0..<larger.height {
            for u in 0..<larger.width {
                let x = max(0, (Double(u) + 0.5) * scaleX - 0.5), y = max(0, (Double(v) + 0.5) * scaleY - 0.5)
                #expect(larger.pixels[v * larger.width + u] == Self.mix(source, x: x, y: y), "(\(u), \(v))")
            }
        }
    }
}

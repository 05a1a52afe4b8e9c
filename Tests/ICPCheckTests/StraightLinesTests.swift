import Foundation
import Testing

@testable import ICPCheck

/// Printed frames are taken out of the red mask, level or tilted, while a seal's ring touching them
/// and a filled emblem crossed by them stay.
struct StraightLinesTests {
    static let (width, height) = (800, 600)

    /// A mask with the pixels `inside` says are set.
    static func mask(_ inside: (Double, Double) -> Bool) -> [Bool] {
        (0..<(width * height)).map { inside(Double($0 % width), Double($0 / width)) }
    }

    /// Distance of (x, y) from the line through (x0, y0) at `degrees` from the horizontal.
    static func lineDistance(_ x: Double, _ y: Double, x0: Double, y0: Double, degrees: Double) -> Double {
        let angle = degrees * .pi / 180
        return abs((y - y0) * cos(angle) - (x - x0) * sin(angle))
    }

    static func ring(_ x: Double, _ y: Double, cx: Double, cy: Double, radius: Double, thickness: Double) -> Bool {
        let distance = ((x - cx) * (x - cx) + (y - cy) * (y - cy)).squareRoot()
        return distance <= radius && distance >= radius - thickness
    }

    static func count(_ mask: [Bool], where keep: (Double, Double) -> Bool) -> Int {
        mask.indices.filter { mask[$0] && keep(Double($0 % width), Double($0 / width)) }.count
    }

    static func removingLines(_ mask: [Bool]) -> [Bool] {
        StraightLines.removing(from: mask, count: mask.filter { $0 }.count, width: width, height: height)
    }

    @Test(arguments: [0.0, 7.0, -12.0, 90.0, 84.0])
    func tiltedFrameGoesTheTouchingRingStays(degrees: Double) {
        // A 2-pixel frame line across the picture, and a seal's rim (radius 45, 5 px thick) touching it.
        let (x0, y0) = (400.0, 300.0)
        let normal = ((degrees + 90) * .pi / 180)
        let (cx, cy) = (x0 + 46 * cos(normal), y0 + 46 * sin(normal))
        let isLine = { (x: Double, y: Double) in Self.lineDistance(x, y, x0: x0, y0: y0, degrees: degrees) <= 1 }
        let isRing = { (x: Double, y: Double) in Self.ring(x, y, cx: cx, cy: cy, radius: 45, thickness: 5) }
        let input = Self.mask { isLine($0, $1) || isRing($0, $1) }
        let output = Self.removingLines(input)
        let lineOnly = { (x: Double, y: Double) in isLine(x, y) && !isRing(x, y) }
        let ringOnly = { (x: Double, y: Double) in isRing(x, y) && !isLine(x, y) }
        #expect(Double(Self.count(output, where: lineOnly)) < 0.05 * Double(Self.count(input, where: lineOnly)), "the frame is gone")
        #expect(Double(Self.count(output, where: ringOnly)) > 0.9 * Double(Self.count(input, where: ringOnly)), "the rim stays")
    }

    @Test func aRingAloneIsNoLine() {
        let input = Self.mask { Self.ring($0, $1, cx: 400, cy: 300, radius: 150, thickness: 8) }
        #expect(Self.removingLines(input) == input)
    }

    @Test func aFilledDiscCrossedByALineKeepsItsBody() {
        let isDisc = { (x: Double, y: Double) in (x - 300) * (x - 300) + (y - 300) * (y - 300) <= 60 * 60 }
        let input = Self.mask { isDisc($0, $1) || abs($1 - 300) <= 1 }
        let output = Self.removingLines(input)
        // Only where the line meets its rim, a pixel or two of the disc may go with it.
        #expect(Double(Self.count(output, where: isDisc)) >= 0.99 * Double(Self.count(input, where: isDisc)))
        #expect(Self.count(output) { !isDisc($0, $1) } == 0)
    }
}

@testable import ICPCheck

enum ImageComparison {
    /// Mean absolute difference per sample of two images of the same size and channel count;
    /// infinity when their shapes differ.
    static func meanAbsoluteDifference(_ a: DecodedImage, _ b: DecodedImage) -> Double {
        guard a.width == b.width, a.height == b.height, a.channels == b.channels else { return .infinity }
        var total = 0
        for i in a.pixels.indices { total += abs(Int(a.pixels[i]) - Int(b.pixels[i])) }
        return Double(total) / Double(max(1, a.pixels.count))
    }
}

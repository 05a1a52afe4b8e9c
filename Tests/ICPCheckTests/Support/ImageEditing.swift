@testable import ICPCheck

/// Changes to a decoded RGB picture, to make each photo problem on purpose.
enum ImageEditing {
    static func map(_ image: DecodedImage, _ body: (Int, Int, inout (UInt8, UInt8, UInt8)) -> Void) -> DecodedImage {
        var pixels = image.pixels
        for y in 0..<image.height {
            for x in 0..<image.width {
                let p = (y * image.width + x) * 3
                var color = (pixels[p], pixels[p + 1], pixels[p + 2])
                body(x, y, &color)
                (pixels[p], pixels[p + 1], pixels[p + 2]) = color
            }
        }
        return DecodedImage(width: image.width, height: image.height, channels: 3, pixels: pixels)
    }

    /// The picture placed on a canvas of `color`, at (x, y).
    static func placed(_ image: DecodedImage, width: Int, height: Int, x: Int, y: Int, color: (UInt8, UInt8, UInt8)) -> DecodedImage {
        var pixels = [UInt8](repeating: 0, count: width * height * 3)
        for index in 0..<(width * height) { (pixels[3 * index], pixels[3 * index + 1], pixels[3 * index + 2]) = color }
        for row in 0..<image.height where y + row >= 0 && y + row < height {
            for column in 0..<image.width where x + column >= 0 && x + column < width {
                let from = (row * image.width + column) * 3, to = ((y + row) * width + x + column) * 3
                pixels[to] = image.pixels[from]
                pixels[to + 1] = image.pixels[from + 1]
                pixels[to + 2] = image.pixels[from + 2]
            }
        }
        return DecodedImage(width: width, height: height, channels: 3, pixels: pixels)
    }

    /// `image` shrunk to `width` pixels wide and laid over `base` with its top left at (x, y).
    static func pasted(_ image: DecodedImage, into base: DecodedImage, x: Int, y: Int, width: Int) -> DecodedImage {
        let small = image.resized(toLongSide: max(width, width * image.height / image.width))
        var pixels = base.pixels
        for row in 0..<small.height where y + row >= 0 && y + row < base.height {
            for column in 0..<small.width where x + column >= 0 && x + column < base.width {
                let from = (row * small.width + column) * 3, to = ((y + row) * base.width + x + column) * 3
                for channel in 0..<3 { pixels[to + channel] = small.pixels[from + channel] }
            }
        }
        return DecodedImage(width: base.width, height: base.height, channels: 3, pixels: pixels)
    }

    static func crop(_ image: DecodedImage, x: Int, y: Int, width: Int, height: Int) -> DecodedImage {
        placed(image, width: width, height: height, x: -x, y: -y, color: (0, 0, 0))
    }

    /// A box blur of the given radius, repeated: a photo out of focus.
    static func blurred(_ image: DecodedImage, radius: Int) -> DecodedImage {
        var current = image
        for _ in 0..<2 {
            let source = current
            current = map(source) { x, y, color in
                var sum = (0, 0, 0), count = 0
                for dy in -radius...radius where y + dy >= 0 && y + dy < source.height {
                    for dx in -radius...radius where x + dx >= 0 && x + dx < source.width {
                        let p = ((y + dy) * source.width + x + dx) * 3
                        sum = (sum.0 + Int(source.pixels[p]), sum.1 + Int(source.pixels[p + 1]), sum.2 + Int(source.pixels[p + 2]))
                        count += 1
                    }
                }
                color = (UInt8(sum.0 / count), UInt8(sum.1 / count), UInt8(sum.2 / count))
            }
        }
        return current
    }

    /// Whether a pixel is close to the sample's blue backdrop.
    static func isBackdropBlue(_ color: (UInt8, UInt8, UInt8)) -> Bool {
        Int(color.2) > 150 && Int(color.2) > Int(color.0) + 80 && Int(color.1) < 160
    }
}

/// Colour on the page: whether the picture has any (a greyscale scan or a photocopy has none), and
/// whether the ink in the lower part, where the signature goes, is blue rather than black.
struct PageColour {
    /// Mean of max(R,G,B) − min(R,G,B): about 0 for grey pictures, a few units for the tint of real paper.
    var meanChroma = 0.0
    /// Share of pixels with a clear colour (max − min at least the rules' `colourful_spread`).
    var colourfulFraction = 0.0
    /// The same two on the page alone (the whole picture when no page was found), white-balanced on
    /// its paper and over blocks of 4 × 4 pixels: a grey copy photographed under a warm or cool light,
    /// or with the sensor's colour noise, is as colourless here as a greyscale scan.
    var pageChroma = 0.0
    var pageColourfulFraction = 0.0
    /// Blue ink pixels over ink pixels in the lower 40% of the page (where a statement's signature goes:
    /// a fixed property of the form the measure is for).
    var blueInkFraction = 0.0

    init(_ picture: DocumentPicture, paper: PaperRegion, rules: DocumentRules) {
        var chroma = 0, colourful = 0
        let count = max(1, picture.image.pixels.count / 3)
        picture.image.pixels.withUnsafeBufferPointer { pixels in
            for index in stride(from: 0, to: pixels.count - 2, by: 3) {
                let (r, g, b) = (Int(pixels[index]), Int(pixels[index + 1]), Int(pixels[index + 2]))
                let spread = max(r, g, b) - min(r, g, b)
                chroma &+= spread
                colourful &+= spread >= rules.colourfulSpread ? 1 : 0
            }
        }
        meanChroma = Double(chroma) / Double(count)
        colourfulFraction = Double(colourful) / Double(count)
        // White-balanced on the paper: under a warm light blue ink turns grey, under a cool one black ink blue.
        let gains = paper.whiteBalance
        (pageChroma, pageColourfulFraction) = Self.blockChroma(
            picture, in: paper.box ?? (0, 0, picture.width, picture.height), gains: gains, colourfulSpread: rules.colourfulSpread)
        guard let box = paper.box else { return }
        var ink = 0, blue = 0
        for y in (box.y + box.height * 3 / 5)..<min(picture.height, box.y + box.height) {
            for x in box.x..<min(picture.width, box.x + box.width) where picture.ink[y * picture.width + x] {
                ink += 1
                let (r0, g0, b0) = picture.rgb(x, y)
                let (r, g, b) = (Int(Double(r0) * gains.r), Int(Double(g0) * gains.g), Int(Double(b0) * gains.b))
                if b - r >= rules.blueInkMinOverRed && b >= g + rules.blueInkMinOverGreen { blue += 1 }
            }
        }
        blueInkFraction = Double(blue) / Double(max(1, ink))
    }

    /// Mean spread of the white-balanced colour of each 4 × 4 block in `box` (a fixed property of the
    /// measure: the sensor's colour noise averages out over 16 pixels, a seal's or a photo's colour
    /// does not), and the share of blocks whose spread is at least `colourfulSpread`.
    private static func blockChroma(
        _ picture: DocumentPicture, in box: (x: Int, y: Int, width: Int, height: Int), gains: (r: Double, g: Double, b: Double),
        colourfulSpread: Int
    ) -> (mean: Double, colourful: Double) {
        let block = 4
        var spreads = 0.0, colourful = 0, blocks = 0
        for y0 in stride(from: box.y, to: box.y + box.height - block + 1, by: block) {
            for x0 in stride(from: box.x, to: box.x + box.width - block + 1, by: block) {
                var (r, g, b) = (0, 0, 0)
                for y in y0..<(y0 + block) {
                    for x in x0..<(x0 + block) {
                        let pixel = picture.rgb(x, y)
                        r += pixel.r
                        g += pixel.g
                        b += pixel.b
                    }
                }
                let n = Double(block * block)
                let (br, bg, bb) = (Double(r) / n * gains.r, Double(g) / n * gains.g, Double(b) / n * gains.b)
                let spread = max(br, bg, bb) - min(br, bg, bb)
                spreads += spread
                colourful += spread >= Double(colourfulSpread) ? 1 : 0
                blocks += 1
            }
        }
        return blocks == 0 ? (0, 0) : (spreads / Double(blocks), Double(colourful) / Double(blocks))
    }
}

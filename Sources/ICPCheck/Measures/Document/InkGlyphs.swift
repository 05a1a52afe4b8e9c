/// The connected ink patches of character size: printed and written text is made of many of them,
/// lined up; a photograph's dark areas are a few large irregular patches and specks.
struct InkGlyphs {
    struct Glyph {
        var x: Double, y: Double, height: Int
    }

    var glyphs: [Glyph] = []
    /// Ink pixels in character-sized patches over all ink pixels on the page.
    var inkShare = 0.0

    /// Character size is a fixed property of the measure: from 1/250 of the box's height (at least 3
    /// pixels: less is a speck) to 1/15 of it, and at most 1/6 of its width (a page holds at least 15
    /// lines and 6 characters a line; bigger patches are pictures, rules and frames). The rules decide
    /// what a count of glyphs means (`document.min_glyphs` and the others).
    init(_ picture: DocumentPicture, box: (x: Int, y: Int, width: Int, height: Int), isOnPage: (Int, Int) -> Bool) {
        let (w, x0, y0) = (picture.width, box.x, box.y)
        let x1 = min(w, box.x + box.width), y1 = min(picture.height, box.y + box.height)
        let minHeight = max(3, box.height / 250), maxHeight = max(minHeight + 1, box.height / 15)
        let maxWidth = max(minHeight + 1, box.width / 6)
        var seen = [Bool](repeating: false, count: w * picture.height)
        var stack: [(x: Int32, y: Int32)] = []  // pixels to visit, as coordinates (no division to recover them)
        var glyphInk = 0, allInk = 0
        for y in y0..<y1 {
            for x in x0..<x1 where picture.ink[y * w + x] && !seen[y * w + x] && isOnPage(x, y) {
                var (minX, maxX, minY, maxY, count) = (x, x, y, y, 0)
                seen[y * w + x] = true
                stack.append((Int32(x), Int32(y)))
                while let (sx, sy) = stack.popLast() {
                    let (px, py) = (Int(sx), Int(sy))
                    count += 1
                    minX = min(minX, px); maxX = max(maxX, px); minY = min(minY, py); maxY = max(maxY, py)
                    for ny in max(y0, py - 1)...min(y1 - 1, py + 1) {
                        for nx in max(x0, px - 1)...min(x1 - 1, px + 1) where picture.ink[ny * w + nx] && !seen[ny * w + nx] {
                            seen[ny * w + nx] = true
                            stack.append((Int32(nx), Int32(ny)))
                        }
                    }
                }
                allInk += count
                let (width, height) = (maxX - minX + 1, maxY - minY + 1)
                if height >= minHeight && height <= maxHeight && width <= maxWidth {
                    glyphInk += count
                    glyphs.append(Glyph(x: Double(minX + maxX) / 2, y: Double(minY + maxY) / 2, height: height))
                }
            }
        }
        inkShare = Double(glyphInk) / Double(max(1, allInk))
    }

    var medianHeight: Int { glyphs.isEmpty ? 0 : glyphs.map(\.height).sorted()[glyphs.count / 2] }
}

/// The connected ink patches of character size: printed and written text is made of many of them,
/// lined up; a photograph's dark areas are a few large irregular patches and specks.
struct InkGlyphs {
    struct Glyph {
        var x: Double, y: Double, height: Int
    }

    var glyphs: [Glyph] = []
    /// Ink pixels in character-sized patches over the ink that is not linework: the ruled lines and
    /// frames of a form or table are ink of the page, but they say nothing for or against its text.
    var inkShare = 0.0
    /// Ink pixels in linework patches (larger than a character, most of their ink in thin straight
    /// runs) over all ink pixels.
    var lineworkShare = 0.0

    /// Character size is a fixed property of the measure: from 1/250 of the box's height (at least 3
    /// pixels: less is a speck) to 1/15 of it, and at most 1/6 of its width (a page holds at least 15
    /// lines and 6 characters a line; bigger patches are pictures, rules and frames). The rules decide
    /// what a count of glyphs means (`document.min_glyphs` and the others).
    init(_ picture: DocumentPicture, box: (x: Int, y: Int, width: Int, height: Int), isOnPage: (Int, Int) -> Bool) {
        let (w, x0, y0) = (picture.width, box.x, box.y)
        let x1 = min(w, box.x + box.width), y1 = min(picture.height, box.y + box.height)
        let minHeight = max(3, box.height / 250), maxHeight = max(minHeight + 1, box.height / 15)
        let maxWidth = max(minHeight + 1, box.width / 6)
        let straight = StraightInk(picture, x0: x0, y0: y0, x1: x1, y1: y1, minLength: maxHeight,
                                   maxThickness: max(3, maxHeight / 8))
        var seen = [Bool](repeating: false, count: w * picture.height)
        var stack: [(x: Int32, y: Int32)] = []  // pixels to visit, as coordinates (no division to recover them)
        var glyphInk = 0, allInk = 0, lineworkInk = 0
        for y in y0..<y1 {
            for x in x0..<x1 where picture.ink[y * w + x] && !seen[y * w + x] && isOnPage(x, y) {
                var (minX, maxX, minY, maxY, count, inRuns) = (x, x, y, y, 0, 0)
                seen[y * w + x] = true
                stack.append((Int32(x), Int32(y)))
                while let (sx, sy) = stack.popLast() {
                    let (px, py) = (Int(sx), Int(sy))
                    count += 1
                    if straight.isLine(px, py) { inRuns += 1 }
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
                } else if 2 * inRuns >= count {
                    // Linework: most of the patch is thin straight lines (a grid, a frame, an underline).
                    lineworkInk += count
                }
            }
        }
        inkShare = Double(glyphInk) / Double(max(1, allInk - lineworkInk))
        lineworkShare = Double(lineworkInk) / Double(max(1, allInk))
    }

    var medianHeight: Int { glyphs.isEmpty ? 0 : glyphs.map(\.height).sorted()[glyphs.count / 2] }
}

/// Which ink pixels lie on thin straight lines, level or upright: in a run of ink at least
/// `minLength` long one way and at most `maxThickness` thick the other (a ruled line; inside a
/// solid dark patch both runs are long, in a character's stroke both are short).
private struct StraightInk {
    private var horizontal: [UInt16], vertical: [UInt16]
    private let x0: Int, y0: Int, width: Int, minLength: Int, maxThickness: Int

    init(_ picture: DocumentPicture, x0: Int, y0: Int, x1: Int, y1: Int, minLength: Int, maxThickness: Int) {
        (self.x0, self.y0, width, self.minLength, self.maxThickness) = (x0, y0, max(0, x1 - x0), minLength, maxThickness)
        let height = max(0, y1 - y0), width = self.width
        horizontal = [UInt16](repeating: 0, count: width * height)
        vertical = horizontal
        // Each ink pixel gets the length of the run it belongs to (capped at UInt16's range).
        for row in 0..<height {
            var start = 0
            while start < width {
                guard picture.ink[(y0 + row) * picture.width + x0 + start] else { start += 1; continue }
                var end = start
                while end < width && picture.ink[(y0 + row) * picture.width + x0 + end] { end += 1 }
                let length = UInt16(min(end - start, Int(UInt16.max)))
                for column in start..<end { horizontal[row * width + column] = length }
                start = end
            }
        }
        for column in 0..<width {
            var start = 0
            while start < height {
                guard picture.ink[(y0 + start) * picture.width + x0 + column] else { start += 1; continue }
                var end = start
                while end < height && picture.ink[(y0 + end) * picture.width + x0 + column] { end += 1 }
                let length = UInt16(min(end - start, Int(UInt16.max)))
                for row in start..<end { vertical[row * width + column] = length }
                start = end
            }
        }
    }

    func isLine(_ x: Int, _ y: Int) -> Bool {
        let index = (y - y0) * width + (x - x0)
        let (across, down) = (Int(horizontal[index]), Int(vertical[index]))
        return (across >= minLength && down <= maxThickness) || (down >= minLength && across <= maxThickness)
    }
}

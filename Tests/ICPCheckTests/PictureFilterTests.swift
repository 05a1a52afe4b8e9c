import Testing

@testable import ICPCheck

/// The fast box mean and cell-grid morphology against their plain definitions, on odd sizes where
/// the window is clipped by every edge.
struct PictureFilterTests {
    static func randomPlane(width: Int, height: Int, seed: UInt64) -> [UInt8] {
        var state = seed
        return (0..<(width * height)).map { _ in
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return UInt8(truncatingIfNeeded: state >> 56)
        }
    }

    /// A picture far longer than wide shrinks by a factor larger than its short side: that side is one
    /// block of its own length, read within the picture, and the whole pipeline gives a report.
    @Test(arguments: [(60_000, 3), (3, 60_000), (2_000, 1)])
    func elongatedPicturesShrinkWithinThemselves(width: Int, height: Int) {
        let image = DecodedImage(width: width, height: height, channels: 3,
                                 pixels: Self.randomPlane(width: width * 3, height: height, seed: 5))
        let small = image.downscaled(toLongSide: 400)
        let factor = (max(width, height) + 399) / 400
        #expect(max(small.width, small.height) == max(width, height) / factor && min(small.width, small.height) == 1)
        // The first output pixel is the mean of the first block: factor pixels along, all of them across.
        let (along, across) = (factor, min(width, height))
        var sum = 0
        for a in 0..<along { for c in 0..<across { sum += Int(image.pixels[(width > height ? c * width + a : a * width + c) * 3]) } }
        #expect(Int(small.pixels[0]) == sum / (along * across))
        let facts = FileReport(path: "long.png", bytes: 1, sha256: "", format: FormatInfo(detected: .png, extensionMatches: true))
        let rules = try! RulesLoader.load()
        let report = FileJudge(rules: rules).judgePixels(facts, role: .administratorPhoto, content: ContentMeasures.measure(image, cascades: .installed, rules: rules)).0
        #expect(report.contentKind == "photo" && report.findings.contains { $0.code == FindingCode.noFace })
    }

    /// Quickselect gives the sorted value at every index, ties and all.
    @Test(arguments: [1, 2, 7, 100, 257])
    func selectionFindsTheSortedValue(count: Int) {
        let values = Self.randomPlane(width: count, height: 1, seed: UInt64(count)).map { Double($0 % 17) }
        let sorted = values.sorted()
        for index in 0..<count {
            var scratch = values
            #expect(selectNth(&scratch, index) == sorted[index], "index \(index)")
        }
    }

    /// Every sum where the quotient steps, for small counts, the box mean's and some large ones.
    @Test(arguments: [Array(1...64), [289, 1089, 4225, 65_535, 1 << 20, 2_442_969, MeanDivider.maxCount]])
    func meanDividerFloorsExactly(counts: [Int]) {
        for count in counts {
            let divider = MeanDivider(count)
            for quotient in 0...255 {
                for sum in [quotient * count, quotient * count + count - 1] where sum <= 255 * count {
                    #expect(Int(divider.mean(UInt32(sum))) == sum / count, "\(sum) / \(count)")
                }
            }
        }
    }

    @Test(arguments: [(1, 1, 4), (7, 3, 1), (33, 17, 4), (50, 61, 9), (12, 40, 30)])
    func boxMeanIsTheClippedWindowMean(width: Int, height: Int, radius: Int) {
        let plane = Self.randomPlane(width: width, height: height, seed: UInt64(width * 131 + height))
        let fast = DocumentPicture.boxMean(plane, width: width, height: height, radius: radius)
        for y in 0..<height {
            for x in 0..<width {
                var (sum, count) = (0, 0)
                for wy in max(0, y - radius)...min(height - 1, y + radius) {
                    for wx in max(0, x - radius)...min(width - 1, x + radius) {
                        sum += Int(plane[wy * width + wx])
                        count += 1
                    }
                }
                #expect(Int(fast[y * width + x]) == sum / count, "at \(x), \(y)")
            }
        }
    }

    @Test(arguments: [(1, 1), (5, 1), (1, 6), (9, 7), (23, 19)])
    func dilationAndErosionAreTheThreeByThreeSquare(columns: Int, rows: Int) {
        let cells = Self.randomPlane(width: columns, height: rows, seed: UInt64(columns * 7 + rows)).map { $0 < 90 }
        let grid = CellGrid(columns: columns, rows: rows, cells: cells)
        let (grown, shrunk) = (grid.dilated(), grid.eroded())
        for row in 0..<rows {
            for column in 0..<columns {
                var (any, all) = (false, true)
                for r in max(0, row - 1)...min(rows - 1, row + 1) {
                    for c in max(0, column - 1)...min(columns - 1, column + 1) {
                        any = any || grid[c, r]
                        all = all && grid[c, r]
                    }
                }
                #expect(grown[column, row] == any && shrunk[column, row] == all, "at \(column), \(row)")
            }
        }
    }

    @Test(arguments: [(37, 23, 10), (300, 200, 119), (64, 64, 16), (1000, 10, 333)])
    func shrinkingAveragesTheCoveredPixels(width: Int, height: Int, longSide: Int) {
        let image = DecodedImage(width: width, height: height, channels: 3,
                                 pixels: Self.randomPlane(width: width * 3, height: height, seed: UInt64(longSide)))
        // Exactly to the long side: each output pixel averages the whole input pixels its span covers.
        let exact = image.resized(toLongSide: longSide)
        let scale = Double(max(width, height)) / Double(longSide)
        let span = { (i: Int, limit: Int) in Int(Double(i) * scale)..<max(Int(Double(i) * scale) + 1, min(limit, Int(Double(i + 1) * scale))) }
        // By a whole factor: each output pixel averages a factor × factor block.
        let blocky = image.downscaled(toLongSide: longSide)
        let factor = Int(scale.rounded(.up))
        for (shrunk, rows, columns) in [(exact, { span($0, height) }, { span($0, width) }),
                                        (blocky, { $0 * factor..<($0 + 1) * factor }, { $0 * factor..<($0 + 1) * factor })] {
            for y in 0..<shrunk.height {
                for x in 0..<shrunk.width {
                    for channel in 0..<3 {
                        var (sum, count) = (0, 0)
                        for row in rows(y) { for column in columns(x) { sum += Int(image.pixels[(row * width + column) * 3 + channel]); count += 1 } }
                        #expect(Int(shrunk.pixels[(y * shrunk.width + x) * 3 + channel]) == sum / count, "at \(x), \(y)")
                    }
                }
            }
        }
    }
}

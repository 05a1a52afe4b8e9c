import Foundation
import Testing

@testable import ICPCheck

/// The review report (`batch --html`, `check --html`, `merge`): what it writes, and what a real
/// browser (Debian's Chromium, headless) shows of it.
@Suite struct HTMLReportTests {
    @Test func aRegionBecomesCellsAndItsOutline() throws {
        // A 40 × 20 mask whose left half is in the region.
        let mask = (0..<800).map { $0 % 40 < 20 }
        let cells = try #require(Overlays.CellMask(mask: mask, width: 40, maxColumns: 8))
        #expect(cells.columns == 8 && cells.rows == 4)
        #expect(cells.cells == Array(repeating: "11110000", count: 4))
        #expect(Overlays.CellMask(mask: [Bool](repeating: false, count: 800), width: 40, maxColumns: 8) == nil)
        let (fill, outline) = OverlayShapes.paths(cells)
        #expect(fill == "M0 0H500V250H0ZM0 250H500V500H0ZM0 500H500V750H0ZM0 750H500V1000H0Z")
        // Top and bottom edges, the picture's left edge and the region's right edge.
        #expect(outline == "M0 0H500M0 1000H500M0 0V1000M500 0V1000")
        // Boxes stay inside the picture whatever the measures said.
        let box = Overlays.Box(x: 0.9, y: -0.1, width: 0.3, height: 0.5)
        #expect(box.x == 0.9 && box.y == 0 && abs(box.width - 0.1) < 1e-9 && box.height == 0.5)
    }

    /// A batch with `--html` writes an index, a page per application naming every file, and one
    /// thumbnail per distinct picture (at most 320 px, upright); overlays lie inside the picture.
    /// A re-run encodes no thumbnail again; another output folder sharing the cache gets its own.
    @Test func aBatchWritesAPagePerApplicationAndAThumbnailPerPicture() throws {
        let (uploads, rules) = try BatchTests.uploads(count: 3, broken: 1, distinct: true)
        let out = uploads.root.path + "-out", cache = uploads.root.path + "-cache.sqlite"
        defer { for path in [out, out + "2", cache] { try? FileManager.default.removeItem(atPath: path) } }
        let run = { (output: String) in
            try BatchTests.run(["batch", uploads.root.path, "--out", output, "--rules", rules.path, "--read", "off", "--lang", "en",
                                "--html", "--cache", cache])
        }
        let first = try run(out)
        #expect(first.status == 1)
        #expect(first.output.contains("Review report: \(out)/report/index.html"))
        let summary = try BatchTests.summary(in: out)
        #expect(summary.report == out + "/report/index.html")
        let thumbs = out + "/report/thumbs"
        let thumbnailNames = try FileManager.default.contentsOfDirectory(atPath: thumbs).sorted()
        var digests: Set<String> = []
        for name in try BatchTests.manifests(in: out).keys {
            let manifest = try JSONDecoder().decode(Manifest.self, from: Data(contentsOf: URL(fileURLWithPath: out + "/" + name)))
            let page = try String(contentsOfFile: out + "/report/applications/" + HTMLReport.pageName(manifestFile: name), encoding: .utf8)
            #expect(page.contains("href=\"../index.html\"") && page.contains("href=\"../style.css\""))
            for file in manifest.files {
                #expect(page.contains("data-path=\"\(file.path)\""))
                let overlays = try #require(file.overlays, "\(file.path) was decoded and has overlays")
                let digest = try #require(file.sha256)
                digests.insert(digest)
                #expect(page.contains("src=\"../thumbs/\(digest).jpg\""))
                let boxes = overlays.faces + overlays.seals + overlays.glare + (overlays.page.map { [$0] } ?? [])
                #expect(boxes.allSatisfy { $0.x >= 0 && $0.y >= 0 && $0.x + $0.width <= 1.0001 && $0.y + $0.height <= 1.0001 })
            }
            // The portrait's face is drawn and marked as the measured one; the statement's seal too.
            if manifest.verdict == .ready {
                #expect(page.contains("class=\"shape face chosen\""))
                #expect(page.contains("class=\"shape seal\""))
            }
        }
        #expect(thumbnailNames == digests.map { $0 + ".jpg" }.sorted())
        for name in thumbnailNames {
            let thumbnail = try JPEGCodec.decode([UInt8](Data(contentsOf: URL(fileURLWithPath: thumbs + "/" + name)))).0
            #expect(max(thumbnail.width, thumbnail.height) <= Thumbnails.longSide)
            #expect(max(thumbnail.width, thumbnail.height) >= Thumbnails.longSide / 2)
        }

        #expect(FileManager.default.fileExists(atPath: out + "/report/style.css"))

        // The re-run takes every report from the cache and leaves the thumbnails as they were; what
        // a killed run left half-written (its process gone: PIDs stay below 2^22) is removed.
        let written = try thumbnailNames.map { try FileManager.default.attributesOfItem(atPath: thumbs + "/" + $0)[.modificationDate] as? Date }
        let leftovers = [out + "/report/applications/APP-0000.html.tmp-99999999-1", thumbs + "/0a1b2c.jpg.tmp-99999999-2"]
        for path in leftovers { try Data([1]).write(to: URL(fileURLWithPath: path)) }
        #expect(try run(out).status == 1)
        #expect(leftovers.allSatisfy { !FileManager.default.fileExists(atPath: $0) })
        #expect(try BatchTests.summary(in: out).cache?.misses == 0)
        #expect(try thumbnailNames.map { try FileManager.default.attributesOfItem(atPath: thumbs + "/" + $0)[.modificationDate] as? Date } == written)
        // A new output folder with the same cache: reports from the cache, thumbnails decoded for it.
        #expect(try run(out + "2").status == 1)
        #expect(try BatchTests.summary(in: out + "2").cache?.misses == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: out + "2/report/thumbs").sorted() == thumbnailNames)
    }

    /// `check --html FILE` writes one page that carries its thumbnails inline.
    @Test func aSelfCheckPageStandsAlone() throws {
        let uploads = try TestUploads()
        let folder = try uploads.application("APP-1", files: ApplicationTests.complete, form: ApplicationTests.form())
        let page = uploads.root.path + "-page.html"
        defer { try? FileManager.default.removeItem(atPath: page) }
        let result = try BatchTests.run(["check", folder.path, "--read", "off", "--lang", "en", "--html", page])
        #expect(result.status <= 1)
        #expect(result.output.contains("Review page: \(page)"))
        let html = try String(contentsOfFile: page, encoding: .utf8)
        #expect(!html.contains("../index.html"))
        let inline = html.components(separatedBy: "src=\"data:image/jpeg;base64,").dropFirst()
        #expect(inline.count == ApplicationTests.complete.count)
        for part in inline {
            let jpeg = try #require(Data(base64Encoded: String(part.prefix { $0 != "\"" })))
            #expect(max(try JPEGCodec.decode([UInt8](jpeg)).0.width, 1) <= Thumbnails.longSide)
        }
        #expect(!html.contains("src=\"http") && !html.contains("<link"))
        // The region and the statement are named as the page's Chinese first: 浙江 Zhejiang.
        #expect(html.contains(" · 浙江 Zhejiang · ") && html.contains("真实性核验单或承诺书"))
    }

    /// Chromium renders the index and an application page: every thumbnail loads, each overlay lies
    /// inside its picture, the chosen face's box shows in the screenshot, and the index's filters
    /// (set from the address, as a bookmark would) show exactly the applications they name.
    @Test func aBrowserShowsThumbnailsOverlaysAndFilters() throws {
        let (uploads, rules) = try BatchTests.uploads(count: 4, broken: 2, distinct: true)
        let out = uploads.root.path + "-out"
        defer { try? FileManager.default.removeItem(atPath: out) }
        #expect(try BatchTests.run(["batch", uploads.root.path, "--out", out, "--rules", rules.path, "--read", "off", "--html"]).status == 1)
        let report = out + "/report"
        let summary = try BatchTests.summary(in: out)

        for (fragment, expected) in [
            ("", summary.applications.map(\.application)),
            ("#verdict=not_ready", summary.applications.filter { $0.verdict == .notReady }.map(\.application)),
            ("#verdict=ready", summary.applications.filter { $0.verdict == .ready }.map(\.application)),
            ("#code=requirement.missing", summary.applications.filter { $0.errorCodes.contains("requirement.missing") }.map(\.application)),
        ] {
            let dom = try Self.chromium(["--dump-dom", "file://" + report + "/index.html" + fragment])
            let rows = Self.tags("tr", in: dom).filter { $0.contains("data-verdict=") }
            #expect(rows.count == summary.applications.count)
            let shown = rows.filter { !$0.contains(" hidden") }
            #expect(shown.count == expected.count, "\(fragment)")
            #expect(dom.contains("显示 \(expected.count) / \(rows.count) shown"), "\(fragment)")
        }
        #expect(summary.applications.contains { $0.verdict == .ready } && summary.applications.contains { $0.verdict == .notReady })

        // A copy of a ready application's page, beside it, with a probe that measures the layout.
        let ready = try #require(summary.applications.first { $0.verdict == .ready })
        let page = report + "/applications/" + HTMLReport.pageName(manifestFile: try #require(ready.manifest))
        let probed = report + "/applications/probe.html"
        try (try String(contentsOfFile: page, encoding: .utf8)).replacingOccurrences(of: "</body>", with: Self.probe + "</body>")
            .write(toFile: probed, atomically: true, encoding: .utf8)
        let dom = try Self.chromium(["--dump-dom", "file://" + probed])
        let json = try #require(dom.components(separatedBy: "<pre id=\"probe\">").dropFirst().first?.components(separatedBy: "</pre>").first)
        let pictures = try JSONDecoder().decode([ProbedPicture].self, from: Data(json.replacingOccurrences(of: "&quot;", with: "\"").utf8))
        #expect(pictures.count == ApplicationTests.complete.count)
        for picture in pictures {
            #expect(picture.loaded, "a thumbnail did not load")
            for shape in picture.shapes {
                #expect(shape.left >= -1 && shape.top >= -1 && shape.right <= picture.width + 1 && shape.bottom <= picture.height + 1,
                        "\(shape.kind) lies outside its picture")
            }
        }
        #expect(pictures.flatMap(\.shapes).contains { $0.kind.contains("face chosen") })
        #expect(pictures.flatMap(\.shapes).contains { $0.kind.contains("seal") })

        // The screenshot shows the chosen face's green box (#00e676).
        let screenshot = out + "/page.png"
        _ = try Self.chromium(["--screenshot=" + screenshot, "--window-size=1200,3000", "--hide-scrollbars", "file://" + page])
        let image = try PNGCodec.decode([UInt8](Data(contentsOf: URL(fileURLWithPath: screenshot)))).0
        #expect(image.width == 1200)
        var green = 0
        for index in stride(from: 0, to: image.pixels.count - 2, by: image.channels) {
            let (r, g, b) = (Int(image.pixels[index]), Int(image.pixels[index + 1]), Int(image.pixels[index + 2]))
            if r < 40 && abs(g - 230) < 25 && abs(b - 118) < 30 { green += 1 }
        }
        #expect(green > 50, "the chosen face's box is not in the screenshot")
    }

    /// `merge` writes the index of the shards' pages, each link leading to its page.
    @Test func theMergedIndexLinksToEveryShardsPages() throws {
        let (uploads, rules) = try BatchTests.uploads(count: 5, broken: 1)
        let base = uploads.root.path + "-runs"
        defer { try? FileManager.default.removeItem(atPath: base) }
        let folders = (0..<3).map { base + "/shard-\($0)" }
        for (index, folder) in folders.enumerated() {
            let part = try BatchTests.run(["batch", uploads.root.path, "--out", folder, "--shard", "\(index)/3", "--rules", rules.path,
                                           "--read", "off", "--html"])
            #expect(part.status <= 1)
            #expect(!FileManager.default.fileExists(atPath: folder + "/report/index.html"))
        }
        let merged = try BatchTests.run(["merge"] + folders + ["--out", base + "/all", "--lang", "en"])
        #expect(merged.status == 1, "\(merged.error)")
        let index = try String(contentsOfFile: base + "/all/report/index.html", encoding: .utf8)
        let links = Self.tags("a", in: index).compactMap { $0.components(separatedBy: "href=\"").dropFirst().first?.components(separatedBy: "\"").first }
        #expect(links.count == 5)
        for link in links {
            let path = URL(fileURLWithPath: base + "/all/report/").appendingPathComponent(try #require(link.removingPercentEncoding)).standardizedFileURL.path
            #expect(FileManager.default.fileExists(atPath: path), "\(link)")
        }
    }

    // MARK: Browser

    struct ProbedPicture: Decodable {
        var loaded: Bool
        var width: Double
        var height: Double
        var shapes: [Shape]

        struct Shape: Decodable {
            var kind: String
            var left: Double, top: Double, right: Double, bottom: Double
        }
    }

    /// Measures, once the page has loaded, each picture and its overlay shapes relative to it, and
    /// writes them into the page as JSON.
    static let probe = """
        <script>
        window.addEventListener("load", function () {
          var pictures = [];
          document.querySelectorAll(".picture").forEach(function (picture) {
            var img = picture.querySelector("img"), frame = img.getBoundingClientRect(), shapes = [];
            picture.querySelectorAll("svg .shape").forEach(function (shape) {
              var box = shape.getBoundingClientRect();
              shapes.push({ kind: shape.getAttribute("class"), left: box.left - frame.left, top: box.top - frame.top,
                            right: box.right - frame.left, bottom: box.bottom - frame.top });
            });
            pictures.push({ loaded: img.complete && img.naturalWidth > 0, width: frame.width, height: frame.height, shapes: shapes });
          });
          var out = document.createElement("pre");
          out.id = "probe";
          out.textContent = JSON.stringify(pictures);
          document.body.appendChild(out);
        });
        </script>
        """

    /// Runs headless Chromium (installed by the Makefile) and returns what it printed.
    static func chromium(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/chromium")
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent("icpcheck-chromium-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: profile) }
        // As root (CI) Chromium needs --no-sandbox; the virtual time budget lets the page's scripts run.
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=" + profile, "--virtual-time-budget=5000"] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let watchdog = DispatchWorkItem { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
        DispatchQueue.global().asyncAfter(deadline: .now() + .seconds(120), execute: watchdog)
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        watchdog.cancel()
        #expect(process.terminationStatus == 0, "chromium \(arguments.joined(separator: " ")) failed")
        return String(decoding: data, as: UTF8.self)
    }

    /// The opening tags named `name` in `html`, each as its text between `<` and `>`.
    static func tags(_ name: String, in html: String) -> [String] {
        html.components(separatedBy: "<" + name + " ").dropFirst().map { String($0.prefix { $0 != ">" }) }
    }
}

import Foundation
import ICPCheck

/// One JPEG that both decoders are timed on.
struct BenchFile {
    let path: String
    let name: String
    let width: Int
    let height: Int
    let bytes: Int
    let sha256: String

    var megapixels: Double { Double(width * height) / 1e6 }
    var bitsPerPixel: Double { Double(bytes * 8) / Double(width * height) }
}

/// The files of one table, and those left out because one decoder could not read them.
struct Corpus {
    let title: String
    var files: [BenchFile] = []
    var skipped: [(name: String, reason: String)] = []

    var megapixels: Double { files.reduce(0) { $0 + $1.megapixels } }
    var bytes: Int { files.reduce(0) { $0 + $1.bytes } }

    /// The generated photos, in plan order.
    static func large(in directory: String, djpeg: String) -> Corpus {
        var corpus = Corpus(title: "large (generated camera-like photos and a page scan)")
        for photo in CorpusBuilder.plan {
            let path = "\(directory)/large/\(photo.name)"
            guard FileManager.default.fileExists(atPath: path) else {
                fail("\(path) is missing; run `icpcheck-bench corpus` first (make bench does)")
            }
            corpus.add(path: path, name: photo.name, djpeg: djpeg)
        }
        return corpus
    }

    /// The JPEGs of `corpora/jpeg/` whose `valid` is true in `expected-jpeg.json`.
    static func small(corpora: String, djpeg: String) -> Corpus {
        let listing = "\(corpora)/jpeg/expected-jpeg.json"
        guard let data = FileManager.default.contents(atPath: listing),
            let entries = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any]
        else { fail("cannot read \(listing)") }
        var corpus = Corpus(title: "small (valid JPEGs of corpora/jpeg/)")
        for name in entries.keys.sorted() {
            guard let entry = entries[name] as? [String: Any], entry["valid"] as? Bool == true else { continue }
            corpus.add(path: "\(corpora)/jpeg/\(name)", name: name, djpeg: djpeg)
        }
        return corpus
    }

    /// Keeps the file when our decoder and djpeg both read it at 1/1 and 1/8, so that every timed
    /// figure is on the same files.
    private mutating func add(path: String, name: String, djpeg: String) {
        for scale in [1, 8] {
            do {
                _ = try JPEGDecoding.decode(fileAt: path, scaleDenominator: scale)
            } catch {
                skipped.append((name, "ours at 1/\(scale): \(error.code)"))
                return
            }
            // djpeg exits 2 after warnings (corrupt data it worked around) and still writes the image.
            let status = DjpegCommands.decode(djpeg, path, scale: scale).run().status
            guard status == 0 || status == 2 else {
                skipped.append((name, "djpeg at 1/\(scale) exited with \(status)"))
                return
            }
        }
        guard let bytes = FileManager.default.contents(atPath: path).map(Array.init),
            let size = try? JPEGDecoding.dimensions(bytes: bytes)
        else { fail("cannot read \(path) again") }
        let sha256 = FileInspector.inspect(bytes: bytes, path: path).report.sha256 ?? ""
        let file = BenchFile(
            path: path, name: name, width: size.width, height: size.height, bytes: bytes.count, sha256: sha256)
        files.append(file)
    }
}

/// The djpeg command lines that are timed.
enum DjpegCommands {
    static func decode(_ djpeg: String, _ path: String, scale: Int) -> Command {
        Command(djpeg, (scale == 1 ? [] : ["-scale", "1/\(scale)"]) + ["-outfile", "/dev/null", path])
    }
}

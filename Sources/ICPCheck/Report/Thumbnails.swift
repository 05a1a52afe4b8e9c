import Foundation
import Synchronization

/// The review report's thumbnails: each picture once, upright, as a JPEG (libjpeg) of at most
/// `longSide` pixels, named by the SHA-256 of the file it shows, so that the same file uploaded
/// twice, or checked again in a re-run, is not encoded again.
final class Thumbnails: Sendable {
    /// At most this many pixels on the long side: a 10,000-application report stays a few hundred MB.
    static let longSide = 320
    /// libjpeg quality: enough to see where the overlays lie and what the picture shows, at about
    /// 9 KB for a real phone photo (16 KB at 80), so that 10,000 applications of five pictures
    /// stay near half a gigabyte.
    static let quality = 50

    /// Where the JPEGs go: files in a folder (a batch's report), or kept for one page to carry inline.
    enum Place: Sendable {
        case folder(String)
        case memory
    }

    let place: Place
    private let inMemory = Mutex<[String: [UInt8]]>([:])
    /// The digests this run showed, so that a whole run can drop the thumbnails of files gone since.
    private let shown = Mutex<Set<String>>([])

    init(_ place: Place) { self.place = place }

    /// The file name of a digest's thumbnail, in the folder.
    static func fileName(_ digest: String) -> String { digest + ".jpg" }

    /// Whether `digest`'s thumbnail exists already; counts it as shown either way.
    func has(_ digest: String) -> Bool {
        shown.withLock { _ = $0.insert(digest) }
        switch place {
        case .folder(let folder): return FileManager.default.fileExists(atPath: folder + "/" + Self.fileName(digest))
        case .memory: return inMemory.withLock { $0[digest] != nil }
        }
    }

    /// Makes `digest`'s thumbnail from the upright picture, unless it exists. A thumbnail that cannot
    /// be made or written is left out (the page says so); the check itself never fails for it.
    func add(_ image: DecodedImage, digest: String) {
        guard !has(digest), let jpeg = try? JPEGCodec.encode(image.downscaled(toLongSide: Self.longSide), quality: Self.quality) else { return }
        switch place {
        case .folder(let folder): try? AtomicFile.write(jpeg, to: folder + "/" + Self.fileName(digest), durable: false)
        case .memory: inMemory.withLock { $0[digest] = jpeg }
        }
    }

    /// Makes `digest`'s thumbnail from the file's bytes, unless it exists: for a report taken from the
    /// cache, whose picture was not decoded. Decodes at the smallest scale that keeps `longSide`.
    func add(bytes: [UInt8], digest: String, limits: DecodeLimits) {
        guard !has(digest) else { return }
        let detected = ImageFormat.sniff(bytes)
        guard detected.isDecodable else { return }
        var stage = DecodeStage(bytes: bytes, options: InspectOptions(limits: limits, workingLongSide: Self.longSide))
        var format = FormatInfo(detected: detected, extensionMatches: true)
        stage.decode(detected, into: &format)
        if let image = stage.image { add(image, digest: digest) }
    }

    /// The JPEG of a thumbnail kept in memory.
    func jpeg(_ digest: String) -> [UInt8]? { inMemory.withLock { $0[digest] } }

    /// Removes the thumbnails in the folder that this run did not show (files gone or changed).
    func removeUnshown() {
        guard case .folder(let folder) = place else { return }
        let kept = shown.withLock { $0 }
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        where name.hasSuffix(".jpg") && !kept.contains(String(name.dropLast(4))) {
            try? FileManager.default.removeItem(atPath: folder + "/" + name)
        }
    }
}

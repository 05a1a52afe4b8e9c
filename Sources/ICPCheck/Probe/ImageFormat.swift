/// A file format as recognised from the file's first bytes, whatever its name says.
public enum ImageFormat: String, Codable, Sendable, CaseIterable {
    case jpeg, png, heic, webp, pdf, gif, bmp, tiff, zip, unknown

    /// Formats the providers take, which icpcheck accepts; the others are recognised to say what they are.
    var isSupported: Bool { self == .jpeg || self == .png }

    /// Formats icpcheck decodes to look at: the supported ones, and WebP, which phones and browsers
    /// save and providers refuse (its picture still tells which material the file is).
    var isDecodable: Bool { isSupported || self == .webp }

    /// File name extensions (lower case, without the dot) that announce this format.
    var extensions: Set<String> {
        switch self {
        case .jpeg: ["jpg", "jpeg", "jpe", "jfif"]
        case .png: ["png"]
        case .heic: ["heic", "heif", "hif"]
        case .webp: ["webp"]
        case .pdf: ["pdf"]
        case .gif: ["gif"]
        case .bmp: ["bmp", "dib"]
        case .tiff: ["tif", "tiff"]
        case .zip: ["zip"]
        case .unknown: []
        }
    }

    /// Recognises a format from magic bytes at the start of a file.
    static func sniff(_ bytes: some Collection<UInt8>) -> ImageFormat {
        let head = Array(bytes.prefix(16))
        func starts(_ magic: [UInt8], at offset: Int = 0) -> Bool {
            head.count >= offset + magic.count && Array(head[offset..<offset + magic.count]) == magic
        }
        if starts([0xFF, 0xD8]) { return .jpeg }  // SOI; libjpeg itself asks no more
        if starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .png }
        if starts(Array("GIF87a".utf8)) || starts(Array("GIF89a".utf8)) { return .gif }
        if starts(Array("%PDF-".utf8)) { return .pdf }
        if starts(Array("RIFF".utf8)) && starts(Array("WEBP".utf8), at: 8) { return .webp }
        if starts([0x49, 0x49, 0x2A, 0x00]) || starts([0x4D, 0x4D, 0x00, 0x2A]) { return .tiff }
        if starts([0x50, 0x4B, 0x03, 0x04]) || starts([0x50, 0x4B, 0x05, 0x06]) { return .zip }
        if starts(Array("BM".utf8)) && head.count >= 14 { return .bmp }
        if starts(Array("ftyp".utf8), at: 4), head.count >= 12 {
            let brand = String(decoding: head[8..<12], as: UTF8.self)
            if heifBrands.contains(brand) { return .heic }
        }
        return .unknown
    }

    /// ISO-BMFF major brands of HEIF/HEIC files as phones write them.
    private static let heifBrands: Set<String> = ["heic", "heix", "heim", "heis", "hevc", "hevx", "mif1", "msf1"]
}

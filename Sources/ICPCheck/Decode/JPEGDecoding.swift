/// JPEG decoding alone, without the hashing, EXIF and findings of `FileInspector`: the path that
/// `make bench` times against djpeg.
package enum JPEGDecoding {
    /// Decodes at 1/`scaleDenominator` (1, 2, 4 or 8) of the stored size, grey staying grey.
    ///
    /// Reads the header first and refuses sizes over `limits`, as `FileInspector` does.
    package static func decode(
        bytes: [UInt8], scaleDenominator: Int = 1, limits: DecodeLimits = DecodeLimits()
    ) throws(ICPCheckError) -> DecodedImage {
        precondition([1, 2, 4, 8].contains(scaleDenominator), "scale denominator must be 1, 2, 4 or 8")
        let (header, _) = try JPEGCodec.readHeader(bytes)
        try limits.check(width: header.width, height: header.height)
        return try JPEGCodec.decode(bytes, scaleDenominator: scaleDenominator, limits: limits).0
    }

    /// Reads the file the way `FileInspector` does (once, capped at `limits.maxFileBytes`), then
    /// decodes it.
    package static func decode(
        fileAt path: String, scaleDenominator: Int = 1, limits: DecodeLimits = DecodeLimits()
    ) throws(ICPCheckError) -> DecodedImage {
        let contents = try FileReader.read(namedPath: path, maxBytes: limits.maxFileBytes)
        return try decode(bytes: contents.bytes, scaleDenominator: scaleDenominator, limits: limits)
    }

    /// The stored width and height, from the header alone.
    package static func dimensions(bytes: [UInt8]) throws(ICPCheckError) -> (width: Int, height: Int) {
        let (header, _) = try JPEGCodec.readHeader(bytes)
        return (header.width, header.height)
    }
}

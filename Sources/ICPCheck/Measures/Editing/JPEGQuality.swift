internal import CImageCodecs

/// A JPEG's quantization tables as the file defines them before its first scan, read through libjpeg.
///
/// The tables say which encoder wrote the file: libjpeg-based software (GIMP, ImageMagick, Pillow, most
/// web tools, many phone apps) scales the two example tables of the JPEG standard by one "quality"
/// number, while most cameras and Photoshop use tables of their own. A camera file with libjpeg's tables
/// has often been re-saved, but not always: some cameras scale the same standard tables themselves
/// (Nikon's COOLPIX P6000 and an old Sony Cyber-shot in the test corpus). The type only reports facts;
/// what they mean for an upload is decided elsewhere.
struct QuantizationTables: Sendable, Equatable {
    /// DQT slots 0–3, each 64 quantizer steps in natural (row-major) order; nil where the file defines none.
    let slots: [[UInt16]?]
    /// The slot each frame component uses, in frame order (the first four components at most).
    let componentSlots: [Int]

    /// The table of the first component (Y in YCbCr files, the only one in greyscale files).
    /// `read` guarantees it is defined.
    var luminance: [UInt16] { slots[componentSlots[0]]! }

    /// The table of the second component (Cb in YCbCr files); nil for greyscale files or when the
    /// file never defines that slot.
    var chrominance: [UInt16]? { componentSlots.count > 1 ? table(componentSlots[1]) : nil }

    init(slots: [[UInt16]?], componentSlots: [Int]) {
        precondition(slots.count == 4 && !componentSlots.isEmpty, "four slots and at least one component")
        precondition(componentSlots[0] >= 0 && componentSlots[0] < 4 && slots[componentSlots[0]] != nil)
        self.slots = slots
        self.componentSlots = componentSlots
    }

    /// Reads the tables through `cic_jpeg_read_quant_tables` (libjpeg's `jpeg_read_header`).
    /// - Returns: nil when libjpeg cannot read the header or the first component's table is undefined
    ///   (such a file cannot be decoded, so it has no quality to speak of).
    static func read(_ bytes: [UInt8]) -> QuantizationTables? {
        guard !bytes.isEmpty else { return nil }
        var storage = [UInt16](repeating: 0, count: 4 * 64)
        var count: Int32 = 0
        var components: [Int32] = [-1, -1, -1, -1]
        var diagnostics = cic_diagnostics()
        let ok = storage.withUnsafeMutableBufferPointer { tables in
            components.withUnsafeMutableBufferPointer { components in
                bytes.withUnsafeBytes { data in
                    withRowPointer(tables) { rows in
                        cic_jpeg_read_quant_tables(
                            data.baseAddress!, data.count, rows, &count, components.baseAddress!, &diagnostics)
                    }
                }
            }
        }
        guard ok else { return nil }
        // The shim leaves undefined slots all zero; a defined table of zeros could not dequantize anything.
        let slots: [[UInt16]?] = (0..<4).map { slot in
            let table = Array(storage[(slot * 64)..<(slot * 64 + 64)])
            return slot < Int(count) && table.contains { $0 != 0 } ? table : nil
        }
        let componentSlots = components.prefix { $0 >= 0 }.map(Int.init)
        guard let first = componentSlots.first, first < 4, slots[first] != nil else { return nil }
        return QuantizationTables(slots: slots, componentSlots: componentSlots)
    }

    /// The IJG quality (1…100) whose luminance table comes closest to the file's, by least squares over
    /// the 64 entries (a tie keeps the lower quality). Optional so that a later estimator may decline;
    /// this one always answers, since `read` guarantees a luminance table.
    ///
    /// For libjpeg-made files it is the quality the encoder was given; for other encoders only the
    /// nearest equivalent on libjpeg's scale (about 93 for a Canon PowerShot "Fine", 99 for Photoshop's
    /// quality 12).
    func estimatedQuality() -> Double? {
        let table = luminance
        var best: (quality: Int, error: Int)?
        for quality in 1...100 {
            let reference = Self.ijgTable(Self.standardLuminance, quality: quality, maximum: Self.maximum(of: table))
            var error = 0
            for k in 0..<64 {
                let d = Int(table[k]) - Int(reference[k])
                error += d * d
            }
            if best == nil || error < best!.error { best = (quality, error) }
        }
        return best.map { Double($0.quality) }
    }

    /// Whether every component's table is exactly libjpeg's standard table at the estimated quality:
    /// the luminance table for components sharing the first component's slot, the chrominance table for
    /// the others (libjpeg's `jpeg_set_colorspace` puts Cb and Cr in slot 1, everything else in slot 0).
    ///
    /// True for what libjpeg-based encoders write with one quality setting; false for camera and
    /// Photoshop tables, for mozjpeg's default tables, and for separate luma/chroma qualities.
    func matchesIJGExactly() -> Bool {
        guard let estimate = estimatedQuality() else { return false }
        let quality = Int(estimate)
        let lumaSlot = componentSlots[0]
        for slot in componentSlots {
            guard let table = table(slot) else { return false }
            let base = slot == lumaSlot ? Self.standardLuminance : Self.standardChrominance
            if table != Self.ijgTable(base, quality: quality, maximum: Self.maximum(of: table)) { return false }
        }
        return true
    }

    /// A short stable name for the luminance table (first 16 hex digits of the SHA-256 of its 64
    /// entries as big-endian 16-bit values in natural order), for matching against tables of known
    /// encoders such as Photoshop's quality levels.
    func tableSignature() -> String {
        let bytes = luminance.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        return String(SHA256.hexDigest(of: bytes).prefix(16))
    }

    private func table(_ slot: Int) -> [UInt16]? { (0..<4).contains(slot) ? slots[slot] : nil }

    // MARK: - libjpeg's standard tables

    /// Luminance example table of ITU-T T.81 Annex K (Table K.1), natural order, as libjpeg's jcparam.c
    /// `std_luminance_quant_tbl`; "good" quality as given, which libjpeg calls quality 50.
    static let standardLuminance: [UInt16] = [
        16, 11, 10, 16, 24, 40, 51, 61,
        12, 12, 14, 19, 26, 58, 60, 55,
        14, 13, 16, 24, 40, 57, 69, 56,
        14, 17, 22, 29, 51, 87, 80, 62,
        18, 22, 37, 56, 68, 109, 103, 77,
        24, 35, 55, 64, 81, 104, 113, 92,
        49, 64, 78, 87, 103, 121, 120, 101,
        72, 92, 95, 98, 112, 100, 103, 99,
    ]

    /// Chrominance example table of ITU-T T.81 Annex K (Table K.2), as jcparam.c
    /// `std_chrominance_quant_tbl`.
    static let standardChrominance: [UInt16] = [
        17, 18, 24, 47, 99, 99, 99, 99,
        18, 21, 26, 66, 99, 99, 99, 99,
        24, 26, 56, 99, 99, 99, 99, 99,
        47, 66, 99, 99, 99, 99, 99, 99,
        99, 99, 99, 99, 99, 99, 99, 99,
        99, 99, 99, 99, 99, 99, 99, 99,
        99, 99, 99, 99, 99, 99, 99, 99,
        99, 99, 99, 99, 99, 99, 99, 99,
    ]

    /// libjpeg's table for `quality`, as jcparam.c computes it: `jpeg_quality_scaling` turns the
    /// quality into a percentage, scale = q < 50 ? 5000 / q : 200 − 2q (integer division), and
    /// `jpeg_add_quant_table` makes each entry (base × scale + 50) / 100, clamped to 1…`maximum`.
    ///
    /// `maximum` is 255 when the encoder forces baseline (`jpeg_set_quality(…, TRUE)`: Pillow, GIMP,
    /// ImageMagick) and 32767 otherwise (cjpeg without `-baseline` at low qualities writes 16-bit
    /// tables); see `maximum(of:)`.
    static func ijgTable(_ base: [UInt16], quality: Int, maximum: Int) -> [UInt16] {
        let q = min(max(quality, 1), 100)
        let scale = q < 50 ? 5000 / q : 200 - 2 * q
        return base.map { UInt16(min(max((Int($0) * scale + 50) / 100, 1), maximum)) }
    }

    /// The clamp libjpeg must have used if it wrote `table`: entries above 255 mean baseline was not
    /// forced. For tables that fit in 8 bits both clamps agree, so the choice never hides a mismatch.
    private static func maximum(of table: [UInt16]) -> Int { (table.max() ?? 0) > 255 ? 32767 : 255 }

    /// Hands the shim's `uint16_t[4][64]` parameter a view of `storage`, whose 256 contiguous values
    /// have the same layout as four rows of 64; the row type is inferred from the C declaration.
    private static func withRowPointer<Row, Result>(
        _ storage: UnsafeMutableBufferPointer<UInt16>, _ body: (UnsafeMutablePointer<Row>) -> Result
    ) -> Result {
        precondition(MemoryLayout<Row>.stride == 64 * MemoryLayout<UInt16>.stride && storage.count == 4 * 64)
        return UnsafeMutableRawPointer(storage.baseAddress!).withMemoryRebound(to: Row.self, capacity: 4, body)
    }
}

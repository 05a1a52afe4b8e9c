/// Options of the per-file checks.
public struct InspectOptions: Sendable, Equatable {
    public var limits: DecodeLimits
    /// Long side, in pixels, that the heuristics work at: JPEGs are decoded with the largest DCT
    /// scaling (1/2, 1/4, 1/8) that keeps at least this many pixels, PNGs shrunk by the same factor
    /// while they are decoded. Nil decodes at full size.
    public var workingLongSide: Int?

    public init(limits: DecodeLimits = DecodeLimits(), workingLongSide: Int? = 1024) {
        self.limits = limits
        self.workingLongSide = workingLongSide
    }
}

/// The result of checking one file: its report, and its upright pixels when it could be decoded.
public struct FileAnalysis: Sendable {
    public var report: FileReport
    public var image: DecodedImage?
    /// The editing traces, typed, for the judge (the report carries them under their `measures` keys).
    var editing = EditingMeasurement()
    /// The bytes the pixels came from, for reading a page at a larger scale; nil when not decoded.
    var encoded: EncodedImage?

    init(report: FileReport, image: DecodedImage?, editing: EditingMeasurement = EditingMeasurement()) {
        self.report = report
        self.image = image
        self.editing = editing
    }
}

/// Probe, metadata and decode of one file: reads it once, never modifies it, never throws.
public enum FileInspector {
    /// Checks the file at `path`; `reportedPath` is what the report calls it (defaults to `path`).
    /// A link named here is followed, since the caller chose it; uploads found by the folder scan
    /// are read through `inspect(rawPath:)`, which follows none.
    public static func inspect(
        fileAt path: String, reportedAs reportedPath: String? = nil, options: InspectOptions = InspectOptions()
    ) -> FileAnalysis {
        analyse(reportedAs: reportedPath ?? path, options: options) { () throws(ICPCheckError) in
            try FileReader.read(namedPath: path, maxBytes: options.limits.maxFileBytes)
        }
    }

    /// Checks the file at a raw path (file names need not be UTF-8).
    static func inspect(rawPath: [UInt8], reportedAs name: String, options: InspectOptions) -> FileAnalysis {
        analyse(reportedAs: name, options: options) { () throws(ICPCheckError) in
            try FileReader.read(path: rawPath, maxBytes: options.limits.maxFileBytes)
        }
    }

    private static func analyse(
        reportedAs name: String, options: InspectOptions, reading: () throws(ICPCheckError) -> FileReader.Contents
    ) -> FileAnalysis {
        do {
            return inspect(try reading(), reportedAs: name, options: options)
        } catch {
            return unread(error, reportedAs: name)
        }
    }

    /// Checks a file's contents, read already; `digest` is their SHA-256 where it is known.
    static func inspect(_ contents: FileReader.Contents, reportedAs name: String, options: InspectOptions, digest: String? = nil) -> FileAnalysis {
        var analysis = inspect(bytes: contents.bytes, path: name, options: options, digest: digest)
        if contents.changedWhileReading { analysis.report.findings.insert(.changedWhileReading, at: 0) }
        return analysis
    }

    /// The report of a file that could not be read: the reason, as its finding.
    static func unread(_ error: ICPCheckError, reportedAs name: String) -> FileAnalysis {
        var size = 0
        if error.code == FindingCode.fileTooLarge, let announced = error.underlying.flatMap({ Int($0) }) {
            size = announced
        }
        let format = FormatInfo(detected: .unknown, extensionMatches: false)
        var report = FileReport(path: name, bytes: size, sha256: nil, format: format)
        report.findings.append(Finding(error))
        return FileAnalysis(report: report, image: nil)
    }

    /// Checks a file's bytes, already in memory; `path` names it and gives its extension.
    public static func inspect(bytes: [UInt8], path: String, options: InspectOptions = InspectOptions()) -> FileAnalysis {
        inspect(bytes: bytes, path: path, options: options, digest: nil)
    }

    private static func inspect(bytes: [UInt8], path: String, options: InspectOptions, digest: String?) -> FileAnalysis {
        let detected = ImageFormat.sniff(bytes)
        let fileExtension = Self.fileExtension(of: path)
        var format = FormatInfo(detected: detected, extensionMatches: detected.extensions.contains(fileExtension))
        let digest = digest ?? bytes.withUnsafeBytes { SHA256.hexDigest(of: $0) }
        var report = FileReport(path: path, bytes: bytes.count, sha256: digest, format: format)
        guard !bytes.isEmpty else {
            report.findings.append(
                Finding(ICPCheckError(
                    code: FindingCode.empty, message: "The file is empty (0 bytes); export it again.",
                    messageZh: "文件为空（0 字节），请重新导出并上传原文件。")))
            return FileAnalysis(report: report, image: nil)
        }
        guard detected.isDecodable else {
            report.findings.append(.unsupported(detected))
            return FileAnalysis(report: report, image: nil)
        }
        if !detected.isSupported {
            // Refused all the same; its picture still tells which material it is and what else is wrong.
            report.findings.append(.unsupported(detected))
        } else if !format.extensionMatches {
            report.findings.append(.extensionMismatch(detected: detected, fileExtension: fileExtension))
        }
        var stage = DecodeStage(bytes: bytes, options: options)
        stage.decode(detected, into: &format)
        if format.dpi == nil, let exif = stage.exif, let x = exif.xResolution, x > 0 {
            // EXIF resolution when the container records none: unit 2 = inch, 3 = centimetre.
            if exif.resolutionUnit == 2 { format.dpi = x }
            if exif.resolutionUnit == 3 { format.dpi = x * 2.54 }
        }
        // Editing traces are measured on what decoding left: the stored size, the thumbnail, the pixels.
        let editing = EditingMeasures.measure(
            bytes: bytes, format: format, thumbnail: stage.thumbnail, image: stage.image,
            orientation: stage.orientation)
        report.format = format
        report.exif = stage.exif
        // The two sets of keys never overlap; the decode's value would win if they did.
        report.measures = stage.measures.merging(editing.reportMeasures) { decoded, _ in decoded }
        report.findings += stage.findings
        var analysis = FileAnalysis(report: report, image: stage.image, editing: editing)
        if stage.image != nil, let width = format.width, let height = format.height {
            analysis.encoded = EncodedImage(
                bytes: bytes, format: detected, orientation: stage.orientation, width: width, height: height, limits: options.limits)
        }
        return analysis
    }

    /// Lower-case extension without the dot; empty when the name has none.
    static func fileExtension(of path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
        return name[name.index(after: dot)...].lowercased()
    }
}

import CTextReader
import Foundation
import Synchronization

/// One line of text Tesseract recognised: its box in the pixels it was given, its text and its
/// mean confidence (0–1).
struct TextLine: Sendable, Equatable {
    var text: String
    var confidence: Double
    var box: PixelBox
    /// The words of the line with three digits or more, together: where a number was read.
    var numberBox: PixelBox?
    /// Each word with its own confidence (the line's is their mean): a name is as sure as its
    /// least sure word. Empty for a word itself.
    var words: [ReadWord] = []

    init(text: String, confidence: Double, box: PixelBox, numberBox: PixelBox? = nil, words: [ReadWord] = []) {
        self.text = text
        self.confidence = confidence
        self.box = box
        self.numberBox = numberBox
        self.words = words
    }
}

/// One word as Tesseract read it (a Chinese "word" is one to a few characters), and how sure it was (0–1).
struct ReadWord: Sendable, Equatable {
    var text: String
    var confidence: Double
}

extension TextLine {
    /// The words of one line as one line: separated by a space, or by `|` where the gap between
    /// two is wider than twice the line's height (another column, or a label's value far to its
    /// right), so a value read after a label stops where its column does.
    init(words: [TextLine]) {
        let sorted = words.sorted { $0.box.x < $1.box.x }
        let height = sorted.map(\.box.height).max() ?? 0
        var text = ""
        for (index, word) in sorted.enumerated() {
            if index > 0 {
                let previous = sorted[index - 1].box
                text += word.box.x - (previous.x + previous.width) > 2 * height ? " | " : " "
            }
            text += word.text
        }
        let x0 = sorted.map(\.box.x).min() ?? 0, y0 = sorted.map(\.box.y).min() ?? 0
        let x1 = sorted.map { $0.box.x + $0.box.width }.max() ?? 0, y1 = sorted.map { $0.box.y + $0.box.height }.max() ?? 0
        let confidence = sorted.isEmpty ? 0 : sorted.map(\.confidence).reduce(0, +) / Double(sorted.count)
        let numbers = sorted.filter { $0.text.filter { $0.isASCII && $0.isNumber }.count >= 3 }.map { $0.numberBox ?? $0.box }
        self.init(text: text.trimmingCharacters(in: .whitespaces), confidence: confidence,
                  box: PixelBox(x: x0, y: y0, width: x1 - x0, height: y1 - y0), numberBox: PixelBox.union(numbers),
                  words: sorted.flatMap { $0.words.isEmpty ? [ReadWord(text: $0.text, confidence: $0.confidence)] : $0.words })
    }
}

/// A rectangle in pixels: left, top, and its size.
struct PixelBox: Sendable, Hashable {
    var x: Int, y: Int, width: Int, height: Int

    /// Its width over its height: about how many characters a line in it holds, the unit the
    /// reading budget counts in.
    var characterWidths: Int { width / max(1, height) }

    /// The box moved right by `x` and down by `y` pixels.
    func moved(x dx: Int, y dy: Int) -> PixelBox {
        PixelBox(x: x + dx, y: y + dy, width: width, height: height)
    }

    /// Whether `other`'s centre lies in this box.
    func contains(centreOf other: PixelBox) -> Bool {
        let cx = other.x + other.width / 2, cy = other.y + other.height / 2
        return cx >= x && cx < x + width && cy >= y && cy < y + height
    }

    /// The smallest box around all of `boxes`; nil for none.
    static func union(_ boxes: [PixelBox]) -> PixelBox? {
        guard let x0 = boxes.map(\.x).min(), let y0 = boxes.map(\.y).min(),
              let x1 = boxes.map({ $0.x + $0.width }).max(), let y1 = boxes.map({ $0.y + $0.height }).max() else { return nil }
        return PixelBox(x: x0, y: y0, width: x1 - x0, height: y1 - y0)
    }
}

/// One Tesseract engine, with its models loaded. Not thread-safe: a worker takes one from
/// `TextEngines` for the file it reads and gives it back.
final class TextEngine {
    private let handle: OpaquePointer

    /// How the pixels are laid out, for Tesseract's page segmentation.
    enum Segmentation: Int32 {
        /// A page or card: blocks and lines found by Tesseract's layout analysis.
        case page = 3
        /// One uniform block of text.
        case block = 6
        /// A single line.
        case line = 7
    }

    init(languages: String) throws(TextEngineError) {
        var error = [CChar](repeating: 0, count: 256)
        guard let handle = tr_engine_create(languages, &error, error.count) else {
            throw TextEngineError(reason: String(decoding: error.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
        }
        self.handle = handle
    }

    deinit { tr_engine_destroy(handle) }

    /// "5.3.0".
    static var version: String { String(cString: tr_version()) }

    /// The lines Tesseract reads in `picture`; empty when it read nothing or ran out of time.
    /// - Parameters:
    ///   - allowed: the only characters it may read (nil: any).
    ///   - deadlineMilliseconds: the most time it may take.
    func lines(in picture: GreyPicture, segmentation: Segmentation, allowed: String? = nil, deadlineMilliseconds: Int) -> [TextLine] {
        var lines: UnsafeMutablePointer<tr_line>?
        var count: Int32 = 0
        let status = picture.pixels.withUnsafeBufferPointer { pixels in
            tr_recognise(
                handle, pixels.baseAddress, Int32(picture.width), Int32(picture.height), Int32(picture.width),
                segmentation.rawValue, allowed, Int32(deadlineMilliseconds), &lines, &count)
        }
        defer { tr_lines_free(lines, count) }
        guard status == 0, let lines else { return [] }
        var words: [(line: Int, word: TextLine)] = []
        for index in 0..<Int(count) {
            let word = lines[index]
            guard let text = word.text else { continue }
            let box = PixelBox(x: Int(word.left), y: Int(word.top), width: Int(word.right - word.left), height: Int(word.bottom - word.top))
            words.append((Int(word.line), TextLine(text: String(cString: text), confidence: Double(word.confidence) / 100, box: box)))
        }
        return Dictionary(grouping: words, by: \.line).sorted { $0.key < $1.key }.map { TextLine(words: $0.value.map(\.word)) }
    }

    /// The boxes of the text lines Tesseract's layout analysis finds, without reading them.
    func lineBoxes(in picture: GreyPicture) -> [PixelBox] {
        var lines: UnsafeMutablePointer<tr_line>?
        var count: Int32 = 0
        let status = picture.pixels.withUnsafeBufferPointer { pixels in
            tr_layout(handle, pixels.baseAddress, Int32(picture.width), Int32(picture.height), Int32(picture.width), &lines, &count)
        }
        defer { tr_lines_free(lines, count) }
        guard status == 0, let lines else { return [] }
        return UnsafeBufferPointer(start: lines, count: Int(count)).map {
            PixelBox(x: Int($0.left), y: Int($0.top), width: Int($0.right - $0.left), height: Int($0.bottom - $0.top))
        }
    }
}

/// Why Tesseract could not be started (its models are not installed).
struct TextEngineError: Error, Sendable, Equatable {
    var reason: String
}

/// A worker's two engines: Simplified Chinese for the text (its model reads digits and Latin
/// letters too, and adding English to it makes Tesseract read many Chinese characters as Latin
/// junk), and English alone for re-reading numbers, which it reads more surely (no stray letters
/// from a thin serif font).
struct TextEnginePair {
    let text: TextEngine
    let numbers: TextEngine
}

/// The engines of a process: created on first use, one pair per worker reading at the same time,
/// and kept for the next file (loading the models takes far longer than reading a card).
final class TextEngines: Sendable {
    static let shared = TextEngines(text: "chi_sim", numbers: "eng")

    private let textLanguages: String
    private let numberLanguages: String
    private let idle = Mutex<[UnsafeTransfer]>([])
    private let failure = Mutex<TextEngineError?>(nil)

    init(text: String, numbers: String) {
        textLanguages = text
        numberLanguages = numbers
    }

    /// "tesseract 5.3.0 (chi_sim, eng)".
    var description: String { "tesseract \(TextEngine.version) (\(textLanguages), \(numberLanguages))" }

    /// Runs `body` with engines of its own; fails when the models cannot be loaded (then every
    /// later call fails at once too, rather than trying again for each file).
    func withEngines<Result>(_ body: (TextEnginePair) -> Result) -> Swift.Result<Result, TextEngineError> {
        if let error = failure.withLock({ $0 }) { return .failure(error) }
        let engines: TextEnginePair
        if let reused = idle.withLock({ $0.popLast() }) {
            engines = reused.engines
        } else {
            do { engines = TextEnginePair(text: try TextEngine(languages: textLanguages), numbers: try TextEngine(languages: numberLanguages)) } catch {
                failure.withLock { $0 = error }
                return .failure(error)
            }
        }
        defer { idle.withLock { $0.append(UnsafeTransfer(engines: engines)) } }
        return .success(body(engines))
    }

    /// Idle engines: only one worker holds them at a time, so they may cross threads.
    private struct UnsafeTransfer: @unchecked Sendable {
        let engines: TextEnginePair
    }
}

import Foundation

/// Why a face-detection cascade could not be used: the file is missing, unreadable, malformed or of a kind
/// this detector does not evaluate.
enum CascadeError: Error, Sendable, Equatable, CustomStringConvertible {
    case missingFile(path: String)
    case unreadable(path: String, reason: String)
    case malformed(source: String, detail: String)
    case unsupported(source: String, detail: String)

    var description: String {
        switch self {
        case .missingFile(let path):
            "No face-detection cascade at \(path): install the Debian package opencv-data "
                + "(apt-get install opencv-data), or set ICPCHECK_CASCADE to an OpenCV Haar cascade XML file."
        case .unreadable(let path, let reason): "The face-detection cascade \(path) cannot be read: \(reason)."
        case .malformed(let source, let detail): "The face-detection cascade \(source) is malformed: \(detail)."
        case .unsupported(let source, let detail): "The face-detection cascade \(source) is not supported: \(detail)."
        }
    }
}

/// One weighted rectangle of a Haar feature, in pixels of the cascade's detection window.
struct HaarRect: Sendable, Equatable {
    var x, y, width, height: Int
    var weight: Float
}

/// A boosted cascade of Haar-feature decision trees in OpenCV's `opencv_traincascade` XML format, kept as
/// flat arrays (struct of arrays) so that the detector walks memory in order.
///
/// Stages run in order; each sums the leaf values its trees reach and rejects the window below its threshold.
/// A tree's internal node compares a normalised feature value with its threshold and goes to `left` when
/// below, else `right`; a child above 0 is another node of the same tree, a child `c ≤ 0` is leaf `-c`.
struct HaarCascade: Sendable {
    /// Size of the detection window the features are defined in (24 × 24 for the frontal-face cascades).
    var windowWidth: Int
    var windowHeight: Int
    /// Per stage: the threshold as stored, and how many trees it sums.
    var stageThresholds: [Float]
    var stageTreeCounts: [Int]
    /// Per tree, in stage order: its number of internal nodes (1 for a stump).
    var treeNodeCounts: [Int]
    /// Internal nodes, tree after tree; child indices are relative to the tree.
    var nodeLeft: [Int32]
    var nodeRight: [Int32]
    var nodeFeature: [Int32]
    var nodeThreshold: [Float]
    /// Leaf values, tree after tree: `nodeCount + 1` for each tree.
    var leafValues: [Float]
    /// Three rectangles per feature; a two-rectangle feature has a third of weight 0.
    var featureRects: [HaarRect]

    var featureCount: Int { featureRects.count / 3 }
    var isStumpBased: Bool { treeNodeCounts.allSatisfy { $0 == 1 } }

    /// Parses the UTF-8 bytes of a cascade XML; `source` names it in errors. Refuses stage types other than
    /// BOOST, feature types other than HAAR, tilted features and the old `opencv-haar-classifier` format.
    init(xml bytes: [UInt8], source: String = "XML") throws(CascadeError) {
        let tree = try XMLTree(bytes: bytes, source: source)
        func fail(_ detail: String) -> CascadeError { .malformed(source: source, detail: detail) }
        guard let storage = tree.root, tree.name(storage) == "opencv_storage", let root = tree.firstChild(storage)
        else {
            throw fail("no <opencv_storage> element holding a cascade")
        }
        guard let stageType = tree.child("stageType", of: root).map(tree.text) else {
            if tree.child("stages", of: root) != nil {
                throw .unsupported(source: source, detail: "old-format (opencv-haar-classifier) cascades are not read")
            }
            throw fail("no <stageType>")
        }
        guard stageType == "BOOST" else {
            throw .unsupported(source: source, detail: "stage type \(stageType); only BOOST cascades are evaluated")
        }
        let featureType = tree.child("featureType", of: root).map(tree.text) ?? "(none)"
        guard featureType == "HAAR" else {
            throw .unsupported(source: source, detail: "feature type \(featureType); only HAAR cascades are evaluated")
        }
        windowWidth = try tree.integer("width", of: root)
        windowHeight = try tree.integer("height", of: root)
        guard windowWidth > 2, windowHeight > 2 else { throw fail("window of \(windowWidth) × \(windowHeight) pixels") }
        if let params = tree.child("featureParams", of: root), tree.child("maxCatCount", of: params) != nil,
            try tree.integer("maxCatCount", of: params) != 0
        {
            throw .unsupported(source: source, detail: "categorical features (maxCatCount > 0)")
        }
        guard let features = tree.child("features", of: root) else { throw fail("no <features>") }
        featureRects = []
        for (index, feature) in tree.children(features).enumerated() {
            if let tilted = tree.child("tilted", of: feature), try tree.numbers(tilted) != [0] {
                throw .unsupported(source: source, detail: "feature \(index) is tilted (45° Haar features)")
            }
            guard let rects = tree.child("rects", of: feature) else { throw fail("feature \(index) has no <rects>") }
            let items = tree.children(rects)
            guard (2...3).contains(items.count) else { throw fail("feature \(index) has \(items.count) rectangles") }
            for item in items {
                let n = try tree.numbers(item)
                guard n.count == 5, n[0...3].allSatisfy({ $0 == $0.rounded() && abs($0) < 1e6 }) else {
                    throw fail("feature \(index): a rectangle is not \"x y width height weight\"")
                }
                let rect = HaarRect(
                    x: Int(n[0]), y: Int(n[1]), width: Int(n[2]), height: Int(n[3]), weight: Float(n[4]))
                guard rect.x >= 0, rect.y >= 0, rect.width > 0, rect.height > 0, rect.x + rect.width <= windowWidth,
                    rect.y + rect.height <= windowHeight
                else { throw fail("feature \(index) has a rectangle outside the window") }
                featureRects.append(rect)
            }
            if items.count == 2 { featureRects.append(HaarRect(x: 0, y: 0, width: 0, height: 0, weight: 0)) }
        }
        (stageThresholds, stageTreeCounts, treeNodeCounts) = ([], [], [])
        (nodeLeft, nodeRight, nodeFeature, nodeThreshold, leafValues) = ([], [], [], [], [])
        guard let stages = tree.child("stages", of: root), !tree.children(stages).isEmpty else {
            throw fail("no stages")
        }
        for (stageIndex, stage) in tree.children(stages).enumerated() {
            let weak = tree.child("weakClassifiers", of: stage).map(tree.children) ?? []
            guard let threshold = tree.child("stageThreshold", of: stage), !weak.isEmpty else {
                throw fail("stage \(stageIndex) lacks <stageThreshold> or <weakClassifiers>")
            }
            let thresholdValues = try tree.numbers(threshold)
            guard thresholdValues.count == 1 else { throw fail("stage \(stageIndex) has a bad <stageThreshold>") }
            stageThresholds.append(Float(thresholdValues[0]))
            stageTreeCounts.append(weak.count)
            for (treeIndex, classifier) in weak.enumerated() {
                let place = "tree \(treeIndex) of stage \(stageIndex)"
                guard let nodesElement = tree.child("internalNodes", of: classifier),
                    let leavesElement = tree.child("leafValues", of: classifier)
                else { throw fail("\(place) lacks <internalNodes> or <leafValues>") }
                let nodes = try tree.numbers(nodesElement)
                let leaves = try tree.numbers(leavesElement)
                let count = nodes.count / 4
                guard count > 0, nodes.count == count * 4, leaves.count == count + 1 else {
                    throw fail("\(place): \(nodes.count) node numbers (groups of 4) and \(leaves.count) leaves")
                }
                for node in 0..<count {
                    let (left, right, feature) = (nodes[4 * node], nodes[4 * node + 1], nodes[4 * node + 2])
                    for child in [left, right]
                    where child != child.rounded() || child > Double(count - 1)
                        || (child > 0 && child <= Double(node)) || child < -Double(count)
                    {
                        throw fail("\(place): node \(node) has child \(child)")
                    }
                    guard feature == feature.rounded(), feature >= 0, feature < Double(featureCount) else {
                        throw fail("\(place): node \(node) uses feature \(feature) of \(featureCount)")
                    }
                    nodeLeft.append(Int32(left))
                    nodeRight.append(Int32(right))
                    nodeFeature.append(Int32(feature))
                    nodeThreshold.append(Float(nodes[4 * node + 3]))
                }
                treeNodeCounts.append(count)
                leafValues += leaves.map { Float($0) }
            }
        }
    }
}

/// The element tree of an XML document, over its UTF-8 bytes: names, content ranges and links. Enough for
/// OpenCV's storage files: declarations, comments and attributes are skipped, entities are not decoded.
private struct XMLTree {
    struct Element {
        var name: Range<Int>
        var content: Range<Int>
        var firstChild = -1
        var nextSibling = -1
    }

    let bytes: [UInt8]
    let source: String
    private(set) var elements: [Element] = []

    var root: Int? { elements.isEmpty ? nil : 0 }

    /// Scans the whole document once; throws on unbalanced or unterminated tags.
    init(bytes: [UInt8], source: String) throws(CascadeError) {
        self.bytes = bytes
        self.source = source
        var open: [Int] = []  // elements whose end tag is still to come
        var lastChild: [Int] = []  // of each open element, -1 before its first
        var i = 0
        let n = bytes.count
        func find(_ pattern: String, from start: Int) -> Int? {
            let p = Array(pattern.utf8)
            var k = start
            while k + p.count <= n {
                if bytes[k] == p[0], bytes[k..<k + p.count].elementsEqual(p) { return k + p.count }
                k += 1
            }
            return nil
        }
        func malformed(_ detail: String) -> CascadeError { .malformed(source: source, detail: detail) }
        while i < n {
            guard bytes[i] == UInt8(ascii: "<") else {
                i += 1
                continue
            }
            guard i + 1 < n else { throw malformed("the document ends inside a tag") }
            let marker = bytes[i + 1]
            if marker == UInt8(ascii: "?") || marker == UInt8(ascii: "!") {
                let isComment = bytes[i...].starts(with: Array("<!--".utf8))
                guard let end = find(isComment ? "-->" : ">", from: i + 2) else {
                    throw malformed("unterminated comment or declaration")
                }
                i = end
                continue
            }
            guard let close = find(">", from: i + 1) else { throw malformed("unterminated tag") }
            let isEnd = marker == UInt8(ascii: "/")
            var nameEnd = i + (isEnd ? 2 : 1)
            while nameEnd < close - 1, !Self.isNameEnd(bytes[nameEnd]) { nameEnd += 1 }
            let name = (i + (isEnd ? 2 : 1))..<nameEnd
            if isEnd {
                guard let top = open.popLast(), bytes[elements[top].name].elementsEqual(bytes[name]) else {
                    throw malformed("unexpected </\(String(decoding: bytes[name], as: UTF8.self))>")
                }
                lastChild.removeLast()
                elements[top].content = elements[top].content.lowerBound..<i
            } else {
                let index = elements.count
                elements.append(Element(name: name, content: close..<close))
                if let parent = open.last {
                    if lastChild[open.count - 1] >= 0 {
                        elements[lastChild[open.count - 1]].nextSibling = index
                    } else {
                        elements[parent].firstChild = index
                    }
                    lastChild[open.count - 1] = index
                } else if index != 0 {
                    throw malformed("more than one top-level element")
                }
                if bytes[close - 2] != UInt8(ascii: "/") {
                    open.append(index)
                    lastChild.append(-1)
                }
            }
            i = close
        }
        guard open.isEmpty else { throw malformed("unclosed <\(name(open.last!))>") }
    }

    private static func isNameEnd(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == UInt8(ascii: "/")
            || byte == UInt8(ascii: ">")
    }

    func name(_ element: Int) -> String { String(decoding: bytes[elements[element].name], as: UTF8.self) }

    func firstChild(_ element: Int) -> Int? { elements[element].firstChild >= 0 ? elements[element].firstChild : nil }

    func children(_ element: Int) -> [Int] {
        var result: [Int] = []
        var child = elements[element].firstChild
        while child >= 0 {
            result.append(child)
            child = elements[child].nextSibling
        }
        return result
    }

    func child(_ name: String, of element: Int) -> Int? {
        let wanted = Array(name.utf8)
        return children(element).first { bytes[elements[$0].name].elementsEqual(wanted) }
    }

    /// The element's content with surrounding white space removed.
    func text(_ element: Int) -> String {
        String(decoding: bytes[elements[element].content], as: UTF8.self).trimmingCharacters(
            in: .whitespacesAndNewlines)
    }

    /// The white-space-separated numbers of a leaf element.
    func numbers(_ element: Int) throws(CascadeError) -> [Double] {
        var result: [Double] = []
        for token in bytes[elements[element].content].split(whereSeparator: { $0 <= 0x20 }) {
            guard let value = Double(String(decoding: token, as: UTF8.self)), value.isFinite else {
                let shown = String(decoding: token.prefix(40), as: UTF8.self)
                throw .malformed(source: source, detail: "\"\(shown)\" in <\(name(element))> is not a number")
            }
            result.append(value)
        }
        return result
    }

    func integer(_ name: String, of element: Int) throws(CascadeError) -> Int {
        guard let child = child(name, of: element), case let values = try numbers(child), values.count == 1,
            values[0] == values[0].rounded(), abs(values[0]) < 1e9
        else { throw .malformed(source: source, detail: "no integer <\(name)>") }
        return Int(values[0])
    }
}

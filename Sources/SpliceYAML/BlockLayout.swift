/// The indentation habits of one document, read from the document itself so that new
/// lines look like their neighbours.
public struct BlockLayout: Sendable, Equatable {
    /// Spaces from a key to the keys of its nested block mapping.
    public var mappingIndent: Int
    /// Spaces from a key to the `-` of its block sequence (0 for indentless sequences).
    public var sequenceIndent: Int
    /// Spaces from a `-` to the content of its item.
    public var itemIndent: Int
    /// Spaces from the line of a multi-line flow mapping's `{` to its keys (JSON documents).
    public var flowIndent: Int

    /// Makes a layout.
    public init(mappingIndent: Int = 2, sequenceIndent: Int = 0, itemIndent: Int = 2, flowIndent: Int = 2) {
        self.mappingIndent = mappingIndent
        self.sequenceIndent = sequenceIndent
        self.itemIndent = itemIndent
        self.flowIndent = flowIndent
    }

    /// Reads the most common indentation steps of `root` (defaults where it has none).
    public static func infer(from root: YAMLNode, in source: YAMLSource) -> BlockLayout {
        var mapping: [Int: Int] = [:]
        var sequence: [Int: Int] = [:]
        var item: [Int: Int] = [:]
        var flow: [Int: Int] = [:]
        // Every collection of the document, in source order; no recursion, however deep it nests.
        for node in root.subtree {
            if node.kind == .mapping {
                if node.isFlow, let first = node.pairs.first.map(source.entryStart),
                   source.lineIndex(ofByte: first) > source.lineIndex(ofByte: node.contentStart) {
                    let delta = source.byteColumn(of: first) - source.indentation(ofLineAt: node.contentStart)
                    if delta > 0 { flow[delta, default: 0] += 1 }
                }
                guard !node.isFlow else { continue }
                for pair in node.pairs {
                    let value = pair.value
                    // Only a nested block collection tells a step: most values are scalars.
                    guard value.kind != .scalar && value.kind != .alias && !value.isFlow else { continue }
                    let entry = source.entryStart(of: pair)
                    let keyColumn = source.byteColumn(of: entry)
                    let keyLine = source.lineIndex(ofByte: entry)
                    if value.kind == .mapping, !value.isFlow, let first = value.pairs.first.map(source.entryStart),
                       source.lineIndex(ofByte: first) > keyLine {
                        let delta = source.byteColumn(of: first) - keyColumn
                        if delta > 0 { mapping[delta, default: 0] += 1 }
                    }
                    if value.kind == .sequence, !value.isFlow, let first = value.items.first,
                       let dash = YAMLEditor.dashOffset(before: first, in: source), source.lineIndex(ofByte: dash) > keyLine {
                        let delta = source.byteColumn(of: dash) - keyColumn
                        if delta >= 0 { sequence[delta, default: 0] += 1 }
                    }
                }
            } else if node.kind == .sequence, !node.isFlow {
                for element in node.items {
                    if let dash = YAMLEditor.dashOffset(before: element, in: source),
                       source.lineIndex(ofByte: dash) == source.lineIndex(ofByte: element.start) {
                        item[source.byteColumn(of: element.start) - source.byteColumn(of: dash), default: 0] += 1
                    }
                }
            }
        }
        func mostCommon(_ counts: [Int: Int], _ fallback: Int) -> Int {
            counts.max { ($0.value, -$0.key) < ($1.value, -$1.key) }?.key ?? fallback
        }
        return BlockLayout(
            mappingIndent: mostCommon(mapping, 2), sequenceIndent: mostCommon(sequence, 0),
            itemIndent: mostCommon(item, 2), flowIndent: mostCommon(flow, mostCommon(mapping, 2)))
    }
}

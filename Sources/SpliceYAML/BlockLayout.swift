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
        var mapping = StepCounts()
        var sequence = StepCounts()
        var item = StepCounts()
        var flow = StepCounts()
        // Every collection of the document, in source order; no recursion, however deep it nests.
        for node in root.subtree {
            if node.kind == .mapping {
                if node.isFlow, let first = node.pairs.first.map(source.entryStart) {
                    let open = source.linePosition(of: node.contentStart)
                    let key = source.linePosition(of: first)
                    if key.line > open.line {
                        let delta = key.column - source.indentation(ofLineAt: node.contentStart)
                        if delta > 0 { flow.add(delta) }
                    }
                }
                guard !node.isFlow else { continue }
                for pair in node.pairs {
                    let value = pair.value
                    // Only a nested block collection tells a step: most values are scalars.
                    guard value.kind != .scalar && value.kind != .alias && !value.isFlow else { continue }
                    let key = source.linePosition(of: source.entryStart(of: pair))
                    if value.kind == .mapping, let first = value.pairs.first.map(source.entryStart) {
                        let child = source.linePosition(of: first)
                        if child.line > key.line && child.column > key.column { mapping.add(child.column - key.column) }
                    }
                    if value.kind == .sequence, let first = value.items.first, let dash = YAMLEditor.dashOffset(before: first, in: source) {
                        let child = source.linePosition(of: dash)
                        if child.line > key.line && child.column >= key.column { sequence.add(child.column - key.column) }
                    }
                }
            } else if node.kind == .sequence, !node.isFlow {
                for element in node.items {
                    guard let dash = YAMLEditor.dashOffset(before: element, in: source) else { continue }
                    let dashPosition = source.linePosition(of: dash)
                    let content = source.linePosition(of: element.start)
                    if dashPosition.line == content.line { item.add(content.column - dashPosition.column) }
                }
            }
        }
        let mappingIndent = mapping.mostCommon ?? 2
        return BlockLayout(
            mappingIndent: mappingIndent, sequenceIndent: sequence.mostCommon ?? 0,
            itemIndent: item.mostCommon ?? 2, flowIndent: flow.mostCommon ?? mappingIndent)
    }
}

/// How often each indentation step was seen: small steps in a fixed table, others by value.
private struct StepCounts {
    private var small = [Int](repeating: 0, count: 16)
    private var large: [Int: Int] = [:]

    /// Counts one more `step`.
    mutating func add(_ step: Int) {
        if step >= 0 && step < small.count { small[step] += 1 } else { large[step, default: 0] += 1 }
    }

    /// The step seen most often (the smallest of those tied), or nil when none was seen.
    var mostCommon: Int? {
        var best: (step: Int, count: Int)?
        func consider(_ step: Int, _ count: Int) {
            guard count > 0 else { return }
            if let current = best, (current.count, -current.step) >= (count, -step) { return }
            best = (step, count)
        }
        for (step, count) in small.enumerated() { consider(step, count) }
        for (step, count) in large { consider(step, count) }
        return best?.step
    }
}

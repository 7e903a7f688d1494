/// One node of a parsed YAML document, with its exact byte range in the source.
///
/// A node is a light reference into the flat tree its stream was parsed into: copying it
/// costs one reference count, and its children are views (``Items``, ``Pairs``) over the
/// tree, not arrays of their own.
///
/// `start` includes the node's anchor and tag. `end` is the end of its content: for a
/// block mapping or sequence the end of its last child (libyaml's own end mark sits
/// after trailing comments), for a clipped or stripped block scalar the end of its last
/// non-blank character, and for every other node libyaml's end mark. An empty node (a
/// value left out, `key:` or `key: !!str`) is zero-width just after its indicator or
/// its properties. Always `start <= contentStart <= end`.
public struct YAMLNode: Sendable {
    /// What sort of node this is.
    public enum Kind: Sendable, Equatable {
        case scalar
        case mapping
        case sequence
        case alias
    }

    /// The style a scalar was written in.
    public enum ScalarStyle: Sendable, Equatable {
        case plain
        case singleQuoted
        case doubleQuoted
        case literal
        case folded
    }

    /// The tree that holds the node.
    let tree: YAMLTree
    /// The node's index in the tree.
    let index: Int

    /// A reference to node `index` of `tree`.
    init(tree: YAMLTree, index: Int) {
        self.tree = tree
        self.index = index
    }

    private var record: NodeRecord { tree.records[index] }

    /// What sort of node this is.
    public var kind: Kind { record.kind }
    /// The byte offset where the node starts, its anchor and tag included.
    public var start: Int { Int(record.start) }
    /// The byte offset where the node's content ends.
    public var end: Int { Int(record.end) }
    /// The byte offset where the node's own text starts, after its anchor and tag.
    public var contentStart: Int { tree.properties(of: index).map { Int($0.contentStart) } ?? Int(record.start) }
    /// The scalar's value (empty for other kinds); for an alias, the anchor it refers to.
    public var value: String {
        let record = record
        return record.kind == .scalar || record.kind == .alias ? tree.value(record) : ""
    }
    /// The scalar's style (`.plain` for other kinds).
    public var scalarStyle: ScalarStyle { record.scalarStyle }
    /// Whether a mapping or sequence is written in flow style (`{...}`, `[...]`).
    public var isFlow: Bool { record.isFlow }
    /// Whether the node sits inside a flow collection (where, for one, a plain scalar may not
    /// hold `,` or brackets).
    public var isInFlowCollection: Bool { record.flags.contains(.inFlow) }
    /// Whether this is a flow mapping written without braces: a single `key: value` pair as
    /// an item of a flow sequence (`[a: 1, b]`). Its range is the pair's.
    public var isSinglePairMapping: Bool { record.flags.contains(.singlePair) }

    /// The explicit tag, if any, as libyaml resolves it (`tag:yaml.org,2002:str` for `!!str`).
    public var tag: String? {
        guard let run = tree.properties(of: index)?.tag else { return nil }
        return tree.string(run)
    }

    /// The anchor, if any.
    public var anchor: String? {
        guard let run = tree.properties(of: index)?.anchor else { return nil }
        return tree.string(run)
    }

    /// The items of a sequence (empty for other kinds).
    public var items: Items {
        let record = record
        guard record.kind == .sequence else { return Items(tree: tree, base: 0, count: 0) }
        return Items(tree: tree, base: Int(record.first), count: Int(record.count))
    }

    /// The key/value pairs of a mapping, in source order (empty for other kinds).
    public var pairs: Pairs {
        let record = record
        guard record.kind == .mapping else { return Pairs(tree: tree, base: 0, count: 0) }
        return Pairs(tree: tree, base: Int(record.first), count: Int(record.count) / 2)
    }

    /// The byte range of the node.
    public var range: Range<Int> {
        let record = record
        return Int(record.start)..<Int(record.end)
    }

    /// Whether this is a mapping.
    public var isMapping: Bool { kind == .mapping }
    /// Whether this is a sequence.
    public var isSequence: Bool { kind == .sequence }
    /// Whether this is a scalar.
    public var isScalar: Bool { kind == .scalar }

    /// Whether this scalar is YAML's null: an empty plain value, `~` or `null` without a tag.
    public var isNull: Bool {
        let record = record
        guard record.kind == .scalar, record.scalarStyle == .plain, tree.properties(of: index)?.tag == nil else { return false }
        switch record.count {
        case 0: return true
        case 1: return tree.value(record, equals: "~")
        case 4: return ["null", "Null", "NULL"].contains { tree.value(record, equals: $0) }
        default: return false
        }
    }

    /// Whether this scalar resolves to a string (quoted, block, or a plain value that is not
    /// a boolean, number or null under YAML 1.1, which Kubernetes' decoder follows).
    public var isString: Bool {
        guard kind == .scalar else { return false }
        if let tag { return tag == "tag:yaml.org,2002:str" || tag == "!!str" || tag == "!" }
        if scalarStyle != .plain { return true }
        return PlainScalar.resolvesToString(value)
    }

    /// Whether this node is a scalar whose value is `text`, compared without building a string.
    public func isScalar(withValue text: String) -> Bool {
        let record = record
        return record.kind == .scalar && tree.value(record, equals: text)
    }

    /// The pair whose key is the scalar `key` (the last one, as Kubernetes' decoder keeps).
    public func pair(forKey key: String) -> YAMLPair? {
        let record = record
        guard record.kind == .mapping else { return nil }
        // Straight over the tree's arrays, from the last pair: no node is made for the keys
        // that do not match (lookups are the hot path of every rule).
        let first = Int(record.first)
        var slot = first + Int(record.count) - 2
        while slot >= first {
            let keyIndex = Int(tree.children[slot])
            let keyRecord = tree.records[keyIndex]
            if keyRecord.kind == .scalar && tree.value(keyRecord, equals: key) {
                return YAMLPair(tree: tree, keyIndex: keyIndex, valueIndex: Int(tree.children[slot + 1]))
            }
            slot -= 2
        }
        return nil
    }

    /// The value of the scalar key `key` in this mapping.
    public subscript(key: String) -> YAMLNode? {
        pair(forKey: key)?.value
    }

    /// Whether this node, or any node under it, is an alias or carries an anchor.
    public var containsAliasOrAnchor: Bool {
        let records = tree.records
        for position in index..<Int(records[index].subtreeEnd) {
            let record = records[position]
            if record.kind == .alias || (record.flags.contains(.properties) && tree.properties(of: position)?.anchor != nil) { return true }
        }
        return false
    }

    /// The mapping or sequence that holds this node (nil for a document's root). Found by
    /// walking back through the nodes before it, so its cost grows with the size of the
    /// siblings that come before it.
    public var parent: YAMLNode? {
        let records = tree.records
        var position = index - 1
        while position >= 0 {
            if Int(records[position].subtreeEnd) > index { return YAMLNode(tree: tree, index: position) }
            position -= 1
        }
        return nil
    }

    /// The pair this node is the value of, when it is a value in a mapping.
    var pairOfValue: YAMLPair? {
        guard let parent, parent.kind == .mapping else { return nil }
        return parent.pairs.first { $0.valueIndex == index }
    }

    /// The nodes of this node's subtree, itself first, in source order (pre-order).
    public var subtree: Subtree { Subtree(tree: tree, range: index..<Int(tree.records[index].subtreeEnd)) }
}

extension YAMLNode: Equatable {
    /// Whether two references name the same node of the same parse.
    public static func == (lhs: YAMLNode, rhs: YAMLNode) -> Bool {
        lhs.tree === rhs.tree && lhs.index == rhs.index
    }
}

/// A key and its value in a mapping.
public struct YAMLPair: Sendable {
    /// The tree that holds the pair.
    let tree: YAMLTree
    /// The key's index in the tree.
    let keyIndex: Int
    /// The value's index in the tree.
    let valueIndex: Int

    /// The key node.
    public var key: YAMLNode { YAMLNode(tree: tree, index: keyIndex) }
    /// The value node.
    public var value: YAMLNode { YAMLNode(tree: tree, index: valueIndex) }

    /// Whether this is a merge key (`<<: *base`), which libyaml does not resolve.
    public var isMerge: Bool {
        let record = tree.records[keyIndex]
        return record.kind == .scalar && record.scalarStyle == .plain && tree.value(record, equals: "<<")
    }
}

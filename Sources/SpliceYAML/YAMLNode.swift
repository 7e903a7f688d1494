/// One node of a parsed YAML document, with its exact byte range in the source.
///
/// `start` includes the node's anchor and tag. `end` is the end of its content: for a
/// block mapping or sequence the end of its last child (libyaml's own end mark sits
/// after trailing comments), for a clipped or stripped block scalar the end of its last
/// non-blank character, and for every other node libyaml's end mark.
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

    /// What sort of node this is.
    public var kind: Kind
    /// The byte offset where the node starts, its anchor and tag included.
    public var start: Int
    /// The byte offset where the node's content ends.
    public var end: Int
    /// The byte offset where the node's own text starts, after its anchor and tag.
    public var contentStart: Int
    /// The scalar's value (empty for other kinds); for an alias, the anchor it refers to.
    public var value: String
    /// The scalar's style (`.plain` for other kinds).
    public var scalarStyle: ScalarStyle
    /// Whether a mapping or sequence is written in flow style (`{...}`, `[...]`).
    public var isFlow: Bool
    /// The explicit tag, if any.
    public var tag: String?
    /// The anchor, if any.
    public var anchor: String?
    /// The items of a sequence.
    public var items: [YAMLNode]
    /// The key/value pairs of a mapping, in source order.
    public var pairs: [YAMLPair]

    /// Makes a node.
    public init(
        kind: Kind, start: Int, end: Int, contentStart: Int, value: String = "",
        scalarStyle: ScalarStyle = .plain, isFlow: Bool = false, tag: String? = nil, anchor: String? = nil,
        items: [YAMLNode] = [], pairs: [YAMLPair] = []
    ) {
        self.kind = kind
        self.start = start
        self.end = end
        self.contentStart = contentStart
        self.value = value
        self.scalarStyle = scalarStyle
        self.isFlow = isFlow
        self.tag = tag
        self.anchor = anchor
        self.items = items
        self.pairs = pairs
    }

    /// The byte range of the node.
    public var range: Range<Int> { start..<end }

    /// Whether this is a mapping.
    public var isMapping: Bool { kind == .mapping }
    /// Whether this is a sequence.
    public var isSequence: Bool { kind == .sequence }
    /// Whether this is a scalar.
    public var isScalar: Bool { kind == .scalar }

    /// Whether this scalar is YAML's null: an empty plain value, `~` or `null` without a tag.
    public var isNull: Bool {
        kind == .scalar && scalarStyle == .plain && tag == nil
            && (value.isEmpty || value == "~" || value == "null" || value == "Null" || value == "NULL")
    }

    /// Whether this scalar resolves to a string (quoted, block, or a plain value that is not
    /// a boolean, number or null under YAML 1.1, which Kubernetes' decoder follows).
    public var isString: Bool {
        guard kind == .scalar else { return false }
        if let tag { return tag == "tag:yaml.org,2002:str" || tag == "!!str" || tag == "!" }
        if scalarStyle != .plain { return true }
        return PlainScalar.resolvesToString(value)
    }

    /// The pair whose key is the scalar `key` (the last one, as Kubernetes' decoder keeps).
    public func pair(forKey key: String) -> YAMLPair? {
        guard kind == .mapping else { return nil }
        return pairs.last { $0.key.kind == .scalar && $0.key.value == key }
    }

    /// The value of the scalar key `key` in this mapping.
    public subscript(key: String) -> YAMLNode? {
        pair(forKey: key)?.value
    }

    /// Whether this node, or any node under it, is an alias or carries an anchor.
    public var containsAliasOrAnchor: Bool {
        if kind == .alias || anchor != nil { return true }
        return items.contains { $0.containsAliasOrAnchor }
            || pairs.contains { $0.key.containsAliasOrAnchor || $0.value.containsAliasOrAnchor }
    }
}

/// A key and its value in a mapping.
public struct YAMLPair: Sendable {
    /// The key node.
    public var key: YAMLNode
    /// The value node.
    public var value: YAMLNode

    /// Makes a pair.
    public init(key: YAMLNode, value: YAMLNode) {
        self.key = key
        self.value = value
    }

    /// Whether this is a merge key (`<<: *base`), which libyaml does not resolve.
    public var isMerge: Bool { key.kind == .scalar && key.scalarStyle == .plain && key.value == "<<" }
}

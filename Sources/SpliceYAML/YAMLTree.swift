import CLibYAML

/// The nodes of one parsed stream, stored flat: one record per node in pre-order, the
/// children of every collection as a run of indexes in one shared array, and every scalar
/// value, alias name, tag and anchor as a run of bytes in one shared buffer.
///
/// Nodes are addressed by index (``YAMLNode`` is a reference to the tree plus an index),
/// so a stream costs a handful of heap objects however many nodes it has, copying a node
/// costs one reference count, and freeing a tree never recurses, however deep it is.
/// Because records are in pre-order, the descendants of node `i` are exactly the records
/// `i + 1 ..< records[i].subtreeEnd`.
final class YAMLTree: Sendable {
    /// One record per node, in pre-order.
    let records: [NodeRecord]
    /// The children of every collection: for a sequence its items, for a mapping its keys
    /// and values alternately (key, value, key, value...).
    let children: [Int32]
    /// The bytes of scalar values, alias names, tags and anchors (values that are exactly
    /// their own text in the input are not copied: they are read from ``source``).
    let text: [UInt8]
    /// The input the tree was parsed from.
    let source: [UInt8]
    /// Tags, anchors and content starts of the few nodes that have properties, in node order.
    let properties: [NodeProperties]

    /// Freezes what a ``TreeBuilder`` gathered.
    init(records: [NodeRecord], children: [Int32], text: [UInt8], source: [UInt8], properties: [NodeProperties]) {
        self.records = records
        self.children = children
        self.text = text
        self.source = source
        self.properties = properties
    }

    /// The text of a byte run of ``text``, decoded as UTF-8.
    func string(_ run: TextRun) -> String {
        text.withUnsafeBufferPointer { buffer in
            String(decoding: UnsafeBufferPointer(rebasing: buffer[run.start..<run.start + run.count]), as: UTF8.self)
        }
    }

    /// A node's value (or alias name), decoded as UTF-8.
    func value(_ record: NodeRecord) -> String {
        withValueBytes(record) { String(decoding: $0, as: UTF8.self) }
    }

    /// Whether a node's value is exactly the UTF-8 of `string`.
    func value(_ record: NodeRecord, equals string: String) -> Bool {
        guard record.count == string.utf8.count else { return false }
        var string = string
        return string.withUTF8 { utf8 in
            withValueBytes(record) { value in
                guard let left = value.baseAddress, let right = utf8.baseAddress else { return value.isEmpty && utf8.isEmpty }
                return memcmp(left, right, utf8.count) == 0
            }
        }
    }

    /// Calls `body` with the bytes of a node's value, wherever they are kept.
    private func withValueBytes<Result>(_ record: NodeRecord, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        let run = record.text
        func value(in buffer: UnsafeBufferPointer<UInt8>) -> Result {
            body(UnsafeBufferPointer(rebasing: buffer[run.start..<run.start + run.count]))
        }
        // Each array read in place: a copy of `source` (one buffer for all the trees of an
        // input) would retain and release it, and threads doing that at once contend.
        return record.flags.contains(.textInSource) ? source.withUnsafeBufferPointer(value) : text.withUnsafeBufferPointer(value)
    }

    /// The tag, anchor and content start of node `index`, when it has properties.
    func properties(of index: Int) -> NodeProperties? {
        guard records[index].flags.contains(.properties) else { return nil }
        let low = properties.partitioningIndex { Int($0.node) >= index }
        return low < properties.count && Int(properties[low].node) == index ? properties[low] : nil
    }

}

/// A run of bytes in ``YAMLTree/text``.
struct TextRun: Sendable, Equatable {
    /// Where the run starts.
    var start: Int
    /// How many bytes it holds.
    var count: Int

    /// The empty run.
    static let empty = TextRun(start: 0, count: 0)
}

/// The tag and anchor of one node, as runs of ``YAMLTree/text`` (`nil` when absent), and
/// where its own text starts after them.
struct NodeProperties: Sendable {
    /// The node's index.
    var node: Int32
    /// The byte offset where the node's own text starts, after its anchor and tag.
    var contentStart: Int32
    /// The tag as libyaml resolved it (`tag:yaml.org,2002:str` for `!!str`).
    var tag: TextRun?
    /// The anchor name, without its `&`.
    var anchor: TextRun?
}

/// What the tree knows of one node, packed into 24 bytes: offsets and indexes are 32-bit
/// (the parser refuses inputs too large for them; ``YAMLNode`` widens them to `Int`), and
/// the few nodes with an anchor or tag keep those, and where their own text starts, in
/// ``YAMLTree/properties`` (any other node's text starts at ``start``).
struct NodeRecord: Sendable {
    /// The byte offset where the node starts, its anchor and tag included.
    var start: Int32
    /// The byte offset where the node's content ends.
    var end: Int32
    /// For a scalar or alias, where its text (value or anchor name) starts in
    /// ``YAMLTree/text``; for a collection, where its children start in ``YAMLTree/children``.
    var first: Int32 = 0
    /// For a scalar or alias, the length of its text; for a collection, how many entries of
    /// ``YAMLTree/children`` it has (twice its pairs for a mapping).
    var count: Int32 = 0
    /// The index just past the node's last descendant.
    var subtreeEnd: Int32 = 0
    /// What sort of node this is.
    var kind: YAMLNode.Kind
    /// The scalar's style.
    var scalarStyle: YAMLNode.ScalarStyle = .plain
    /// Flow style, flow context and brace facts.
    var flags: NodeFlags = []

    /// Whether a collection is written in flow style.
    var isFlow: Bool {
        get { flags.contains(.flow) }
        set { if newValue { flags.insert(.flow) } else { flags.remove(.flow) } }
    }

    /// Makes a record with no text, children or properties yet.
    init(kind: YAMLNode.Kind, start: Int, end: Int) {
        self.kind = kind
        self.start = Int32(truncatingIfNeeded: start)
        self.end = Int32(truncatingIfNeeded: end)
    }

    /// The scalar's value, or an alias's anchor name.
    var text: TextRun {
        get { TextRun(start: Int(first), count: Int(count)) }
        set {
            first = Int32(truncatingIfNeeded: newValue.start)
            count = Int32(truncatingIfNeeded: newValue.count)
        }
    }
}

/// One-bit facts about a node.
struct NodeFlags: OptionSet, Sendable {
    let rawValue: UInt8

    /// A collection written in flow style.
    static let flow = NodeFlags(rawValue: 1)
    /// A node inside a flow collection.
    static let inFlow = NodeFlags(rawValue: 2)
    /// A flow mapping written without braces: one `key: value` pair as an item of a flow
    /// sequence (`[a: 1, b]`).
    static let singlePair = NodeFlags(rawValue: 4)
    /// A node with an anchor or tag, listed in ``YAMLTree/properties``.
    static let properties = NodeFlags(rawValue: 8)
    /// A scalar whose value is its own text in the input, which its text run points into.
    static let textInSource = NodeFlags(rawValue: 16)
}

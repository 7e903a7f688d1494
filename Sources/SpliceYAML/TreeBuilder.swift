/// Gathers nodes into the flat arrays of a ``YAMLTree`` as libyaml's events arrive.
///
/// Records are appended when a node starts (so they are in pre-order); the children of an
/// open collection wait on one shared stack and move into ``YAMLTree/children`` as one run
/// when the collection closes. Nothing here recurses.
struct TreeBuilder {
    private(set) var records: [NodeRecord] = []
    private var children: [Int32] = []
    private var text: [UInt8] = []
    private var properties: [NodeProperties] = []
    /// The children of the open collections, innermost last.
    private var waiting: [Int32] = []
    /// The open collections: their record and where their children start in ``waiting``.
    private var open: [(index: Int, base: Int)] = []
    /// How many of the open collections are flow collections.
    private var flowLevel = 0

    /// Makes a builder sized for an input of `byteCount` bytes.
    init(byteCount: Int) {
        // Generous: pages of a reservation that are never written cost no memory, while
        // growing a large array copies it. Typical manifests hold a node every 6 to 8 bytes.
        let nodes = byteCount / 8 + 16
        records.reserveCapacity(nodes)
        children.reserveCapacity(nodes)
        text.reserveCapacity(byteCount / 2 + 16)
    }

    /// Whether the text buffer outgrew the 32-bit offsets of the records.
    var isTooLarge: Bool { text.count > Int(Int32.max) }

    /// How many collections are open.
    var depth: Int { open.count }

    /// Copies `count` bytes at `pointer` into the text buffer.
    mutating func appendText(_ pointer: UnsafePointer<UInt8>?, count: Int) -> TextRun {
        guard let pointer, count > 0 else { return .empty }
        let run = TextRun(start: text.count, count: count)
        text.append(contentsOf: UnsafeBufferPointer(start: pointer, count: count))
        return run
    }

    /// Stores a tag and an anchor (either may be absent) and gives the index to record, or -1.
    @inline(__always)
    mutating func appendProperties(tag: UnsafePointer<UInt8>?, anchor: UnsafePointer<UInt8>?) -> Int32 {
        guard tag != nil || anchor != nil else { return -1 }
        return storeProperties(tag: tag, anchor: anchor)
    }

    private mutating func storeProperties(tag: UnsafePointer<UInt8>?, anchor: UnsafePointer<UInt8>?) -> Int32 {
        let tagRun = tag.map { appendText($0, count: Self.length(ofCString: $0)) }
        let anchorRun = anchor.map { appendText($0, count: Self.length(ofCString: $0)) }
        properties.append(NodeProperties(tag: tagRun, anchor: anchorRun))
        return Int32(truncatingIfNeeded: properties.count - 1)
    }

    /// The number of bytes before the NUL that ends a C string.
    static func length(ofCString pointer: UnsafePointer<UInt8>?) -> Int {
        guard let pointer else { return 0 }
        var count = 0
        while pointer[count] != 0 { count += 1 }
        return count
    }

    /// Adds a scalar or alias and attaches it to the open collection. Returns its index.
    @discardableResult
    mutating func addLeaf(_ record: NodeRecord) -> Int {
        var record = record
        let index = records.count
        record.subtreeEnd = Int32(truncatingIfNeeded: index + 1)
        if flowLevel > 0 { record.flags.insert(.inFlow) }
        records.append(record)
        waiting.append(Int32(truncatingIfNeeded: index))
        return index
    }

    /// Opens a mapping or sequence. Returns its index.
    @discardableResult
    mutating func open(_ record: NodeRecord) -> Int {
        var record = record
        let index = records.count
        if flowLevel > 0 { record.flags.insert(.inFlow) }
        if record.isFlow { flowLevel += 1 }
        records.append(record)
        waiting.append(Int32(truncatingIfNeeded: index))
        open.append((index, waiting.count))
        return index
    }

    /// Closes the innermost collection, giving it its end (`flowEnd` for a flow collection,
    /// the end of its last child for a block one). Returns its index.
    @discardableResult
    mutating func close(flowEnd: Int, emptyEnd: Int) -> Int? {
        guard let (index, base) = open.popLast() else { return nil }
        var record = records[index]
        if record.isFlow { flowLevel -= 1 }
        record.first = Int32(truncatingIfNeeded: children.count)
        record.count = Int32(truncatingIfNeeded: waiting.count - base)
        if record.isFlow && !record.flags.contains(.singlePair) {
            record.end = Int32(truncatingIfNeeded: flowEnd)
        } else if let last = waiting.last, waiting.count > base {
            record.end = records[Int(last)].end
        } else {
            record.end = Int32(truncatingIfNeeded: emptyEnd)
        }
        record.subtreeEnd = Int32(truncatingIfNeeded: records.count)
        children.append(contentsOf: waiting[base...])
        waiting.removeLast(waiting.count - base)
        records[index] = record
        return index
    }

    /// The bytes of a text run already stored.
    func bytes(_ run: TextRun) -> ArraySlice<UInt8> {
        text[run.start..<run.start + run.count]
    }

    /// Takes the top-level node just read (a document's root), or adds an empty scalar at
    /// `offset` when the document has none.
    mutating func takeRoot(orEmptyAt offset: Int) -> Int {
        if open.isEmpty, let root = waiting.popLast() { return Int(root) }
        let index = records.count
        var record = NodeRecord(kind: .scalar, start: offset, end: offset, contentStart: offset)
        record.subtreeEnd = Int32(truncatingIfNeeded: index + 1)
        records.append(record)
        return index
    }

    /// A key that appears twice in one mapping, as record indexes.
    struct Duplicate {
        /// The mapping.
        var mapping: Int
        /// The first key with the text.
        var first: Int
        /// A later key with the same text.
        var duplicate: Int
    }

    /// The scalar keys of the innermost open mapping that repeat an earlier key of it, each
    /// with the first key it repeats.
    func duplicateKeysOfInnermost() -> [Duplicate] {
        guard let (mapping, base) = open.last else { return [] }
        let pairs = (waiting.count - base) / 2
        guard pairs > 1 else { return [] }
        var found: [Duplicate] = []
        if pairs <= 16 {
            for later in 1..<pairs {
                let key = records[Int(waiting[base + 2 * later])]
                guard key.kind == .scalar else { continue }
                for earlier in 0..<later {
                    let other = records[Int(waiting[base + 2 * earlier])]
                    if other.kind == .scalar && other.count == key.count && bytes(other.text) == bytes(key.text) {
                        found.append(Duplicate(mapping: mapping, first: Int(waiting[base + 2 * earlier]), duplicate: Int(waiting[base + 2 * later])))
                        break
                    }
                }
            }
            return found
        }
        var seen: [ArraySlice<UInt8>: Int] = [:]
        for position in 0..<pairs {
            let index = Int(waiting[base + 2 * position])
            let key = records[index]
            guard key.kind == .scalar else { continue }
            if let first = seen[bytes(key.text)] {
                found.append(Duplicate(mapping: mapping, first: first, duplicate: index))
            } else {
                seen[bytes(key.text)] = index
            }
        }
        return found
    }

    /// Freezes everything read into a tree.
    func build() -> YAMLTree {
        YAMLTree(records: records, children: children, text: text, properties: properties)
    }
}

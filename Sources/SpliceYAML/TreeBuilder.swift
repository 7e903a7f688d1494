import CLibYAML

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
    /// The input, which values equal to their own text are not copied from.
    private let source: [UInt8]
    /// The children of the open collections, innermost last: `waiting[..<top]` (the array
    /// keeps its length, so that popping many does not reallocate or shift anything).
    private var waiting: [Int32] = []
    private var top = 0
    /// The open collections: their record and where their children start in ``waiting``.
    private var open: [(index: Int, base: Int)] = []
    /// How many of the open collections are flow collections.
    private var flowLevel = 0

    /// Makes a builder for the input `source`, of which `byteCount` bytes are to be read.
    init(source: [UInt8], reading byteCount: Int) {
        self.source = source
        // Generous, so that the arrays seldom grow (growing copies them): a reservation's
        // pages cost memory only once written. Manifests hold a node every 6 to 8 bytes.
        let nodes = min(byteCount / 4, 1 << 24) + 16
        records.reserveCapacity(nodes)
        children.reserveCapacity(nodes)
        text.reserveCapacity(min(byteCount, 1 << 28) + 16)
    }

    /// Whether the text buffer outgrew the 32-bit offsets of the records.
    var isTooLarge: Bool { text.count > Int(Int32.max) }

    /// How many collections are open.
    var depth: Int { open.count }

    /// Stores a scalar's value (`count` bytes at `pointer`) in `record`: as a reference to the
    /// input when it is exactly the input's bytes at `written` (a plain scalar on one line, a
    /// quoted one without escapes, which is most), else as a copy in the text buffer.
    mutating func setValue(of record: inout NodeRecord, _ pointer: UnsafePointer<UInt8>?, count: Int, written: Range<Int>, in input: UnsafeBufferPointer<UInt8>) {
        if let pointer, count > 0, written.count == count, written.lowerBound >= 0, written.upperBound <= input.count,
           let base = input.baseAddress, memcmp(base + written.lowerBound, pointer, count) == 0 {
            record.text = TextRun(start: written.lowerBound, count: count)
            record.flags.insert(.textInSource)
        } else {
            record.text = appendText(pointer, count: count)
        }
    }

    /// Copies `count` bytes at `pointer` into the text buffer.
    mutating func appendText(_ pointer: UnsafePointer<UInt8>?, count: Int) -> TextRun {
        guard let pointer, count > 0 else { return .empty }
        let run = TextRun(start: text.count, count: count)
        text.append(contentsOf: UnsafeBufferPointer(start: pointer, count: count))
        return run
    }

    /// Gives the node just added (`index`, the last record) its tag and anchor (either may be
    /// absent), and the offset where its own text starts after them.
    mutating func setProperties(of index: Int, contentStart: Int, tag: UnsafePointer<UInt8>?, anchor: UnsafePointer<UInt8>?) {
        let tagRun = tag.map { appendText($0, count: Self.length(ofCString: $0)) }
        let anchorRun = anchor.map { appendText($0, count: Self.length(ofCString: $0)) }
        properties.append(NodeProperties(
            node: Int32(truncatingIfNeeded: index), contentStart: Int32(truncatingIfNeeded: contentStart), tag: tagRun, anchor: anchorRun))
        records[index].flags.insert(.properties)
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
        push(Int32(truncatingIfNeeded: index))
        return index
    }

    /// Puts a node on the stack of children waiting for their collection to close.
    private mutating func push(_ index: Int32) {
        if top < waiting.count {
            waiting[top] = index
        } else {
            waiting.append(index)
        }
        top += 1
    }

    /// Where the innermost open collection starts; nil at a document's root.
    var innermostOpenStart: Int? { open.last.map { Int(records[$0.index].start) } }

    /// Opens a mapping or sequence. Returns its index.
    @discardableResult
    mutating func open(_ record: NodeRecord) -> Int {
        var record = record
        let index = records.count
        if flowLevel > 0 { record.flags.insert(.inFlow) }
        if record.isFlow { flowLevel += 1 }
        records.append(record)
        push(Int32(truncatingIfNeeded: index))
        open.append((index, top))
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
        record.count = Int32(truncatingIfNeeded: top - base)
        if record.isFlow && !record.flags.contains(.singlePair) {
            record.end = Int32(truncatingIfNeeded: flowEnd)
        } else if top > base {
            record.end = records[Int(waiting[top - 1])].end
        } else {
            record.end = Int32(truncatingIfNeeded: emptyEnd)
        }
        record.subtreeEnd = Int32(truncatingIfNeeded: records.count)
        children.append(contentsOf: waiting[base..<top])
        top = base
        records[index] = record
        return index
    }

    /// The bytes of a node's value.
    func bytes(_ record: NodeRecord) -> ArraySlice<UInt8> {
        let run = record.text
        return record.flags.contains(.textInSource) ? source[run.start..<run.start + run.count] : text[run.start..<run.start + run.count]
    }

    /// Takes the top-level node just read (a document's root), or adds an empty scalar at
    /// `offset` when the document has none.
    mutating func takeRoot(orEmptyAt offset: Int) -> Int {
        if open.isEmpty && top > 0 {
            top -= 1
            return Int(waiting[top])
        }
        let index = records.count
        var record = NodeRecord(kind: .scalar, start: offset, end: offset)
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

    /// Adds to `found` the scalar keys of the innermost open mapping that repeat an earlier
    /// key of it, each with the first key it repeats.
    func findDuplicateKeysOfInnermost(into found: inout [Duplicate]) {
        guard let (mapping, base) = open.last else { return }
        let pairs = (top - base) / 2
        guard pairs > 1 else { return }
        if pairs <= 16 {
            source.withUnsafeBufferPointer { source in
                text.withUnsafeBufferPointer { text in
                    /// Where a key's value starts.
                    func start(_ record: NodeRecord) -> UnsafePointer<UInt8>? {
                        (record.flags.contains(.textInSource) ? source.baseAddress : text.baseAddress).map { $0 + Int(record.first) }
                    }
                    for later in 1..<pairs {
                        let index = Int(waiting[base + 2 * later])
                        let key = records[index]
                        guard key.kind == .scalar else { continue }
                        for earlier in 0..<later {
                            let first = Int(waiting[base + 2 * earlier])
                            let other = records[first]
                            guard other.kind == .scalar && other.count == key.count else { continue }
                            guard key.count > 0, let left = start(other), let right = start(key) else {
                                found.append(Duplicate(mapping: mapping, first: first, duplicate: index))
                                break
                            }
                            if memcmp(left, right, Int(key.count)) == 0 {
                                found.append(Duplicate(mapping: mapping, first: first, duplicate: index))
                                break
                            }
                        }
                    }
                }
            }
            return
        }
        var seen: [ArraySlice<UInt8>: Int] = [:]
        for position in 0..<pairs {
            let index = Int(waiting[base + 2 * position])
            let key = records[index]
            guard key.kind == .scalar else { continue }
            if let first = seen[bytes(key)] {
                found.append(Duplicate(mapping: mapping, first: first, duplicate: index))
            } else {
                seen[bytes(key)] = index
            }
        }
    }

    /// Freezes everything read into a tree.
    func build() -> YAMLTree {
        YAMLTree(records: records, children: children, text: text, source: source, properties: properties)
    }
}

import SpliceYAML

/// The invariants of YAMLEditor's edits, for the `FuzzEdit` target and the replay of
/// `Fuzz/FailCases/edit/`. For the first few collections and scalars of each document of an
/// input that parses, each of these edits, applied alone, either is refused by `applying`
/// (failing closed) or gives an output that parses into exactly the input's nodes with the
/// edit made, and nothing else changed:
/// - appending an entry to a mapping, or an item to a sequence;
/// - removing the first entry of a mapping, or the first item of a sequence;
/// - replacing a mapping's scalar value with another string.
public enum EditCheck: FuzzCheck {
    /// `edit`.
    public static let name = "edit"

    /// What `input` breaks (empty when every invariant holds), editing the first six
    /// collections and scalars of each document.
    public static func violations(of input: [UInt8]) -> [String] {
        violations(of: input, editsPerDocument: 6)
    }

    /// What `input` breaks, editing the first `editsPerDocument` collections and scalars of
    /// each document.
    public static func violations(of input: [UInt8], editsPerDocument: Int) -> [String] {
        let source = YAMLSource(input)
        guard let stream = try? YAMLStream(parsing: source) else { return [] }
        let before = flatten(stream)
        var found: [String] = []
        for document in stream.documents {
            let editor = YAMLEditor(source: source, document: document)
            let collections = document.root.subtree.filter { $0.kind == .mapping || $0.kind == .sequence }.prefix(editsPerDocument)
            for node in collections {
                let after = node.subtree.count + position(of: node, in: stream)
                if node.kind == .mapping {
                    let edits = editor.appendEntries([NewEntry("fuzz-added", .quoted("v"))], to: node)
                    found += check(source, before, edits, "appending to the mapping at \(node.start)") { nodes in
                        nodes.insert(contentsOf: [Flat(kind: "scalar", value: "fuzz-added"), Flat(kind: "scalar", value: "v")], at: after)
                    }
                } else {
                    let edits = editor.appendItems([.quoted("v")], to: node)
                    found += check(source, before, edits, "appending to the sequence at \(node.start)") { nodes in
                        nodes.insert(Flat(kind: "scalar", value: "v"), at: after)
                    }
                }
                found += removalViolations(of: node, source, stream, before, editor)
                if !found.isEmpty { return found }
            }
            let values = document.root.subtree.filter { $0.kind == .mapping }.flatMap { $0.pairs.map(\.value) }
                .filter { $0.kind == .scalar && $0.scalarStyle != .literal && $0.scalarStyle != .folded }.prefix(editsPerDocument)
            for value in values {
                let index = position(of: value, in: stream)
                let edit = editor.replaceScalar(value, withString: "fuzz")
                found += check(source, before, [edit], "replacing the scalar at \(value.start)") { nodes in
                    nodes[index].value = "fuzz"
                    // A plain empty or null value becomes a quoted string: its tag stays.
                }
                if !found.isEmpty { return found }
            }
        }
        return found
    }

    /// Removing a collection's first child, unless it holds an anchor others may use.
    private static func removalViolations(
        of node: YAMLNode, _ source: YAMLSource, _ stream: YAMLStream, _ before: [Flat], _ editor: YAMLEditor
    ) -> [String] {
        let start = position(of: node, in: stream)
        if node.kind == .mapping, let pair = node.pairs.first, !pair.key.containsAliasOrAnchor, !pair.value.containsAliasOrAnchor {
            let removed = pair.key.subtree.count + pair.value.subtree.count
            let emptied = node.pairs.count == 1
            return check(source, before, editor.removeEntries(at: [0], from: node), "removing the first entry of the mapping at \(node.start)", allowingNull: emptied ? start : nil) { nodes in
                nodes.removeSubrange(start + 1..<start + 1 + removed)
            }
        }
        if node.kind == .sequence, let item = node.items.first, !item.containsAliasOrAnchor {
            let removed = item.subtree.count
            let emptied = node.items.count == 1
            return check(source, before, editor.removeItems(at: [0], from: node), "removing the first item of the sequence at \(node.start)", allowingNull: emptied ? start : nil) { nodes in
                nodes.removeSubrange(start + 1..<start + 1 + removed)
            }
        }
        return []
    }

    /// A node as the comparison sees it.
    package struct Flat: Equatable, CustomStringConvertible {
        var kind: String
        var value: String
        var anchor: String? = nil
        var tag: String? = nil

        package var description: String { "\(kind) \(value.debugDescription)\(anchor.map { " &" + $0 } ?? "")\(tag.map { " !" + $0 } ?? "")" }
    }

    /// Every node of the stream, in order.
    package static func flatten(_ stream: YAMLStream) -> [Flat] {
        stream.documents.flatMap { document in
            document.root.subtree.map { node in
                let kind = switch node.kind {
                case .scalar: "scalar"
                case .alias: "alias"
                case .mapping: "mapping"
                case .sequence: "sequence"
                }
                return Flat(kind: kind, value: node.value, anchor: node.anchor, tag: node.tag)
            }
        }
    }

    /// The index of `node` in ``flatten(_:)``.
    static func position(of node: YAMLNode, in stream: YAMLStream) -> Int {
        var offset = 0
        for document in stream.documents {
            let nodes = document.root.subtree
            if let index = nodes.firstIndex(of: node) { return offset + index }
            offset += nodes.count
        }
        return offset
    }

    /// Applies `edits`; a refusal is fine, an output that does not parse into the expected
    /// nodes is not. With `allowingNull`, the collection at that index may also have become
    /// an empty one of either kind, or a null (a block collection emptied under a comment).
    private static func check(
        _ source: YAMLSource, _ before: [Flat], _ edits: [Edit], _ what: String, allowingNull: Int? = nil, _ expect: (inout [Flat]) -> Void
    ) -> [String] {
        guard !edits.isEmpty, let output = try? source.applying(edits) else { return [] }
        let stream: YAMLStream
        do {
            stream = try YAMLStream(parsing: output)
        } catch {
            return ["\(what): the output does not parse (\(error)):\n\(String(decoding: output, as: UTF8.self))"]
        }
        var expected = before
        expect(&expected)
        var actual = flatten(stream)
        if let index = allowingNull, index < actual.count, index < expected.count,
           actual[index].kind == "scalar" && actual[index].value.isEmpty || actual[index].kind == "mapping" || actual[index].kind == "sequence" {
            actual[index].kind = expected[index].kind
            actual[index].value = expected[index].value
        }
        if actual != expected {
            let first = (0..<min(actual.count, expected.count)).first { actual[$0] != expected[$0] } ?? min(actual.count, expected.count)
            let got = first < actual.count ? actual[first].description : "nothing"
            let want = first < expected.count ? expected[first].description : "nothing"
            return ["\(what): node \(first) is \(got), expected \(want):\n\(String(decoding: output, as: UTF8.self))"]
        }
        return []
    }
}

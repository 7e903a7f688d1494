import SpliceYAML
import Testing

/// The flat node tree: nodes are references into one stream-wide store, children are views.
@Suite struct NodeTreeTests {
    @Test func aVeryDeepDocumentIsBuiltWalkedAndFreedWithoutRecursion() throws {
        let depth = 50_000
        let source = YAMLSource(String(repeating: "- ", count: depth) + "&bottom x\n")
        let stream = try YAMLStream(parsing: source, maximumDepth: depth)
        var node = try #require(stream.documents.first?.root)
        #expect(node.containsAliasOrAnchor)
        #expect(node.subtree.count == depth + 1)
        for _ in 0..<depth {
            #expect(node.kind == .sequence && node.items.count == 1)
            node = node.items[0]
        }
        #expect(node.value == "x" && node.anchor == "bottom")
        #expect(BlockLayout.infer(from: try #require(stream.documents.first?.root), in: source).itemIndent == 2)
    }

    @Test func itemsAndPairsAreCollectionsOverTheTree() throws {
        let source = YAMLSource("m: {a: 1, b: 2, a: 3}\nl: [x, y, z]\n")
        let root = try #require(YAMLStream(parsing: source).documents.first?.root)
        let m = try #require(root["m"])
        #expect(m.pairs.count == 3)
        #expect(m.pairs.map(\.key.value) == ["a", "b", "a"])
        #expect(m["a"]?.value == "3")
        #expect(m.pairs.firstIndex { $0.key.value == "b" } == 1)
        #expect(m.pairs.last(where: { $0.key.value == "a" })?.value.value == "3")
        let l = try #require(root["l"])
        #expect(l.items.indices == 0..<3)
        #expect(l.items.enumerated().map { "\($0.offset)\($0.element.value)" } == ["0x", "1y", "2z"])
        #expect(l.items.first?.value == "x" && l.items.last?.value == "z")
        #expect(l.items.filter { $0.value != "y" }.map(\.value) == ["x", "z"])
        #expect(l.items.contains { $0.value == "z" })
        #expect(m.items.isEmpty && l.pairs.isEmpty)
        #expect(m.value.isEmpty && l.value.isEmpty && root.value.isEmpty)
        // Source order, parents first: root, m, its keys and values, l, its items.
        #expect(root.subtree.map { $0.kind == .scalar ? $0.value : "+" } == ["+", "m", "+", "a", "1", "b", "2", "a", "3", "l", "+", "x", "y", "z"])
        #expect(root["l"] == l && l != m)
    }

    @Test func containsAliasOrAnchorLooksOnlyUnderTheNode() throws {
        let root = try #require(YAMLStream(parsing: "a: {b: [1, {c: &x 2}]}\nd: [*x]\ne: {f: 1}\n").documents.first?.root)
        #expect(try #require(root["a"]).containsAliasOrAnchor)
        #expect(try #require(root["d"]).containsAliasOrAnchor)
        #expect(!(try #require(root["e"]).containsAliasOrAnchor))
    }
}

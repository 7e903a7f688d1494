import SpliceYAML
import Testing

/// Editor cases the edit fuzzer found: each edit must leave the rest of the document
/// reading exactly as before.
@Suite struct EditorEdgeTests {
    @Test func removingTheFirstEntryOfASequenceItemKeepsItsDash() throws {
        let text = "rules:\n- apiGroups: [\"\"]\n  resources: [pods]\n  verbs: [get]\n- apiGroups: [apps]\n"
        let (out, root) = try edited(text) { editor, root in
            editor.removeEntries(at: [0], from: try #require(root["rules"]?.items.first))
        }
        #expect(out == "rules:\n- resources: [pods]\n  verbs: [get]\n- apiGroups: [apps]\n")
        #expect(root["rules"]?.items.count == 2)
        let (two, _) = try edited(text) { editor, root in
            editor.removeEntries(at: [0, 1], from: try #require(root["rules"]?.items.first))
        }
        #expect(two == "rules:\n- verbs: [get]\n- apiGroups: [apps]\n")
        let (all, emptied) = try edited("a:  # c\n- k: 1  # one\n- j: 2\n") { editor, root in
            editor.removeEntries(at: [0], from: try #require(root["a"]?.items.first))
        }
        #expect(all == "a:  # c\n- {}  # one\n- j: 2\n")
        #expect(emptied["a"]?.items.count == 2)
    }

    @Test func removingTheFirstItemOfANestedSequenceKeepsTheOuterDash() throws {
        let (out, root) = try edited("- - a\n  - b\n- c\n") { editor, root in
            editor.removeItems(at: [0], from: root.items[0])
        }
        #expect(out == "- - b\n- c\n")
        #expect(root.items[0].items.map(\.value) == ["b"])
    }

    @Test func aBlockScalarThatEndsTheFileKeepsItsValueWhenALineFollows() throws {
        for (header, newHeader, value) in [("|", "|-", "two\nlines"), ("|+", "|-", "two\nlines"), (">2", ">-2", "two lines"), ("|-", "|-", "two\nlines")] {
            let text = "m:\n  s: \(header)\n    two\n    lines"
            let (out, root) = try edited(text) { editor, root in
                editor.appendEntries([NewEntry("k", .text("v"))], to: try #require(root["m"]))
            }
            #expect(out == "m:\n  s: \(newHeader)\n    two\n    lines\n  k: v")
            #expect(root.lookup(["m", "s"])?.value == value)
        }
    }

    @Test func aLineOfSpacesEndingABlockScalarStaysInIt() throws {
        // The last line, three spaces deep under text two deep, is the scalar's text ` `.
        for (text, expected, value) in [
            ("m:\n  s: |\n    a\n     ", "m:\n  s: |-\n    a\n     \n  k: v", "a\n "),
            ("m:\n  s: |\n    a\n     \n", "m:\n  s: |\n    a\n     \n  k: v\n", "a\n \n"),
        ] {
            let (out, root) = try edited(text) { editor, root in
                editor.appendEntries([NewEntry("k", .text("v"))], to: try #require(root["m"]))
            }
            #expect(out == expected)
            #expect(root.lookup(["m", "s"])?.value == value)
        }
    }

    @Test func aFlowChildEndingInALeftOutValueIsFollowedByASpaceBeforeTheComma() throws {
        // `a:,` reads as a plain scalar that runs into the comma, and does not parse.
        let (appended, root) = try edited("[a:\n]\n") { editor, root in
            editor.appendItems([.text("v")], to: root)
        }
        #expect(appended == "[a: , v\n]\n")
        #expect(root.items.map(\.kind) == [.mapping, .scalar])
        let (entry, mapping) = try edited("{a:\n}\n") { editor, root in
            editor.appendEntries([NewEntry("k", .text("v"))], to: root)
        }
        #expect(entry == "{a: , \"k\": \"v\"\n}\n")  // A flow mapping at the root is written as JSON is.
        #expect(mapping.pairs.map(\.key.value) == ["a", "k"])
        let (braced, item) = try edited("[a: , b]\n") { editor, root in
            editor.appendEntries([NewEntry("k", .text("v"))], to: root.items[0])
        }
        #expect(braced == "[{a: , k: v} , b]\n")
        #expect(item.items[0].pairs.map(\.key.value) == ["a", "k"])
    }

    @Test func removingTheItemsAfterAFlowChildEndingInALeftOutValueKeepsItsColonApart() throws {
        for (indexes, expected) in [([2], "[x, a: , c]\n"), ([1, 2], "[x, c]\n"), ([2, 3], "[x, a: ]\n")] {
            let (out, root) = try edited("[x, a: , b, c]\n") { editor, root in
                editor.removeItems(at: indexes, from: root)
            }
            #expect(out == expected, "removing \(indexes)")
            #expect(root.items.count == 4 - indexes.count)
        }
    }
}

/// Where a block sequence item's dash is.
@Suite struct DashOffsetTests {
    @Test func theDashMayBeOnALineAboveWithAComment() throws {
        let source = YAMLSource("ports:\n  - # first\n    # more\n    number: 80\n  - - # inner\n      x\n")
        let ports = try #require(YAMLStream(parsing: source).documents.first?.root["ports"])
        #expect(YAMLEditor.dashOffset(before: ports.items[0], in: source) == 9)
        #expect(YAMLEditor.dashOffset(before: ports.items[1].items[0], in: source) == 49)
        let document = try #require(YAMLStream(parsing: source).documents.first)
        let output = try source.applying(YAMLEditor(source: source, document: document).removeItems(at: [0], from: ports))
        #expect(String(decoding: output, as: UTF8.self) == "ports:\n  - - # inner\n      x\n")
    }
}

/// A block collection that loses every child.
@Suite struct EmptiedCollectionTests {
    private func removeAll(_ text: String, at path: [String]) throws -> String {
        let source = YAMLSource(text)
        let document = try #require(YAMLStream(parsing: source).documents.first)
        let node = try #require(document.root.lookup(path))
        let editor = YAMLEditor(source: source, document: document)
        let edits = node.isMapping ? editor.removeEntries(at: Array(node.pairs.indices), from: node) : editor.removeItems(at: Array(node.items.indices), from: node)
        let output = try source.applying(edits)
        _ = try YAMLStream(parsing: output)
        return String(decoding: output, as: UTF8.self)
    }

    @Test func underItsKeyItBecomesEmptyOnTheKeysLine() throws {
        #expect(try removeAll("a:\n  b: 1\nc: 2\n", at: ["a"]) == "a: {}\nc: 2\n")
        #expect(try removeAll("a:\n- b\n- c\nd: 2\n", at: ["a"]) == "a: []\nd: 2\n")
        #expect(try removeAll("a:  # none\n  b: 1\nc: 2\n", at: ["a"]) == "a:  # none\nc: 2\n")
        #expect(try removeAll("a:\n\n    - b\n\nc: 2\n", at: ["a"]) == "a: []\n\nc: 2\n")
    }

    @Test func underACommentLineOrAtTheTopOfADocumentItBecomesEmptyWhereItStarts() throws {
        #expect(try removeAll("# head\n  template: 1\n", at: []) == "# head\n  {}\n")
        #expect(try removeAll("a:\n  # note\n  b: 1\n", at: ["a"]) == "a:\n  # note\n  {}\n")
        #expect(try removeAll("---\nb: 1\n", at: []) == "---\n{}\n")
        #expect(try removeAll("a:\n# note\n- b\nc: 1\n", at: ["a"]) == "a:\n# note\n []\nc: 1\n")
    }
}

/// A flow key without a value that spans lines needs `?` once it gets a value.
@Suite struct MultiLineFlowKeyTests {
    @Test func aValueGivenToAMultiLineFlowKeyMakesTheKeyExplicit() throws {
        let text = "{\n  labels: {\n    v1\n  kind \"x\",\n    b: 1}}\n"
        let (out, root) = try edited(text) { editor, root in
            let labels = try #require(root["labels"])
            return [editor.replaceScalar(try #require(labels.pairs.first?.value), withString: "fuzz")]
        }
        #expect(out == "{\n  labels: {\n    ? v1\n  kind \"x\": \"fuzz\",\n    b: 1}}\n")
        #expect(root["labels"]?.pairs.first?.value.value == "fuzz")
        #expect(root["labels"]?.pairs.first?.key.value == "v1 kind \"x\"")
        let labels = try #require(try YAMLStream(parsing: text).documents.first?.root["labels"])
        #expect(labels.pairs[0].value.parent == labels && labels.parent?.parent == nil)
    }
}

/// `? ` alone: an empty key whose value is left out.
@Suite struct EmptyExplicitKeyTests {
    @Test func theValueOfAnEmptyExplicitKeyGoesOnTheLineBelow() throws {
        let (out, root) = try edited("? \nb: 1\n") { editor, root in
            [editor.replaceScalar(try #require(root.pairs.first?.value), with: "x", inFlow: false)]
        }
        #expect(out == "? \n: x\nb: 1\n")
        #expect(root.pairs.first?.key.isNull == true && root.pairs.first?.value.value == "x")
    }
}

/// `? a: 1`: a block mapping that is the key of an outer entry.
@Suite struct MappingAsKeyTests {
    @Test func entriesAddedToAMappingKeyStayInIt() throws {
        let text = "t:\n  ? a: {b: 1}\n  c: 2\n"
        let (out, root) = try edited(text) { editor, root in
            editor.appendEntries([NewEntry("k", .text("v"))], to: try #require(root["t"]?.pairs.first?.key))
        }
        #expect(out == "t:\n  ? a: {b: 1}\n    k: v\n  c: 2\n")
        #expect(root["t"]?.pairs.first?.key.pairs.map(\.key.value) == ["a", "k"])
        let (removed, left) = try edited(text) { editor, root in
            editor.removeEntries(at: [0], from: try #require(root["t"]))
        }
        #expect(removed == "t:\n  c: 2\n")
        #expect(left["t"]?.pairs.count == 1)
    }
}

/// `? # note` with the key on the lines below.
@Suite struct CommentedExplicitKeyTests {
    @Test func theValueGoesAtTheColumnOfTheQuestionMark() throws {
        let text = "metadata:\n  ? # note\n    a: 1\n  b: 2\n"
        let (out, root) = try edited(text) { editor, root in
            [editor.replaceScalar(try #require(root["metadata"]?.pairs.first?.value), withString: "x")]
        }
        #expect(out == "metadata:\n  ? # note\n    a: 1\n  : \"x\"\n  b: 2\n")
        #expect(root["metadata"]?.pairs.first?.value.value == "x")
        let (removed, _) = try edited(text) { editor, root in
            editor.removeEntries(at: [0], from: try #require(root["metadata"]))
        }
        #expect(removed == "metadata:\n  b: 2\n")
    }
}

import SpliceYAML
import Testing

/// Empty values (`key:`, `key: !!str`, `key: &a`), values left out (`? key`, `{a, b}`) and
/// the edits made on them.
@Suite struct EmptyNodeTests {
    /// Every node of every document lies in its document, with start <= contentStart <= end.
    private func expectSaneRanges(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let stream = try YAMLStream(parsing: text)
        for document in stream.documents {
            for node in document.root.subtree {
                #expect(document.start <= node.start && node.start <= node.contentStart && node.contentStart <= node.end
                    && node.end <= document.end, "node at \(node.start) of \(text.debugDescription)", sourceLocation: sourceLocation)
            }
        }
    }

    @Test func emptyValuesSitJustAfterTheirIndicatorOrProperties() throws {
        let source = YAMLSource("a: !!str\nb: &x\nc:\n  # comment\nd: 1\n")
        let root = try #require(YAMLStream(parsing: source).documents.first?.root)
        let a = try #require(root["a"])
        #expect(source.text(a.range) == "!!str" && a.contentStart == a.end && a.value.isEmpty && a.isString)
        let b = try #require(root["b"])
        #expect(source.text(b.range) == "&x" && b.contentStart == b.end && b.anchor == "x" && b.isNull)
        let c = try #require(root["c"])
        #expect(c.range.isEmpty && source.location(ofByte: c.start) == SourceLocation(line: 3, column: 3))
        for text in [
            "a: !!str\n", "inject: &a\n", "a: !!str # c\nb: 1\n", "- !!str\n- &a\n- x\n", "? a\n? b\n", "m:\n  ? a\n  # c\nn: 1\n",
            "{a, b, team: x}\n", "{a: , b: }\n", "[a: ]\n", "---\n# c\n---\n", "--- !!str\n--- &a\n...\n", "k: &x # c\n  a: 1\n",
            "k: !!map\n  a: 1\n", "a:\n- \n- b\n", "? !!str\n: &v\n", "{? a}\n", "[? a, b]\n",
        ] {
            try expectSaneRanges(text)
        }
    }

    @Test func anAnchorNameEndsWhereLibyamlEndsIt() throws {
        let source = YAMLSource("labels: &labe?s\n")
        let value = try #require(YAMLStream(parsing: source).documents.first?.root["labels"])
        #expect(value.anchor == "labe" && value.value == "?s")
        #expect(source.text(value.contentStart..<value.end) == "?s")
        let (out, root) = try edited("labels: &labe?s\n") { editor, root in
            [editor.replaceScalar(try #require(root["labels"]), withString: "x")]
        }
        #expect(out == "labels: &labe \"x\"\n" && root["labels"]?.anchor == "labe")
    }

    @Test func anEmptyDocumentsRootSitsAfterItsMarker() throws {
        let stream = try YAMLStream(parsing: "---\n# nothing\n---\na: 1\n")
        let root = stream.documents[0].root
        #expect(root.isNull && root.start == 3 && root.range.isEmpty)
    }

    @Test func replacingAnEmptyTaggedOrAnchoredValue() throws {
        let (out, root) = try edited("env:\n- name: A\n  value: !!str\n- name: B\n  value: &v\n") { editor, root in
            let env = try #require(root["env"])
            return [
                editor.replaceScalar(try #require(env.items[0]["value"]), with: "x", inFlow: false),
                editor.replaceScalar(try #require(env.items[1]["value"]), with: "true", inFlow: false),
            ]
        }
        #expect(out == "env:\n- name: A\n  value: !!str x\n- name: B\n  value: &v \"true\"\n")
        #expect(root["env"]?.items[1]["value"]?.anchor == "v")
    }

    @Test func replacingEmptyValuesWithStrings() throws {
        let (out, root) = try edited("a:\n  inject: &a\n  mode: 'x'\nb: {k, l: }\nc:\n  ? key\n") { editor, root in
            [
                editor.replaceScalar(try #require(root.lookup(["a", "inject"])), withString: "true"),
                editor.replaceScalar(try #require(root.lookup(["a", "mode"])), withString: "it's"),
                editor.replaceScalar(try #require(root.lookup(["b", "k"])), withString: "1"),
                editor.replaceScalar(try #require(root.lookup(["b", "l"])), withString: "2"),
                editor.replaceScalar(try #require(root.lookup(["c", "key"])), withString: "3"),
            ]
        }
        #expect(out == "a:\n  inject: &a \"true\"\n  mode: 'it''s'\nb: {k: \"1\", l: \"2\" }\nc:\n  ? key\n  : \"3\"\n")
        #expect(root.lookup(["b"])?.stringEntries.map(\.value) == ["1", "2"])
        #expect(root.lookup(["b", "k"])?.isInFlowCollection == true && root.lookup(["c", "key"])?.isInFlowCollection == false)
    }

    @Test func replacingAnEmptyPlainValue() throws {
        let (out, _) = try edited("a:\nb:  # c\nc: {k: }\n") { editor, root in
            [
                editor.replaceScalar(try #require(root["a"]), with: "x", inFlow: false),
                editor.replaceScalar(try #require(root["b"]), with: "yy", inFlow: false),
                editor.replaceScalar(try #require(root["c"]?["k"]), with: "z", inFlow: true),
            ]
        }
        #expect(out == "a: x\nb: yy  # c\nc: {k: z }\n")
    }

    @Test func nullValuesWithAnAnchorKeepIt() throws {
        let (out, root) = try edited("metadata:\n  annotations: &a\n  name: x\n") { editor, root in
            let metadata = try #require(root["metadata"])
            return editor.replaceNullValue(of: try #require(metadata.pair(forKey: "annotations")), in: metadata, with: .mapping([NewEntry("k", .quoted("v"))]))
        }
        #expect(out == "metadata:\n  annotations: &a\n    k: \"v\"\n  name: x\n")
        #expect(root.lookup(["metadata", "annotations"])?.anchor == "a")
    }

    @Test func explicitKeysInABlockMapping() throws {
        let text = "metadata:\n  ? annotations\n  ? labels  # none\n  name: x\n  ? team\n"
        // Giving the left-out values values.
        let (given, root) = try edited(text) { editor, root in
            let metadata = try #require(root["metadata"])
            return editor.replaceNullValue(of: try #require(metadata.pair(forKey: "annotations")), in: metadata, with: .mapping([NewEntry("k", .quoted("v"))]))
                + editor.replaceNullValue(of: try #require(metadata.pair(forKey: "labels")), in: metadata, with: .text("none"))
                + [editor.replaceScalar(try #require(metadata["team"]), with: "web", inFlow: false)]
        }
        #expect(given == "metadata:\n  ? annotations\n  :\n    k: \"v\"\n  ? labels  # none\n  : none\n  name: x\n  ? team\n  : web\n")
        #expect(root.lookup(["metadata", "annotations", "k"])?.value == "v")
        #expect(root.lookup(["metadata", "labels"])?.value == "none")
        #expect(root.lookup(["metadata", "team"])?.value == "web")
        // Appending after a left-out value, and removing explicit entries.
        let (appended, _) = try edited(text) { editor, root in
            editor.appendEntries([NewEntry("tier", .text("web"))], to: try #require(root["metadata"]))
        }
        #expect(appended == text + "  tier: web\n")
        let (removed, left) = try edited(text) { editor, root in
            editor.removeEntries(at: [0, 3], from: try #require(root["metadata"]))
        }
        #expect(removed == "metadata:\n  ? labels  # none\n  name: x\n")
        #expect(left["metadata"]?.pairs.map(\.key.value) == ["labels", "name"])
        let (split, _) = try edited("m:\n  ?\n    long key\n  : v\n  b: 1\n") { editor, root in
            editor.removeEntries(at: [0], from: try #require(root["m"]))
        }
        #expect(split == "m:\n  b: 1\n")
    }

    @Test func flowMappingsWithKeysWithoutValues() throws {
        let text = "metadata: {labels: {a, b, team: x}}\n"
        for (index, expected) in [(0, "{b, team: x}"), (1, "{a, team: x}"), (2, "{a, b}")] {
            let (out, _) = try edited(text) { editor, root in
                editor.removeEntries(at: [index], from: try #require(root.lookup(["metadata", "labels"])))
            }
            #expect(out == "metadata: {labels: \(expected)}\n")
        }
        let (added, root) = try edited(text) { editor, root in
            let labels = try #require(root.lookup(["metadata", "labels"]))
            return editor.appendEntries([NewEntry("tier", .text("web"))], to: labels)
                + editor.replaceNullValue(of: try #require(labels.pair(forKey: "a")), in: labels, with: .text("one"))
                + [editor.replaceScalar(try #require(labels["b"]), with: "two", inFlow: true)]
        }
        #expect(added == "metadata: {labels: {a: one, b: two, team: x, tier: web}}\n")
        #expect(root.lookup(["metadata", "labels"])?.stringEntries.map(\.value) == ["one", "two", "x", "web"])
        let (explicit, _) = try edited("{? a: 1, b: 2}\n") { editor, root in
            editor.removeEntries(at: [0], from: root)
        }
        #expect(explicit == "{b: 2}\n")
    }

    @Test func aKeyThatEndsInAQuestionMarkIsNotExplicit() throws {
        let (out, _) = try edited("m:\n  a: what?\n  b: 1\n") { editor, root in
            editor.removeEntries(at: [1], from: try #require(root["m"]))
        }
        #expect(out == "m:\n  a: what?\n")
    }
}

/// A `key: value` pair written as an item of a flow sequence is a mapping without braces.
@Suite struct SinglePairMappingTests {
    @Test func aPairInAFlowSequenceIsAMappingWithoutBraces() throws {
        let source = YAMLSource("ports: [http: 80 , b, ? c : 1]\n")
        let ports = try #require(YAMLStream(parsing: source).documents.first?.root["ports"])
        let pair = ports.items[0]
        #expect(pair.isMapping && pair.isFlow && pair.isSinglePairMapping)
        #expect(source.text(pair.range) == "http: 80")
        #expect(source.text(ports.items[2].range) == "? c : 1")
        #expect(!(try #require(YAMLStream(parsing: "a: {b: 1}").documents.first?.root["a"])).isSinglePairMapping)
    }

    @Test func addingToOrEmptyingAPairGivesItBraces() throws {
        let source = YAMLSource("ports: [http: 80, b]\n")
        let document = try #require(YAMLStream(parsing: source).documents.first)
        let editor = YAMLEditor(source: source, document: document)
        let pair = try #require(document.root["ports"]?.items.first)
        let added = try source.applying(editor.appendEntries([NewEntry("name", .text("web"))], to: pair))
        #expect(String(decoding: added, as: UTF8.self) == "ports: [{http: 80, name: web}, b]\n")
        let emptied = try source.applying(editor.removeEntries(at: [0], from: pair))
        #expect(String(decoding: emptied, as: UTF8.self) == "ports: [{}, b]\n")
        #expect(try YAMLStream(parsing: emptied).documents.first?.root["ports"]?.items.first?.pairs.isEmpty == true)
    }
}

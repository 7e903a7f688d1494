import SpliceYAML
import Testing

/// The splice editor: new text in the document's own style, nothing else touched.
@Suite struct EditorTests {
    /// Parses `text`, plans edits on its first document, applies them and checks the result parses.
    private func edit(_ text: String, _ plan: (YAMLEditor, YAMLNode) throws -> [Edit]) throws -> String {
        let source = YAMLSource(text)
        let document = try #require(YAMLStream(parsing: source).documents.first)
        let editor = YAMLEditor(source: source, document: document)
        let output = try source.applying(try plan(editor, document.root))
        _ = try YAMLStream(parsing: output)
        return String(decoding: output, as: UTF8.self)
    }

    private let two = [NewEntry("a/b", .quoted("1")), NewEntry("c", .quoted("true"))]

    @Test func appendsToABlockMappingAtItsIndentationBeforeTrailingComments() throws {
        let out = try edit("m:\n    k: v  # c\n    # end of m\nn: 1\n") { editor, root in
            editor.appendEntries(two, to: try #require(root["m"]))
        }
        #expect(out == "m:\n    k: v  # c\n    a/b: \"1\"\n    c: \"true\"\n    # end of m\nn: 1\n")
    }

    @Test func appendsToAnIndentlessSequenceIndentless() throws {
        let out = try edit("env:\n- name: A\n  value: x\nother: 1\n") { editor, root in
            editor.appendItems([.mapping([NewEntry("name", .text("B")), NewEntry("value", .text("yy"))])], to: try #require(root["env"]))
        }
        #expect(out == "env:\n- name: A\n  value: x\n- name: B\n  value: yy\nother: 1\n")
    }

    @Test func appendsToAnIndentedSequenceWithItsOwnItemIndent() throws {
        let out = try edit("env:\n    -   name: A\n        value: x\n") { editor, root in
            editor.appendItems([.mapping([NewEntry("name", .text("B")), NewEntry("value", .text("yy"))])], to: try #require(root["env"]))
        }
        #expect(out == "env:\n    -   name: A\n        value: x\n    -   name: B\n        value: yy\n")
    }

    @Test func nestedItemsPutEachDashWhereTheirContentStarts() throws {
        // A list item whose content is a list (or a list of mappings) starts with every dash
        // that opens it, on one line.
        let out = try edit("list:\n- a\n") { editor, root in
            editor.appendItems([
                .mapping([NewEntry("name", .text("b")), NewEntry("ports", .sequence([.mapping([NewEntry("port", .integer(80))])]))]),
                .sequence([.text("x"), .sequence([.text("z"), .mapping([NewEntry("k", .text("v"))])])]),
            ], to: try #require(root["list"]))
        }
        #expect(out == "list:\n- a\n- name: b\n  ports:\n  - port: 80\n- - x\n  - - z\n    - k: v\n")
    }

    @Test func emptyFlowCollectionsStayFlow() throws {
        let out = try edit("annotations: {}\nenv: []\n") { editor, root in
            editor.appendEntries(two, to: try #require(root["annotations"]))
                + editor.appendItems([.mapping([NewEntry("name", .text("B")), NewEntry("value", .text("http://h:1"))])], to: try #require(root["env"]))
        }
        #expect(out == "annotations: {a/b: \"1\", c: \"true\"}\nenv: [{name: B, value: \"http://h:1\"}]\n")
    }

    @Test func nonEmptyFlowMappingsKeepTheirSeparator() throws {
        let out = try edit("labels: {app: web,tier: fe}\n") { editor, root in
            editor.appendEntries([NewEntry("x", .quoted("y"))], to: try #require(root["labels"]))
        }
        #expect(out == "labels: {app: web,tier: fe,x: \"y\"}\n")
    }

    @Test func multiLineJSONGetsNewLinesInItsIndentation() throws {
        let json = "{\n    \"metadata\": {\n        \"name\": \"x\",\n        \"annotations\": {}\n    }\n}\n"
        let out = try edit(json) { editor, root in
            #expect(editor.isJSON)
            return editor.appendEntries([NewEntry("a", .quoted("1"))], to: try #require(root.lookup(["metadata", "annotations"])))
                + editor.appendEntries([NewEntry("labels", .mapping([NewEntry("k", .text("v"))]))], to: try #require(root["metadata"]))
        }
        #expect(out == "{\n    \"metadata\": {\n        \"name\": \"x\",\n        \"annotations\": {\"a\": \"1\"},\n        \"labels\": {\n            \"k\": \"v\"\n        }\n    }\n}\n")
    }

    @Test func nullValuesBecomeBlockCollections() throws {
        let out = try edit("metadata:\n  annotations:  # none\n  name: x\nspec: ~\n") { editor, root in
            let metadata = try #require(root["metadata"])
            let pair = try #require(metadata.pair(forKey: "annotations"))
            let spec = try #require(root.pair(forKey: "spec"))
            return editor.replaceNullValue(of: pair, in: metadata, with: .mapping(two))
                + editor.replaceNullValue(of: spec, in: root, with: .sequence([.text("a")]))
        }
        #expect(out == "metadata:\n  annotations:  # none\n    a/b: \"1\"\n    c: \"true\"\n  name: x\nspec:\n- a\n")
    }

    @Test func newLinesUseTheFilesLineEnding() throws {
        let out = try edit("m:\r\n  k: v\r\n") { editor, root in
            editor.appendEntries([NewEntry("nn", .mapping([NewEntry("x", .quoted("1"))]))], to: try #require(root["m"]))
        }
        #expect(out == "m:\r\n  k: v\r\n  nn:\r\n    x: \"1\"\r\n")
    }

    @Test func aMissingFinalNewlineStaysMissing() throws {
        let out = try edit("m:\n  k: v") { editor, root in
            editor.appendEntries([NewEntry("x", .quoted("1"))], to: try #require(root["m"]))
        }
        #expect(out == "m:\n  k: v\n  x: \"1\"")
    }

    @Test func insertsAfterAKeptBlockScalarsBlankLines() throws {
        let out = try edit("m:\n  s: |+\n    t\n\n  # c\nz: 1\n") { editor, root in
            editor.appendEntries([NewEntry("x", .quoted("1"))], to: try #require(root["m"]))
        }
        #expect(out == "m:\n  s: |+\n    t\n\n  x: \"1\"\n  # c\nz: 1\n")
    }

    @Test func newSequencesFollowTheDocumentsSequenceStyle() throws {
        let out = try edit("c:\n  - name: a\n    image: i\n") { editor, root in
            let container = try #require(root["c"]?.items.first)
            return editor.appendEntries([NewEntry("env", .sequence([.mapping([NewEntry("name", .text("X")), NewEntry("value", .text("1.0"))])]))], to: container)
        }
        #expect(out == "c:\n  - name: a\n    image: i\n    env:\n      - name: X\n        value: \"1.0\"\n")
    }

    @Test func replacingAScalarKeepsItsQuoting() throws {
        let out = try edit("a: 'x'\nb: \"y\"\nc: z\n") { editor, root in
            [
                editor.replaceScalar(try #require(root["a"]), with: "it's", inFlow: false),
                editor.replaceScalar(try #require(root["b"]), with: "q\"", inFlow: false),
                editor.replaceScalar(try #require(root["c"]), with: "true", inFlow: false),
            ]
        }
        #expect(out == "a: 'it''s'\nb: \"q\\\"\"\nc: \"true\"\n")
    }

    @Test func removingEntriesDeletesWholeLinesAndEmptiesToFlow() throws {
        let out = try edit("m:\n  a: 1  # one\n  b: 2\nn:\n  only: 1\nl: [x, y, z]\n") { editor, root in
            editor.removeEntries(at: [0], from: try #require(root["m"]))
                + editor.removeEntries(at: [0], from: try #require(root["n"]))
                + editor.removeItems(at: [1], from: try #require(root["l"]))
        }
        #expect(out == "m:\n  b: 2\nn: {}\nl: [x, z]\n")
    }

    @Test func removingTheFirstChildrenOfAFlowCollectionTakesTheSeparatorsAfterThem() throws {
        // Found by FuzzUninject: removing the first two annotations of a flow mapping left
        // `{, c: 3}`, which does not parse.
        let out = try edit("m: {a: 1, b: 2, c: 3, d: 4, e: 5}\nl: [v, w, x, y]\n") { editor, root in
            editor.removeEntries(at: [0, 1, 3], from: try #require(root["m"]))
                + editor.removeItems(at: [0, 1, 2], from: try #require(root["l"]))
        }
        #expect(out == "m: {c: 3, e: 5}\nl: [y]\n")
    }

    @Test func overlappingEditsAreRefused() {
        let source = YAMLSource("abc")
        #expect(throws: EditConflict.self) {
            try source.applying([Edit(range: 0..<2, text: "x"), Edit(range: 1..<3, text: "y")])
        }
    }
}

/// Values that YAML 1.1 would read as something else are quoted when written.
@Suite struct QuotingTests {
    @Test func booleanLookingWordsAreQuoted() throws {
        let source = YAMLSource("m:\n  k: v\n")
        let document = try #require(YAMLStream(parsing: source).documents.first)
        let editor = YAMLEditor(source: source, document: document)
        let edits = editor.appendEntries([NewEntry("y", .text("n")), NewEntry("on", .text("1"))], to: try #require(document.root["m"]))
        #expect(String(decoding: try source.applying(edits), as: UTF8.self) == "m:\n  k: v\n  \"y\": \"n\"\n  \"on\": \"1\"\n")
    }
}

import SpliceYAML
import Testing

/// Upserts and removals at paths: new text in the document's style, and removal as the exact inverse.
@Suite struct DocumentPatchTests {
    private let annotation: YAMLPath = [.key("metadata"), .key("annotations"), .key("a/b")]
    private let second: YAMLPath = [.key("metadata"), .key("annotations"), .key("c")]
    private let env: YAMLPath = [.key("env"), .named("HTTP_PROXY"), .key("value")]

    /// Applies `change` to the first document of `text`; the result must parse.
    private func patch(_ text: String, _ change: (inout DocumentPatch) -> Void) throws -> String {
        let source = YAMLSource(text)
        let document = try #require(YAMLStream(parsing: source).documents.first)
        var patch = DocumentPatch(editor: YAMLEditor(source: source, document: document), root: document.root)
        change(&patch)
        let output = try source.applying(try patch.edits())
        _ = try YAMLStream(parsing: output)
        return String(decoding: output, as: UTF8.self)
    }

    private func add(_ patch: inout DocumentPatch) {
        patch.upsert(annotation, .string("1"))
        patch.upsert(second, .string("true"))
    }

    private func removeBoth(_ patch: inout DocumentPatch) {
        patch.remove(annotation, pruningEmptyParents: 2)
        patch.remove(second, pruningEmptyParents: 2)
    }

    @Test(arguments: [
        "kind: Pod\nspec:\n  containers: []\n",
        "kind: Pod\nmetadata:\n  name: x\nspec: {}\n",
        "kind: Pod\nmetadata:\n  name: x\n  annotations:\n    team: a  # owner\nspec: {}\n",
        "kind: Pod\nmetadata: {name: x}\n",
        "{\n  \"kind\": \"Pod\",\n  \"metadata\": {\n    \"name\": \"x\"\n  }\n}\n",
        "kind: Pod\nmetadata:\n    name: x\n    labels:\n        app: web\n",
        "kind: Pod\r\nmetadata:\r\n  name: x\r\n",
        "kind: Pod\nmetadata:\n  name: x",
    ])
    func removeUndoesUpsertByteForByte(_ input: String) throws {
        let added = try patch(input, add)
        #expect(added.contains("a/b"))
        #expect(added != input)
        let again = try patch(added, add)
        #expect(again == added, "a second upsert changes nothing")
        let removed = try patch(added, removeBoth)
        #expect(removed == input)
    }

    /// A new list item of nested mappings with an integer: block or flow (and JSON) style, the
    /// number as plain digits, and its removal gives the bytes back.
    @Test(arguments: [
        ("spec:\n  egress:\n  - hosts:\n    - \"./*\"\n",
         "spec:\n  egress:\n  - hosts:\n    - \"./*\"\n  - port:\n      number: 80\n      protocol: TCP\n    hosts:\n    - \"s/*\"\n"),
        ("spec:\n  egress: [{hosts: [\"./*\"]}]\n",
         "spec:\n  egress: [{hosts: [\"./*\"]}, {port: {number: 80, protocol: TCP}, hosts: [\"s/*\"]}]\n"),
        ("{\"spec\": {\"egress\": [{\"hosts\": [\"./*\"]}]}}\n",
         "{\"spec\": {\"egress\": [{\"hosts\": [\"./*\"]}, {\"port\": {\"number\": 80, \"protocol\": \"TCP\"}, \"hosts\": [\"s/*\"]}]}}\n"),
    ])
    func anIntegerIsWrittenAsDigits(_ input: String, _ expected: String) throws {
        let item: YAMLPath = [.key("spec"), .key("egress"), .index(1)]
        let added = try patch(input) { patch in
            patch.upsert(item.appending(.key("port"), .key("number")), .integer(80))
            patch.upsert(item.appending(.key("port"), .key("protocol")), .text("TCP"))
            patch.upsert(item.appending(.key("hosts"), .scalar("s/*")), .text("s/*"))
        }
        #expect(added == expected)
        #expect(try patch(added) { $0.remove(item, pruningEmptyParents: 0) } == input)
    }

    @Test func anIntegerReplacesAQuotedNumber() throws {
        let path: YAMLPath = [.key("port"), .key("number")]
        #expect(try patch("port:\n  number: \"80\"\n") { $0.upsert(path, .integer(80)) } == "port:\n  number: 80\n")
        #expect(try patch("port:\n  number: 80\n") { $0.upsert(path, .integer(80)) } == "port:\n  number: 80\n")
    }

    @Test func aUsersEmptyFlowMappingInABlockParentStays() throws {
        let input = "metadata:\n  name: x\n  annotations: {}\n"
        let added = try patch(input, add)
        #expect(added == "metadata:\n  name: x\n  annotations: {a/b: \"1\", c: \"true\"}\n")
        #expect(try patch(added, removeBoth) == input)
    }

    @Test func aMappingAddedToAOneLineJSONObjectGoesAgainWhenEmptied() throws {
        // Found by FuzzInject: uninject left `"annotations": {}` in a JSON object written on one line.
        let input = "{\"metadata\": {\"name\": \"x\"}}\n"
        let added = try patch(input, add)
        #expect(added == "{\"metadata\": {\"name\": \"x\", \"annotations\": {\"a/b\": \"1\", \"c\": \"true\"}}}\n")
        #expect(try patch(added, removeBoth) == input)
        // One the user wrote, not on its parent's opening line, stays.
        let own = "{\"metadata\": {\n  \"name\": \"x\",\n  \"annotations\": {\"a/b\": \"1\", \"c\": \"true\"}}}\n"
        #expect(try patch(own, removeBoth) == "{\"metadata\": {\n  \"name\": \"x\",\n  \"annotations\": {}}}\n")
    }

    @Test func aMappingAddedAfterAnEntryRunningOntoANewLineGoesAgainWhenEmptied() throws {
        // Found by FuzzInject: the last entry starts on the object's opening line and its value
        // ends on the next (a lone carriage return is a line break): new entries follow it
        // there, and uninject left `"annotations": {}`.
        let input = "{\"metadata\": {\"name\": \r\"x\"}}\n"
        let added = try patch(input, add)
        #expect(added == "{\"metadata\": {\"name\": \r\"x\", \"annotations\": {\"a/b\": \"1\", \"c\": \"true\"}}}\n")
        #expect(try patch(added, removeBoth) == input)
    }

    @Test func aKeyWrittenEmptyWithACommentUnderItKeepsBoth() throws {
        // Found by FuzzInject: uninject of inject took `metadata:` away with the comment under it.
        for input in ["kind: Pod\nmetadata:\n  # name: x\nspec:\n  a: 1\n", "kind: Pod\nmetadata:\n  # name: x\n"] {
            let added = try patch(input, add)
            #expect(added.contains("metadata:\n  # name: x\n  annotations:\n    a/b: \"1\"\n"))
            #expect(try patch(added, removeBoth) == input)
        }
        let unterminated = "kind: Pod\nmetadata:\n  # name: x\n  annotations:\n    a/b: \"1\"\n    c: \"true\""
        #expect(try patch(unterminated, removeBoth) == "kind: Pod\nmetadata:\n  # name: x")
    }

    @Test func newMetadataGoesBeforeSpec() throws {
        let out = try patch("kind: Pod\nspec:\n  a: 1\n", add)
        #expect(out == "kind: Pod\nmetadata:\n  annotations:\n    a/b: \"1\"\n    c: \"true\"\nspec:\n  a: 1\n")
    }

    @Test func upsertReplacesAndRequotes() throws {
        let out = try patch("metadata:\n  annotations:\n    a/b: 2\n    c: true\n", add)
        #expect(out == "metadata:\n  annotations:\n    a/b: \"1\"\n    c: \"true\"\n")
    }

    @Test func upsertFillsNullValues() throws {
        let out = try patch("metadata:\n  annotations: ~\n", add)
        #expect(out == "metadata:\n  annotations:\n    a/b: \"1\"\n    c: \"true\"\n")
    }

    @Test func namedListItemsAreCreatedWithTheirNameFirst() throws {
        let out = try patch("name: app\nenv:\n- name: A\n  value: x\n") { $0.upsert(env, .text("http://localhost:4140")) }
        #expect(out == "name: app\nenv:\n- name: A\n  value: x\n- name: HTTP_PROXY\n  value: http://localhost:4140\n")
        let removed = try patch(out) { $0.remove([.key("env"), .named("HTTP_PROXY")], pruningEmptyParents: 1) }
        #expect(removed == "name: app\nenv:\n- name: A\n  value: x\n")
    }

    @Test func anEmptiedEnvGoesWithItsKey() throws {
        let input = "name: app\nimage: x\n"
        let out = try patch(input) { $0.upsert(env, .text("http://localhost:4140")) }
        #expect(out == "name: app\nimage: x\nenv:\n- name: HTTP_PROXY\n  value: http://localhost:4140\n")
        #expect(try patch(out) { $0.remove([.key("env"), .named("HTTP_PROXY")], pruningEmptyParents: 1) } == input)
    }

    @Test(arguments: [
        "metadata:\n  annotations:\n  name: x\n",
        "metadata:\n  annotations:  # c\n  name: x\n",
        "env:\nname: app\n",
    ])
    func aNullKeyBeforeOthersWasTheUsersAndComesBack(_ input: String) throws {
        let isEnv = input.hasPrefix("env")
        let added = try patch(input) { patch in
            patch.upsert(isEnv ? [.key("env"), .named("X"), .key("value")] : annotation, .text("1"))
        }
        #expect(added != input)
        let removed = try patch(added) { patch in
            if isEnv {
                patch.remove([.key("env"), .named("X")], pruningEmptyParents: 1)
            } else {
                patch.remove(annotation, pruningEmptyParents: 2)
            }
        }
        #expect(removed == input)
    }

    @Test func aKeyLineCommentKeepsTheKeyAsNull() throws {
        let out = try patch("metadata:\n  annotations:  # ours\n    a/b: \"1\"\n    c: \"true\"\n", removeBoth)
        #expect(out == "metadata:\n  annotations:  # ours\n")
    }

    @Test func pruningStopsAtTheGivenLevel() throws {
        let out = try patch("metadata:\n  annotations:\n    a/b: \"1\"\n") { $0.remove(annotation, pruningEmptyParents: 1) }
        #expect(out == "metadata: {}\n")
    }

    @Test func scalarItemsAreAddedOnceAndRemoved() throws {
        let path: YAMLPath = [.key("hosts"), .scalar("speedscale/*")]
        let out = try patch("hosts:\n- \"./*\"\n") { $0.upsert(path, .text("")) }
        #expect(out == "hosts:\n- \"./*\"\n- \"speedscale/*\"\n")
        #expect(try patch(out) { $0.upsert(path, .text("")) } == out)
        #expect(try patch(out) { $0.remove(path, pruningEmptyParents: 0) } == "hosts:\n- \"./*\"\n")
    }

    @Test func aKeyWrittenTwiceIsRefusedWhereThePatchGoesThroughIt() throws {
        // Found by FuzzInject: removing the last of two equal keys left the first, which the
        // next run removed: a run per copy. Neither is edited now.
        let text = "metadata:\n  annotations:\n    a/b: \"1\"\n    a/b: \"1\"\n    x: y\n    x: z\n"
        let source = YAMLSource(text)
        let document = try #require(YAMLStream(parsing: source).documents.first)
        for change in [{ (patch: inout DocumentPatch) in patch.remove(self.annotation, pruningEmptyParents: 2) }, { $0.upsert(self.annotation, .string("2")) }] {
            var patch = DocumentPatch(editor: YAMLEditor(source: source, document: document), root: document.root)
            change(&patch)
            #expect(throws: PatchBlocked.self) { try patch.edits() }
            do {
                _ = try patch.edits()
            } catch {
                #expect(error.path == annotation)
                #expect(error.offset == text.utf8.count - "a/b: \"1\"\n    x: y\n    x: z\n".utf8.count)
            }
        }
        // Keys elsewhere in the mapping may repeat: only those the patch goes through count.
        #expect(try patch(text) { $0.upsert(self.second, .string("true")) }.hasSuffix("    x: z\n    c: \"true\"\n"))
    }

    @Test func sharedTextIsRefusedWithItsPath() throws {
        let source = YAMLSource("base: &b\n  env: []\nother: *b\n")
        let document = try #require(YAMLStream(parsing: source).documents.first)
        var patch = DocumentPatch(editor: YAMLEditor(source: source, document: document), root: document.root)
        patch.upsert([.key("base"), .key("env"), .named("X"), .key("value")], .text("1"))
        #expect(throws: PatchBlocked.self) { try patch.edits() }
        do {
            _ = try patch.edits()
        } catch {
            #expect(error.path == [.key("base")])
            #expect(error.problem.contains("&b"))
        }
    }

    @Test func removingAnItemsOnlyMappingKeepsTheDash() throws {
        // The line above the item's mapping ends in a comment: the dash must stay.
        let out = try patch("env:  # list\n- name: A\n  value: x\n") { patch in
            patch.remove([.key("env"), .index(0), .key("name")], pruningEmptyParents: 0)
            patch.remove([.key("env"), .index(0), .key("value")], pruningEmptyParents: 0)
        }
        #expect(out == "env:  # list\n- {}\n")
    }

    @Test func replacingEveryChildOfACollectionKeepsItsStyle() throws {
        let replace: (inout DocumentPatch) -> Void = { patch in
            patch.remove([.key("metadata"), .key("annotations"), .key("a")], pruningEmptyParents: 2)
            patch.remove([.key("metadata"), .key("annotations"), .key("b")], pruningEmptyParents: 2)
            patch.upsert([.key("metadata"), .key("annotations"), .key("c")], .string("3"))
            patch.remove([.key("env"), .named("A")], pruningEmptyParents: 1)
            patch.upsert([.key("env"), .named("B"), .key("value")], .text("2"))
        }
        let block = "metadata:\n  annotations:\n    a: \"1\"\n    b: \"2\"\nenv:\n- name: A\n  value: x\n# end\n"
        #expect(try patch(block, replace) == "metadata:\n  annotations:\n    c: \"3\"\nenv:\n- name: B\n  value: \"2\"\n# end\n")
        let flow = "metadata:\n  annotations: {a: \"1\", b: \"2\"}\nenv: [{name: A, value: x}]\n"
        #expect(try patch(flow, replace) == "metadata:\n  annotations: {c: \"3\"}\nenv: [{name: B, value: \"2\"}]\n")
        let json = "{\n  \"metadata\": {\n    \"annotations\": {\n      \"a\": \"1\",\n      \"b\": \"2\"\n    }\n  }\n}\n"
        let replaced = try patch(json) { patch in
            patch.remove([.key("metadata"), .key("annotations"), .key("a")], pruningEmptyParents: 2)
            patch.remove([.key("metadata"), .key("annotations"), .key("b")], pruningEmptyParents: 2)
            patch.upsert([.key("metadata"), .key("annotations"), .key("c")], .string("3"))
        }
        #expect(replaced == "{\n  \"metadata\": {\n    \"annotations\": {\n      \"c\": \"3\"\n    }\n  }\n}\n")
    }
}

/// Offsets in an edited text map back to the source, so an error in the output can name the input.
@Suite struct EditMapTests {
    @Test func offsetsAfterInsertionsAndRemovalsMapBack() throws {
        let source = YAMLSource("a: 1\nb: 2\nc: 3\n")
        let edits = [Edit.insert("x: 9\n", at: 5), Edit(range: 10..<15, text: "")]
        let output = try source.applying(edits)
        #expect(String(decoding: output, as: UTF8.self) == "a: 1\nx: 9\nb: 2\n")
        let map = EditMap(edits)
        #expect(map.inputOffset(ofOutputOffset: 0) == 0)
        #expect(map.inputOffset(ofOutputOffset: 7) == 5, "inside the inserted text: where it was inserted")
        #expect(map.inputOffset(ofOutputOffset: 10) == 5, "b moved down by the insertion")
        #expect(source.location(ofByte: map.inputOffset(ofOutputOffset: 12)) == SourceLocation(line: 2, column: 3))
        #expect(YAMLSource(output).byteOffset(of: SourceLocation(line: 3, column: 4)) == 13)
    }
}

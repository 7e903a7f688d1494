import SpliceYAML
import Testing

/// The byte ranges and positions the parser gives nodes.
@Suite struct SourceRangeTests {
    private func text(_ node: YAMLNode, _ source: YAMLSource) -> String {
        source.text(node.range)
    }

    @Test func multiByteCharactersBeforeANodeDoNotShiftItsRange() throws {
        let source = YAMLSource("note: café ☕ 𝄞\nkey: value\n")
        let root = try #require(YAMLStream(parsing: source).documents.first?.root)
        let value = try #require(root["key"])
        #expect(text(value, source) == "value")
        #expect(text(try #require(root["note"]), source) == "café ☕ 𝄞")
        #expect(source.location(ofByte: value.start) == SourceLocation(line: 2, column: 6))
    }

    @Test func crlfLineEndingsAreCountedAsTwoBytes() throws {
        let source = YAMLSource("a: 1\r\nb:\r\n  c: \"x\"\r\n")
        #expect(source.lineEnding == .crlf)
        let root = try #require(YAMLStream(parsing: source).documents.first?.root)
        let c = try #require(root.lookup(["b", "c"]))
        #expect(text(c, source) == "\"x\"")
        #expect(source.location(ofByte: c.start) == SourceLocation(line: 3, column: 6))
    }

    @Test func aLeadingByteOrderMarkIsSkippedInOffsetsAndColumns() throws {
        let source = YAMLSource([0xEF, 0xBB, 0xBF] + Array("kind: Pod\nname: é\n".utf8))
        #expect(source.hasByteOrderMark)
        let root = try #require(YAMLStream(parsing: source).documents.first?.root)
        let kindKey = try #require(root.pairs.first?.key)
        #expect(kindKey.start == 3)
        #expect(source.location(ofByte: kindKey.start) == SourceLocation(line: 1, column: 1))
        #expect(text(try #require(root["name"]), source) == "é")
    }

    @Test func quotedScalarsIncludeTheirQuotes() throws {
        let source = YAMLSource("a: 'it''s'\nb: \"x\\ty\"\n")
        let root = try #require(YAMLStream(parsing: source).documents.first?.root)
        let a = try #require(root["a"])
        #expect(text(a, source) == "'it''s'")
        #expect(a.value == "it's")
        #expect(a.scalarStyle == .singleQuoted)
        let b = try #require(root["b"])
        #expect(text(b, source) == "\"x\\ty\"")
        #expect(b.value == "x\ty")
    }

    @Test func blockScalarsEndAtTheirLastNonBlankCharacterUnlessKept() throws {
        let source = YAMLSource("script: |\n  echo hi\n  exit 0\n\nkept: |+\n  a\n\nnext: 1\n")
        let root = try #require(YAMLStream(parsing: source).documents.first?.root)
        let script = try #require(root["script"])
        #expect(text(script, source) == "|\n  echo hi\n  exit 0")
        #expect(script.value == "echo hi\nexit 0\n")
        let kept = try #require(root["kept"])
        #expect(text(kept, source) == "|+\n  a\n\n")
    }

    @Test func aBlockScalarEndsAfterTrailingLinesOfSpacesDeeperThanItsText() throws {
        // A line of spaces deeper than the scalar's text is text too; one no deeper is not.
        let cases: [(String, String, String)] = [
            ("s: |\n  a\n   \n  \nn: 1\n", "|\n  a\n   ", "a\n \n"),
            ("s: |\n  a\n   ", "|\n  a\n   ", "a\n "),
            ("s: |-\n  a\n    \n", "|-\n  a\n    ", "a\n  "),
            ("s: |\n  a\n  \n\nn: 1\n", "|\n  a", "a\n"),
            ("s: |1\n   a\n  \n", "|1\n   a\n  ", "  a\n \n"),
            ("- |\n  a\n   \n", "|\n  a\n   ", "a\n \n"),
            ("s: |\n \n  a\n   \n", "|\n \n  a\n   ", "\na\n \n"),
        ]
        for (input, written, value) in cases {
            let source = YAMLSource(input)
            let root = try #require(YAMLStream(parsing: source).documents.first?.root)
            let scalar = try #require(root.isMapping ? root["s"] : root.items.first)
            #expect(text(scalar, source) == written, "\(input.debugDescription)")
            #expect(scalar.value == value, "\(input.debugDescription)")
        }
    }

    @Test func flowCollectionsSpanTheirBrackets() throws {
        let source = YAMLSource("labels: {app: web, tier: \"fe\"}\nports: [80, 443]\nempty: {}\nlist: []\n")
        let root = try #require(YAMLStream(parsing: source).documents.first?.root)
        #expect(text(try #require(root["labels"]), source) == "{app: web, tier: \"fe\"}")
        #expect(text(try #require(root["ports"]), source) == "[80, 443]")
        #expect(try #require(root["empty"]).isFlow)
        #expect(text(try #require(root["list"]), source) == "[]")
    }

    @Test func blockCollectionsEndAtTheirLastChildNotAtTrailingComments() throws {
        let source = YAMLSource("metadata:\n  annotations:\n    a: \"1\"  # one\n    # trailing comment\n  # another\nspec: {}\n")
        let root = try #require(YAMLStream(parsing: source).documents.first?.root)
        let annotations = try #require(root.lookup(["metadata", "annotations"]))
        #expect(text(annotations, source) == "a: \"1\"")
        let metadata = try #require(root["metadata"])
        #expect(source.text(metadata.range).hasSuffix("a: \"1\""))
    }

    @Test func anEmptyValueIsAZeroWidthNullBeforeItsComment() throws {
        let source = YAMLSource("metadata:\n  annotations:   # none yet\n  name: x\n")
        let root = try #require(YAMLStream(parsing: source).documents.first?.root)
        let annotations = try #require(root.lookup(["metadata", "annotations"]))
        #expect(annotations.isNull)
        #expect(annotations.range.isEmpty)
        #expect(source.location(ofByte: annotations.start) == SourceLocation(line: 2, column: 15))
    }

    @Test func indentedAndIndentlessSequencesHaveTheirItems() throws {
        let source = YAMLSource("a:\n- x\n- y\nb:\n  - name: z\n    value: w\n")
        let root = try #require(YAMLStream(parsing: source).documents.first?.root)
        #expect(try #require(root["a"]).items.map(\.value) == ["x", "y"])
        let b = try #require(root["b"])
        #expect(text(b, source) == "- name: z\n    value: w")
        #expect(YAMLEditor.dashOffset(before: b.items[0], in: source) == source.bytes.count - "- name: z\n    value: w\n".utf8.count)
    }

    @Test func anchorsTagsAndAliasesAreKept() throws {
        let source = YAMLSource("base: &b {x: 1}\ncopy: *b\ntagged: !!str 12\n")
        let root = try #require(YAMLStream(parsing: source).documents.first?.root)
        let base = try #require(root["base"])
        #expect(base.anchor == "b")
        #expect(text(base, source) == "&b {x: 1}")
        #expect(source.text(base.contentStart..<base.end) == "{x: 1}")
        let copy = try #require(root["copy"])
        #expect(copy.kind == .alias)
        #expect(copy.value == "b")
        let tagged = try #require(root["tagged"])
        #expect(tagged.tag == "tag:yaml.org,2002:str")
        #expect(source.text(tagged.contentStart..<tagged.end) == "12")
        #expect(tagged.isString)
    }

    @Test func documentsKeepTheirMarkers() throws {
        let stream = try YAMLStream(parsing: "# head\na: 1\n---\nb: 2\n...\n---\n")
        #expect(stream.documents.count == 3)
        #expect(!stream.documents[0].hasExplicitStart)
        #expect(stream.documents[1].hasExplicitStart)
        #expect(stream.documents[1].hasExplicitEnd)
        #expect(stream.documents[2].isEmpty)
    }

    @Test func parseErrorsGiveLibyamlsProblemAndPosition() {
        #expect {
            try YAMLStream(parsing: "a: 1\nb: [1, 2\nc: 3\n")
        } throws: { error in
            guard let error = error as? YAMLParseError else { return false }
            return error.location.line == 3 && error.problem.contains("did not find expected ',' or ']'")
        }
    }

    @Test func tabIndentationIsAnError() {
        #expect(throws: YAMLParseError.self) {
            try YAMLStream(parsing: "a:\n\tb: 1\n")
        }
    }

    @Test func scalarsResolveAsKubernetesReadsThem() {
        #expect(!PlainScalar.resolvesToString("true"))
        #expect(!PlainScalar.resolvesToString("yes"))
        #expect(!PlainScalar.resolvesToString("8080"))
        #expect(!PlainScalar.resolvesToString("1.5e3"))
        #expect(!PlainScalar.resolvesToString("0x1F"))
        #expect(!PlainScalar.resolvesToString("~"))
        #expect(PlainScalar.resolvesToString("tcp:http"))
        #expect(PlainScalar.resolvesToString("1.2.3"))
        #expect(PlainScalar.canWritePlain("http://localhost:4140", inFlow: false))
        #expect(!PlainScalar.canWritePlain("http://localhost:4140", inFlow: true))
        #expect(!PlainScalar.canWritePlain("true", inFlow: false))
        // JVM options: words after single spaces, an option's leading dash, | and * inside.
        #expect(PlainScalar.canWritePlain("-Xmx512m -Dhttp.nonProxyHosts=localhost|*.svc", inFlow: false))
        #expect(!PlainScalar.canWritePlain("-Xmx512m -Da=b", inFlow: true))
        for risky in ["- a", "-", "a  b", "a ", " a", "a: b", "|a", "*a", "a #b", "-1 a"] {
            #expect(!PlainScalar.canWritePlain(risky, inFlow: false), "\(risky)")
        }
        #expect(PlainScalar.doubleQuoted("a\"b\\c\n") == "\"a\\\"b\\\\c\\n\"")
    }

    @Test func doubleQuotedReadsBackAsTheValue() throws {
        // Every ASCII character alone and between letters, and a few non-ASCII ones: the
        // quoted text reads back as the value, and only `"`, `\` and control characters are
        // escaped.
        var values = (0..<0x80).map { String(UnicodeScalar(UInt8($0))) }
        values += values.map { "a\($0)b" }
        values += ["", "é", "日本", "a\u{7F}b", "tcp:http", "http://localhost:4140"]
        for value in values {
            let quoted = PlainScalar.doubleQuoted(value)
            let stream = try YAMLStream(parsing: YAMLSource(Array("key: \(quoted)\n".utf8)))
            let node = try #require(stream.documents.first?.root["key"])
            #expect(node.value == value, "\(quoted)")
            #expect(node.scalarStyle == .doubleQuoted)
            let escapes = value.unicodeScalars.filter { $0 == "\"" || $0 == "\\" || $0.value < 0x20 || $0.value == 0x7F }.count
            #expect(quoted.contains("\\") == (escapes > 0), "\(quoted)")
        }
    }
}

import SpliceYAML
import Testing

/// Lines end where libyaml says they end: at LF, CRLF, a lone CR, NEL, LS and PS alike.
@Suite struct LineBreakTests {
    private func edit(_ text: String, _ plan: (YAMLEditor, YAMLNode) throws -> [Edit]) throws -> (YAMLSource, String) {
        let result = try EditedDocument(text, plan)
        return (result.source, result.text)
    }

    @Test func everyKindOfLineBreakStartsALine() throws {
        let text = "a: 1\rb: 2\r\nc: 3\u{85}d: 4\u{2028}e: 5\u{2029}f: 6\ng: 7"
        let source = YAMLSource(text)
        let root = try #require(YAMLStream(parsing: source).documents.first?.root)
        #expect(root.pairs.map(\.key.value) == ["a", "b", "c", "d", "e", "f", "g"])
        for (line, pair) in root.pairs.enumerated() {
            #expect(source.location(ofByte: pair.key.start) == SourceLocation(line: line + 1, column: 1))
            #expect(source.location(ofByte: pair.value.start) == SourceLocation(line: line + 1, column: 4))
            #expect(source.lineStart(ofByte: pair.value.start) == pair.key.start)
            #expect(source.text(pair.value.end..<source.lineEnd(ofByte: pair.value.start)).isEmpty)
        }
        let keys = root.pairs.map(\.key.start)
        for (line, start) in keys.dropLast().enumerated() {
            #expect(source.nextLineStart(afterByte: start) == keys[line + 1])
        }
        #expect(source.lineBreakWidth(at: source.lineEnd(ofByte: keys[1])) == 2)
        #expect(source.lineBreakWidth(endingAt: keys[4]) == 3)
        #expect(!source.endsWithNewline)
        #expect(YAMLSource("a\u{85}").endsWithNewline && YAMLSource("a\r").endsWithNewline)
    }

    @Test func everyByteFindsItsLineWhateverTheLineLengths() {
        // Lines much shorter and much longer than the stretch of bytes the line index groups
        // together, breaks of every width, and a break as the very last byte.
        var text = ""
        for length in [0, 1, 7, 255, 256, 257, 600, 3, 0, 1200, 2, 511] {
            text += String(repeating: "x", count: length)
            text += ["\n", "\r\n", "\r", "\u{85}", "\u{2028}"][length % 5]
        }
        for input in [text, text + "tail", "", "\n", "a"] {
            let source = YAMLSource(input)
            let bytes = Array(input.utf8)
            var expected = 0
            var offset = 0
            while offset <= bytes.count {
                #expect(source.lineIndex(ofByte: offset) == expected, "byte \(offset)")
                let width = source.lineBreakWidth(at: offset)
                if width > 0 {
                    for inside in offset..<offset + width { #expect(source.lineIndex(ofByte: inside) == expected) }
                    offset += width
                    expected += 1
                } else {
                    offset += 1
                }
            }
            #expect(source.lineIndex(ofByte: -5) == 0)
            #expect(source.lineIndex(ofByte: bytes.count + 1000) == expected)
        }
    }

    @Test func aLoneCarriageReturnInsideALineEndsIt() throws {
        // libyaml reads `x: 1` as a key of the root at column 0, not as part of the line before.
        let (output, text) = try edit("m:\n  - p: 80\rx: 1\n") { editor, root in
            editor.appendEntries([NewEntry("q", .text("web"))], to: try #require(root["m"]?.items.first))
        }
        #expect(text == "m:\n  - p: 80\r    q: web\nx: 1\n")
        let root = try #require(YAMLStream(parsing: output).documents.first?.root)
        #expect(root["m"]?.items.first?["q"]?.value == "web")
        #expect(root["x"]?.value == "1")
    }

    @Test func aFileOfLoneCarriageReturnsGetsNewLinesEndingInCR() throws {
        let input = "apiVersion: v1\rkind: Pod\rmetadata:\r  name: web\r  labels:\r    app: web\rspec:\r  containers:\r  - name: app\r    image: nginx\r"
        let source = YAMLSource(input)
        #expect(source.lineEnding == .cr)
        let root = try #require(YAMLStream(parsing: source).documents.first?.root)
        let image = try #require(root.lookup(["spec", "containers"])?.items.first?["image"])
        #expect(source.location(ofByte: image.start) == SourceLocation(line: 10, column: 12))
        #expect(source.indentation(ofLineAt: image.start) == 4)
        let (output, text) = try edit(input) { editor, root in
            editor.appendEntries([NewEntry("env", .sequence([.mapping([NewEntry("name", .text("A"))])]))], to: try #require(root.lookup(["spec", "containers"])?.items.first))
                + editor.appendEntries([NewEntry("tier", .text("web"))], to: try #require(root.lookup(["metadata", "labels"])))
        }
        #expect(text == input.replacing("    app: web\r", with: "    app: web\r    tier: web\r") + "    env:\r    - name: A\r")
        let edited = try #require(YAMLStream(parsing: output).documents.first?.root)
        #expect(edited.lookup(["spec", "containers"])?.items.first?["env"]?.items.first?["name"]?.value == "A")
    }

    @Test func aLineInsertedBeforeAnLFInACRFileDoesNotSwallowIt() throws {
        // Mostly lone CRs, with a blank line ended by LF just where the new entry goes: the new
        // line ends in CRLF, so that LF still ends a blank line of its own.
        let input = "m:\r  a: 1\n\nz: 0\rw: 1\r"
        #expect(YAMLSource(input).lineEnding == .cr)
        let (output, text) = try edit(input) { editor, root in
            editor.appendEntries([NewEntry("b", .text("two"))], to: try #require(root["m"]))
        }
        #expect(text == "m:\r  a: 1\n  b: two\r\n\nz: 0\rw: 1\r")
        // m, a, b, the blank line, z, w, and the empty last line: one more than the input had.
        #expect(output.location(ofByte: output.bytes.count).line == 7)
    }

    @Test func editsThatWouldChangeTheLineBreaksAroundThemAreRefused() {
        let source = YAMLSource("a: 1\r\nb: 2\r\n\nc: 3\u{85}")
        // A CR put just before an LF would join them into one break.
        #expect(throws: EditConflict.self) { try source.applying([.insert("x\r", at: 12)]) }
        // An edit between the CR and LF of a CRLF would split it in two.
        #expect(throws: EditConflict.self) { try source.applying([.insert("x", at: 5)]) }
        // Removing the line `b: 2` would leave the CR of `a: 1` before an LF.
        #expect(throws: EditConflict.self) { try source.applying([Edit(range: 6..<11, text: "")]) }
        // An edit inside the two bytes of NEL would cut the character.
        #expect(throws: EditConflict.self) { try source.applying([.insert("x", at: source.bytes.count - 1)]) }
        // Whole lines are fine.
        #expect((try? source.applying([Edit(range: 6..<12, text: "")])) == Array("a: 1\r\n\nc: 3\u{85}".utf8))
    }
}

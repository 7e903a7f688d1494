import SpliceYAML
import Testing

/// The indentation habits an editor reads from a document.
@Suite struct BlockLayoutTests {
    private func layout(_ text: String) throws -> BlockLayout {
        let source = YAMLSource(text)
        return BlockLayout.infer(from: try #require(YAMLStream(parsing: source).documents.first?.root), in: source)
    }

    @Test func readsEachStepFromTheDocument() throws {
        let found = try layout("a:\n    b:\n        c: 1\nl:\n  -   x\n  -   y\n")
        #expect(found == BlockLayout(mappingIndent: 4, sequenceIndent: 2, itemIndent: 4, flowIndent: 4))
    }

    @Test func takesTheMostCommonStepAndTheSmallerOfATie() throws {
        #expect(try layout("a:\n  b: 1\nc:\n    d: 1\ne:\n    f: 1\n").mappingIndent == 4)
        #expect(try layout("a:\n  b: 1\nc:\n    d: 1\n").mappingIndent == 2)
    }

    @Test func countsStepsWiderThanUsual() throws {
        #expect(try layout("a:\n" + String(repeating: " ", count: 20) + "b: 1\n").mappingIndent == 20)
    }

    @Test func readsJSONsIndentationAndDefaultsTheRest() throws {
        let found = try layout("{\n   \"a\": {\n      \"b\": [1]\n   }\n}\n")
        #expect(found == BlockLayout(mappingIndent: 2, sequenceIndent: 0, itemIndent: 2, flowIndent: 3))
        #expect(try layout("a: 1\n") == BlockLayout())
    }

    @Test func aByteOrderMarkIsNotAColumn() throws {
        #expect(try layout("\u{FEFF}a:\n   b: 1\n").mappingIndent == 3)
    }
}

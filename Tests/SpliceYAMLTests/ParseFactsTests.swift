import SpliceYAML
import Testing

/// What the parser checks and records beyond libyaml: nesting depth, aliases, duplicate
/// keys, and messages that name the cause.
@Suite struct ParseFactsTests {
    /// The error parsing `text` gives, if any.
    private func parseError(_ text: String, maximumDepth: Int = YAMLStream.defaultMaximumDepth) -> YAMLParseError? {
        do {
            _ = try YAMLStream(parsing: text, maximumDepth: maximumDepth)
            return nil
        } catch {
            return error
        }
    }

    @Test func unclosedFlowSequencesDeeperThanTheLimitAreRefusedWhereTheyCrossIt() throws {
        // libyaml alone spends time growing with the square of the depth here (25 s for this
        // input); the limit stops it after the first thousand levels.
        let error = try #require(parseError(String(repeating: "[", count: 100_000)))
        #expect(error.location == SourceLocation(line: 1, column: 1_001))
        #expect(error.problem.contains("more than 1000 levels deep"))
    }

    @Test func deepBlockSequencesAreRefusedWhereTheyCrossTheLimit() throws {
        let error = try #require(parseError(String(repeating: "- ", count: 50_000) + "x\n"))
        #expect(error.location == SourceLocation(line: 1, column: 2_001))
    }

    @Test func theLimitIsAParameter() throws {
        #expect(parseError(String(repeating: "[", count: 1_000) + String(repeating: "]", count: 1_000)) == nil)
        #expect(parseError(String(repeating: "[", count: 1_001) + String(repeating: "]", count: 1_001)) != nil)
        let shallow = try #require(parseError("a:\n  b: [c, {d: 1}]\n", maximumDepth: 3))
        #expect(shallow.location == SourceLocation(line: 2, column: 10))
        #expect(shallow.problem.contains("more than 3 levels deep"))
        #expect(parseError("a:\n  b: [c, {d: 1}]\n", maximumDepth: 4) == nil)
    }

    @Test func anAliasToAnAnchorNotDefinedBeforeItIsAnError() throws {
        let undefined = try #require(parseError("a: 1\nb: *x\n"))
        #expect(undefined.location == SourceLocation(line: 2, column: 4))
        #expect(undefined.problem.contains("*x"))
        let later = try #require(parseError("a: *x\nb: &x 1\n"))
        #expect(later.location == SourceLocation(line: 1, column: 4))
        let otherDocument = try #require(parseError("a: &x 1\n---\nb: *x\n"))
        #expect(otherDocument.location == SourceLocation(line: 3, column: 4))
        #expect(parseError("a: &x {k: 1}\nb: *x\nc: [&y 2, *y]\n") == nil)
    }

    @Test func duplicateKeysAreRecordedWithBothPositions() throws {
        let source = YAMLSource("""
            spec:
              containers:
              - name: a
              containers:
              - name: b
              x: 1
              containers: []
            other: {k: 1, k: 2, "k": 3}
            ---
            spec: {}
            """)
        let stream = try YAMLStream(parsing: source)
        let duplicates = stream.documents[0].duplicateKeys
        #expect(duplicates.map(\.key) == ["containers", "containers", "k", "k"])
        #expect(duplicates.map { source.location(ofByte: $0.first.start).line } == [2, 2, 8, 8])
        #expect(duplicates.map { source.location(ofByte: $0.duplicate.start) } == [
            SourceLocation(line: 4, column: 3), SourceLocation(line: 7, column: 3),
            SourceLocation(line: 8, column: 15), SourceLocation(line: 8, column: 21),
        ])
        #expect(duplicates[0].mapping == stream.documents[0].root["spec"])
        // The last one wins, as in Kubernetes' decoder.
        #expect(stream.documents[0].root.lookup(["spec", "containers"])?.isFlow == true)
        #expect(stream.documents[1].duplicateKeys.isEmpty)
    }

    @Test func manyKeysAreCheckedForDuplicatesToo() throws {
        let keys = (0..<40).map { "k\($0): \($0)" } + ["k7: again"]
        let source = YAMLSource(keys.joined(separator: "\n"))
        let duplicates = try YAMLStream(parsing: source).documents[0].duplicateKeys
        #expect(duplicates.map(\.key) == ["k7"])
        #expect(duplicates.map { source.location(ofByte: $0.first.start).line } == [8])
        #expect(duplicates.map { source.location(ofByte: $0.duplicate.start).line } == [41])
    }

    @Test func aKeyLongerThanLibyamlsLimitIsNamedAsTheCause() throws {
        let key = String(repeating: "k", count: 1_100)
        for text in ["\(key): v\n", "a: 1\n\(key): v\n", "m:\n  - \(key): v\n"] {
            let error = try #require(parseError(text))
            #expect(error.problem.contains("1100 characters long"), "\(error.problem.prefix(80))")
            #expect(error.problem.contains("1024"))
        }
        #expect(parseError("? \(key)\n: v\n") == nil)
        // A plain `a: b: c` is not about the length of a key.
        #expect(!(try #require(parseError("a: b: c\n")).problem.contains("1024")))
    }

    @Test func jsonWithCommentsGetsAHint() throws {
        let slashes = try #require(parseError("{\n  // the name\n  \"name\": \"x\"\n}\n"))
        #expect(slashes.problem.contains("JSON, which has no comments") && slashes.problem.contains("2:3"))
        let block = try #require(parseError("[1, /* two */ 2,\n"))
        #expect(block.problem.contains("1:5"))
        let url = try #require(parseError("{\"url\": \"http://x\", bad\n"))
        #expect(!url.problem.contains("JSON"))
    }
}

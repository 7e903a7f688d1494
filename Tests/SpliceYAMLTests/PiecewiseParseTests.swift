import SpliceYAML
@testable import SpliceYAMLChecks
import Testing

/// A long stream is cut at `---` lines and parsed piece by piece on several threads: the
/// pieces must give exactly the whole stream's documents and nodes, and an input that does
/// not parse whole must not parse in pieces either.
@Suite struct PiecewiseParseTests {
    /// Streams whose cut points are unusual: comments and blank lines before `---`, empty
    /// documents, explicit ends, `---` with content on its line, CRLF, wide characters (libyaml
    /// counts characters), a byte-order mark, block scalars ended by `---`, and anchors.
    static let streams: [String] = [
        "# head\n\n---\na: 1\n# tail of first\n---\nb: 2\n",
        "---\n---\n---\na: 1\n---\n",
        "a: 1\n...\n---\nb: 2\n...\n",
        "--- x\n--- [1, 2]\n---\t{a: b}\n--- |\n  text\n--- >-\n  folded\n",
        "a: 1\r\n---\r\nb: \"é ü\"\r\n---\r\nc: 😀\r\n",
        "\u{FEFF}a: é\n---\nb: ü\n--- c\n",
        "k: |\n  line\n---\nk: &x 1\nj: *x\n",
        "- a\n- b\n---\n- c\n---   \n- d\n",
        "a: 'one\n  two'\n---\nb: \"three\n  four\"\n",
    ]

    /// Inputs that do not parse whole (a flow collection or quoted scalar cut by `---`, an
    /// alias to an anchor of another document, a mapping value where none may be).
    static let broken: [String] = [
        "a: [1,\n---\n2]\n",
        "a: 'one\n---\ntwo'\n",
        "a: &x 1\n---\nb: *x\n",
        "a: b: c\n---\nd: 1\n",
    ]

    @Test(arguments: streams)
    func piecesGiveTheWholeStream(_ text: String) throws {
        let source = YAMLSource(text)
        #expect(!source.documentStartLines().isEmpty)
        let whole = try YAMLStream(parsing: source)
        #expect(ParseCheck.pieceViolations(whole) == [])
        #expect(ParseCheck.violations(of: Array(text.utf8)) == [])
    }

    @Test(arguments: broken)
    func brokenInputsFailInPiecesToo(_ text: String) {
        #expect(throws: YAMLParseError.self) { try YAMLStream(parsing: YAMLSource(text)) }
        #expect(ParseCheck.piecewise(YAMLSource(text)) == nil)
        // Parsed on several threads, the error is the one of the whole input.
        let source = YAMLSource(text)
        let cuts = source.documentStartLines().filter { $0 > 0 }
        let pieces = zip([0] + cuts, cuts + [source.bytes.count]).map { $0..<$1 }
        var wholeError: YAMLParseError?
        var pieceError: YAMLParseError?
        do { _ = try YAMLStream(parsing: source) } catch { wholeError = error }
        do {
            _ = try YAMLStream(parsing: source, maximumDepth: YAMLStream.defaultMaximumDepth, pieces: pieces, workers: Workers(2))
        } catch {
            pieceError = error
        }
        #expect(pieceError != nil)
        #expect(pieceError?.location == wholeError?.location)
        #expect(pieceError?.problem == wholeError?.problem)
    }

    @Test func aLongStreamIsCutIntoPiecesOfSimilarSizeThatCoverIt() throws {
        let document = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  k: \"é\"\n"
        let text = String(repeating: "---\n" + document, count: 2_000)
        let source = YAMLSource(text)
        let pieces = YAMLStream.pieces(of: source, count: 8, minimumSize: 16 << 10)
        #expect(pieces.count == 8)
        #expect(pieces.first?.lowerBound == 0)
        #expect(pieces.last?.upperBound == source.bytes.count)
        for (left, right) in zip(pieces, pieces.dropFirst()) {
            #expect(left.upperBound == right.lowerBound)
            #expect(source.documentStartLines().contains(right.lowerBound))
        }
        let parallel = try YAMLStream(parsing: source, maximumDepth: YAMLStream.defaultMaximumDepth, pieces: pieces, workers: Workers(4))
        let whole = try YAMLStream(parsing: source)
        #expect(parallel.documents.map(\.start) == whole.documents.map(\.start))
        #expect(parallel.documents.map(\.end) == whole.documents.map(\.end))
        #expect(parallel.documents.map { $0.root.string(at: ["data", "k"]) } == whole.documents.map { $0.root.string(at: ["data", "k"]) })
    }

    @Test func aStreamWithDirectivesIsNotCut() {
        // A directive belongs to the document after it: cutting before that document's `---`
        // would part them.
        let source = YAMLSource("a: 1\n---\nb: 2\n...\n%YAML 1.1\n---\nc: 3\n")
        #expect(source.documentStartLines() == [])
    }

    @Test func checkingInPiecesAgreesWithParsingWhole() throws {
        let many = Workers(2, minimumPieceSize: 1)
        for text in Self.streams {
            try YAMLStream.check(YAMLSource(text), workers: many)
        }
        for text in Self.broken {
            var wholeError: YAMLParseError?
            var checkError: YAMLParseError?
            do { _ = try YAMLStream(parsing: YAMLSource(text)) } catch { wholeError = error }
            do { try YAMLStream.check(YAMLSource(text), workers: many) } catch { checkError = error }
            #expect(checkError != nil)
            #expect(checkError?.problem == wholeError?.problem && checkError?.location == wholeError?.location)
        }
    }

    @Test func checkingFromEventsAgreesWithParsingOnEveryKindOfRefusal() throws {
        // Each kind of input the parser refuses, and its accepted neighbour; checked whole
        // (one worker) and in pieces.
        let deep = String(repeating: "[", count: 6) + String(repeating: "]", count: 6)
        let cases: [(text: String, parses: Bool)] = [
            ("a: 1\n", true), ("a: [1\n", false),
            ("a: &x 1\nb: *x\n", true), ("a: *x\nb: &x 1\n", false), ("a: &x 1\n---\nb: *x\n", false),
            ("a: &x [1]\nb: *x\n", true), ("a: &x {k: v}\nb: *x\n", true),
            ("a: " + deep + "\n", false), ("a: [[[[1]]]]\n", true),
            ("\u{FEFF}a: 1\n", true), ("", true), ("a: b: c\n", false),
        ]
        for (text, parses) in cases {
            for workers in [Workers.one, Workers(2, minimumPieceSize: 1)] {
                let source = YAMLSource(text)
                #expect(((try? YAMLStream(parsing: source, maximumDepth: 6)) != nil) == parses, "\(text)")
                var checkError: YAMLParseError?
                do { try YAMLStream.check(source, maximumDepth: 6, workers: workers) } catch { checkError = error }
                #expect((checkError == nil) == parses, "\(text)")
            }
        }
        // UTF-16 is refused before libyaml reads anything.
        var utf16 = YAMLSource([0xFF, 0xFE, 0x61, 0x00])
        #expect(throws: YAMLParseError.self) { try YAMLStream.check(utf16, workers: .one) }
        utf16 = YAMLSource([0xFE, 0xFF, 0x00, 0x61])
        #expect(throws: YAMLParseError.self) { try YAMLStream.check(utf16, workers: .one) }
    }

    @Test func checkingAroundEditsParsesTheDocumentsTheyTouch() throws {
        let text = "a: 1\n---\nb: [2\n---\nc: 3\n"
        let source = YAMLSource(text)
        let broken = try #require(text.utf8.firstIndex(of: UInt8(ascii: "[")).map { text.utf8.distance(from: text.utf8.startIndex, to: $0) })
        for workers in [Workers.one, Workers(2, minimumPieceSize: 1)] {
            // An edit in the first or last document leaves the middle one to the input's own parse.
            try YAMLStream.check(source, around: [0..<1], workers: workers)
            try YAMLStream.check(source, around: [text.utf8.count - 2..<text.utf8.count - 1], workers: workers)
            // One inside the broken document, or ending where it starts, is told as the whole parse tells it.
            var wholeError: YAMLParseError?
            do { _ = try YAMLStream(parsing: source) } catch { wholeError = error }
            for spans in [[broken..<broken + 1], [0..<1, broken..<broken + 1], [4..<5]] {
                var checkError: YAMLParseError?
                do { try YAMLStream.check(source, around: spans, workers: workers) } catch { checkError = error }
                #expect(checkError != nil && checkError?.location == wholeError?.location, "\(spans)")
            }
        }
        // Without a `---` line to cut at, or without spans, the whole source is checked.
        #expect(throws: YAMLParseError.self) { try YAMLStream.check(YAMLSource("a: 1\nb: [2\n"), around: [0..<1], workers: .one) }
        #expect(throws: YAMLParseError.self) { try YAMLStream.check(source, around: [], workers: .one) }
    }

    @Test func anOrdinaryFileStaysWhole() {
        let source = YAMLSource("a: 1\n---\nb: 2\n")
        #expect(YAMLStream.pieces(of: source, count: 8) == [])
    }

    @Test func workersKeepTheOrderOfTheItems() {
        let items = Array(0..<1_000)
        #expect(Workers(3).map(items) { $0 * 2 } == items.map { $0 * 2 })
        #expect(Workers(0).count == 1)
    }
}

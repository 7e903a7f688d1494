import SpliceYAML
import Testing

/// The facts a source reads once (line starts, characters, line ending) agree with a plain
/// reading of its bytes, wherever runs of printable ASCII end and other bytes begin.
@Suite struct SourceFactsTests {
    /// Pieces of text: printable ASCII runs of every length up to past a word, every kind of
    /// line break, tabs and control bytes, and characters of two, three and four bytes.
    private static let pieces = [
        "a", "bc", "def", "ghij", "klmno", "pqrstu", "vwxyz01", "23456789", "key: value here",
        "\n", "\r\n", "\r", "\u{85}", "\u{2028}", "\u{2029}", "\t", "\u{1}", "\u{7F}", "é", "日本", "😀",
    ]

    /// Deterministic texts: each piece after a run of every length from 0 to 17, and pairs of
    /// pieces in a fixed pseudo-random order.
    private static var texts: [String] {
        var texts: [String] = []
        for piece in pieces {
            for run in 0...17 {
                let prefix = String(repeating: "x", count: run)
                texts.append(prefix + piece + prefix + piece + "tail")
            }
        }
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<300 {
            var text = ""
            for _ in 0..<12 {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                text += pieces[Int(state >> 33) % pieces.count]
            }
            texts.append(text)
        }
        return texts
    }

    /// The line starts of `bytes` read one byte at a time: after LF, CRLF, a lone CR, NEL, LS, PS.
    private static func lineStarts(_ bytes: [UInt8]) -> [Int] {
        var starts = [0]
        var offset = 0
        while offset < bytes.count {
            var width = 0
            switch bytes[offset] {
            case 0x0A: width = 1
            case 0x0D: width = offset + 1 < bytes.count && bytes[offset + 1] == 0x0A ? 2 : 1
            case 0xC2 where offset + 1 < bytes.count && bytes[offset + 1] == 0x85: width = 2
            case 0xE2 where offset + 2 < bytes.count && bytes[offset + 1] == 0x80 && (bytes[offset + 2] == 0xA8 || bytes[offset + 2] == 0xA9): width = 3
            default: break
            }
            if width > 0 { starts.append(offset + width) }
            offset += max(1, width)
        }
        return starts
    }

    @Test func lineStartsAndCharactersAgreeWithAPlainReading() {
        var checked = 0
        for text in Self.texts {
            let bytes = Array(text.utf8)
            let source = YAMLSource(bytes)
            let starts = Self.lineStarts(bytes)
            // The character that starts at each byte, counted one byte at a time.
            var characterIndex = 0
            for offset in 0...bytes.count {
                let line = (starts.lastIndex { $0 <= offset }) ?? 0
                #expect(source.lineIndex(ofByte: offset) == line, "\(text.debugDescription) at \(offset)")
                #expect(source.lineStart(ofByte: offset) == starts[line], "\(text.debugDescription) at \(offset)")
                guard offset < bytes.count else { break }
                if bytes[offset] & 0xC0 != 0x80 {
                    #expect(source.byteOffset(ofCharacterIndex: characterIndex) == offset, "\(text.debugDescription) at \(offset)")
                    #expect(source.characterIndex(ofByte: offset) == characterIndex, "\(text.debugDescription) at \(offset)")
                    characterIndex += 1
                }
                checked += 1
            }
        }
        #expect(checked > 10_000)
    }

    @Test func piecesReadOnSeveralThreadsGiveTheSameFacts() {
        // Pieces of at least four bytes: every text is cut wherever a line feed allows.
        let workers = Workers(3, minimumPieceSize: 1)
        for text in Self.texts + [Self.texts.joined(separator: "\n")] {
            let bytes = Array(text.utf8)
            let whole = YAMLSource(bytes)
            let pieces = YAMLSource(bytes, workers: workers)
            #expect(pieces.lineEnding == whole.lineEnding, "\(text.debugDescription)")
            var characterIndex = 0
            for offset in 0...bytes.count {
                #expect(pieces.lineIndex(ofByte: offset) == whole.lineIndex(ofByte: offset), "\(text.debugDescription) at \(offset)")
                #expect(pieces.characterIndex(ofByte: offset) == whole.characterIndex(ofByte: offset), "\(text.debugDescription) at \(offset)")
                #expect(pieces.byteOffset(ofCharacterIndex: characterIndex) == whole.byteOffset(ofCharacterIndex: characterIndex))
                characterIndex += 1
            }
        }
    }

    @Test func theFirstOffsetOfAByteIsWhereAPlainSearchFindsIt() {
        #expect(YAMLSource.firstOffset(of: UInt8(ascii: "?"), in: []) == nil)
        #expect(YAMLSource.firstOffset(of: UInt8(ascii: "?"), in: Array(repeating: UInt8(ascii: "a"), count: 100)) == nil)
        // At every alignment, before a second one, among bytes of every value but its own.
        let others = (0...255).map(UInt8.init).filter { $0 != UInt8(ascii: "?") }
        for position in 0..<80 {
            var bytes = (0..<100).map { others[($0 * 7) % others.count] }
            bytes[position] = UInt8(ascii: "?")
            bytes[position + 13] = UInt8(ascii: "?")
            #expect(YAMLSource.firstOffset(of: UInt8(ascii: "?"), in: bytes) == bytes.firstIndex(of: UInt8(ascii: "?")))
            #expect(YAMLSource.firstOffset(of: UInt8(ascii: "?"), in: bytes) == position)
        }
    }

    @Test func aByteOrderMarkThatStartsALineIsOneColumnAsLibyamlReadsIt() throws {
        // libyaml reads `b` at column 1 and ` c` beside it: the mark is one column there, and
        // none at the start of the input.
        let source = YAMLSource("\u{FEFF}a:\n\u{FEFF}b: 1\n c: 2\n")
        let b = try #require(source.bytes.firstIndex(of: UInt8(ascii: "b")))
        let c = try #require(source.bytes.firstIndex(of: UInt8(ascii: "c")))
        #expect(source.byteColumn(of: 3) == 0)
        #expect(source.byteColumn(of: b) == 1)
        #expect(source.byteColumn(of: c) == 1)
        #expect(source.byteColumn(of: b - 3) == 0)
        let root = try #require(YAMLStream(parsing: source).documents.first?.root)
        #expect(root["a"]?.pairs.count == 2)
    }

    @Test func lineEndingIsTheMostCommonBreak() {
        #expect(YAMLSource("a\r\nb\r\nc\n").lineEnding == .crlf)
        #expect(YAMLSource("a\rb\rc\n").lineEnding == .cr)
        #expect(YAMLSource("a\nb\r\nc\r").lineEnding == .lf)
        #expect(YAMLSource("abcdefghijklmnop\r\nqrstuvwxyz0123456789\r\n").lineEnding == .crlf)
    }
}

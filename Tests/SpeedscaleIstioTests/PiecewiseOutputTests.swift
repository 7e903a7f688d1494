@testable import SpeedscaleIstio
import SpliceYAML
import Testing

/// A long input's output made piece by piece on several threads is byte for byte the output
/// made whole on one, also where edits meet the cuts between pieces, and an edit that spans a
/// cut or breaks a piece gives what it gives whole.
@Suite struct PiecewiseOutputTests {
    /// Three threads, with pieces of about 1 KiB.
    static let many = Workers(3, minimumPieceSize: 1 << 10)

    /// 60 ConfigMaps, each a document of its own starting with `---`.
    static let source: YAMLSource = {
        var text = ""
        for index in 0..<60 {
            text += "---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: map-\(index)\ndata:\n  key: value-\(index)\n"
        }
        return YAMLSource(text)
    }()

    /// Where each document starts (its `---` line), and the end of the source.
    static var documentStarts: [Int] {
        let bytes = source.bytes
        var starts = (0..<bytes.count - 3).filter { offset in
            (offset == 0 || bytes[offset - 1] == 0x0A) && bytes[offset..<offset + 3].elementsEqual("---".utf8)
        }
        starts.append(bytes.count)
        return starts
    }

    static func file(_ edits: [Edit]) -> FileEdits {
        FileEdits(file: "maps.yaml", source: source, edits: edits, outcomes: [], notes: [])
    }

    @Test func editsAtEveryDocumentBoundaryGiveTheWholeOutput() throws {
        let pieces = YAMLStream.pieces(of: Self.source, count: Self.many.count * 4, minimumSize: Self.many.minimumPieceSize)
        #expect(pieces.count > 2)
        // At each document start: a line added to the document before (at its end) and a
        // comment put before the next, both at the same offset; and a value replaced.
        var edits: [Edit] = []
        for (number, start) in Self.documentStarts.enumerated() where start > 0 {
            edits.append(.insert("  added: \"\(number)\"\n", at: start, depth: 2))
            edits.append(.insert("# before \(number)\n", at: start))
        }
        let value = Self.source.bytes.firstRange(of: Array("value-7".utf8)) ?? 0..<0
        edits.append(Edit(range: value, text: "seven"))
        let whole = try Self.file(edits).output(workers: .one)
        let piecewise = try Self.file(edits).output(workers: Self.many)
        #expect(piecewise == whole)
        #expect(String(decoding: whole, as: UTF8.self).contains("  key: value-6\n  added: \"7\"\n# before 7\n---\n"))
        #expect(String(decoding: whole, as: UTF8.self).contains("key: seven\n"))
    }

    @Test func anEditAcrossACutGivesTheWholeOutput() throws {
        let pieces = YAMLStream.pieces(of: Self.source, count: Self.many.count * 4, minimumSize: Self.many.minimumPieceSize)
        let cut = try #require(pieces.dropFirst().first?.lowerBound)
        // Replaces the last line of the document before the cut and the `---` after it.
        let lineStart = (Self.source.bytes[..<(cut - 1)].lastIndex(of: 0x0A) ?? -1) + 1
        let edits = [Edit(range: lineStart..<cut + 4, text: "  key: joined\n---\n")]
        #expect(try Self.file(edits).output(workers: Self.many) == Self.file(edits).output(workers: .one))
    }

    @Test func anEditThatSplitsADocumentInTwoIsNotRefused() throws {
        // A `---` line put inside a document makes two documents that each parse: the check
        // of the edited documents must read both, and pass as a check of the whole would.
        let data = Self.source.bytes.firstRange(of: Array("data:\n  key: value-10\n".utf8)) ?? 0..<0
        let edits = [Edit.insert("---\nextra: 1\n", at: data.lowerBound)]
        let whole = try Self.file(edits).output(workers: .one)
        #expect(try Self.file(edits).output(workers: Self.many) == whole)
        _ = try YAMLStream(parsing: whole)
        #expect(String(decoding: whole, as: UTF8.self).contains("  name: map-10\n---\nextra: 1\ndata:\n"))
    }

    @Test func anEditThatBreaksAPieceIsReportedAsWhole() throws {
        let start = Self.documentStarts[30]
        let edits = [Edit.insert("  - broken: [\n", at: start)]
        let one = #expect(throws: InjectError.self) { try Self.file(edits).output(workers: .one) }
        let many = #expect(throws: InjectError.self) { try Self.file(edits).output(workers: Self.many) }
        #expect(one.map(String.init(describing:)) == many.map(String.init(describing:)))
        #expect(one.map(String.init(describing:))?.contains("would break the document") == true)
    }
}

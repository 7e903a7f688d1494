#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The bytes of one YAML input, with the facts an editor needs about them:
/// its line ending, whether it starts with a byte-order mark, where its lines start, and
/// a map from libyaml's character indexes to byte offsets.
///
/// Lines are what libyaml counts as lines: a line ends at LF, CRLF, a lone CR, NEL (U+0085),
/// LS (U+2028) or PS (U+2029). Every line, column, line start and indentation here agrees
/// with libyaml on each of them.
public struct YAMLSource: Sendable {
    /// The input, exactly as read.
    public let bytes: [UInt8]
    /// The line ending that most lines of the input use (LF when it has no line break).
    public let lineEnding: LineEnding
    /// Whether the input starts with a UTF-8 byte-order mark.
    public let hasByteOrderMark: Bool
    /// Byte offsets at which lines start (the first is 0).
    let lineStarts: LineStartTable
    /// For each multi-byte UTF-8 character: its character index and the extra bytes
    /// (beyond one per character) that the input holds up to and including it.
    let wideCharacters: [(index: Int, extraBytes: Int)]
    /// The offset of the first `?`, when there is one: an explicit key (`? key`) can come
    /// only after it, so most inputs are spared looking for one before every key.
    let firstQuestionMark: Int?

    /// Reads the facts of `bytes` once.
    public init(_ bytes: [UInt8]) {
        self.init(bytes, workers: .one)
    }

    /// Reads the facts of `bytes` once; a long input in pieces on up to `workers` threads,
    /// whose facts are joined in order (the same as one thread reads).
    public init(_ bytes: [UInt8], workers: Workers) {
        self.bytes = bytes
        hasByteOrderMark = Self.isByteOrderMark(in: bytes, at: 0)
        let pieces = LineScan.pieces(of: bytes, count: workers.count, minimumSize: workers.minimumPieceSize * 4)
        let scans = workers.map(pieces) { range in LineScan(bytes, range: range) }
        var starts = LineStartTable(byteCount: bytes.count)
        var wide: [(index: Int, extraBytes: Int)] = []
        var extra = 0
        var counts = (lf: 0, crlf: 0, cr: 0)
        for scan in scans {
            starts.append(contentsOf: scan.lineStarts)
            // A piece counts only its own extra bytes: those of the pieces before shift its entries.
            wide += scan.wideCharacters.map { ($0.index - extra, $0.extraBytes + extra) }
            extra += scan.extraBytes
            counts = (counts.lf + scan.breaks.lf, counts.crlf + scan.breaks.crlf, counts.cr + scan.breaks.cr)
        }
        starts.finish(byteCount: bytes.count)
        firstQuestionMark = Self.firstOffset(of: UInt8(ascii: "?"), in: bytes)
        lineStarts = starts
        wideCharacters = wide
        if counts.crlf > counts.lf && counts.crlf >= counts.cr {
            lineEnding = .crlf
        } else if counts.cr > counts.lf && counts.cr > counts.crlf {
            lineEnding = .cr
        } else {
            lineEnding = .lf
        }
    }

    /// Whether the three bytes of a UTF-8 byte-order mark start at `offset` of `bytes`.
    static func isByteOrderMark(in bytes: [UInt8], at offset: Int) -> Bool {
        offset + 2 < bytes.count && bytes[offset] == 0xEF && bytes[offset + 1] == 0xBB && bytes[offset + 2] == 0xBF
    }

    /// The offset of the first `byte` in `bytes`, found with the C library's `memchr` (many
    /// bytes at a time: a byte-by-byte search of a long input took longer than reading its
    /// lines, and on one thread).
    package static func firstOffset(of byte: UInt8, in bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress, let found = memchr(base, Int32(byte), buffer.count) else { return nil }
            return UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
        }
    }

    /// The length of the line break that starts at `offset` (2 for CRLF and NEL, 3 for LS and
    /// PS, 1 for LF and a lone CR), or 0 when no line break starts there.
    static func lineBreakWidth(in bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> Int {
        let count = bytes.count
        switch bytes[offset] {
        case 0x0A:
            return 1
        case 0x0D:
            return offset + 1 < count && bytes[offset + 1] == 0x0A ? 2 : 1
        case 0xC2:
            return offset + 1 < count && bytes[offset + 1] == 0x85 ? 2 : 0
        case 0xE2:
            return offset + 2 < count && bytes[offset + 1] == 0x80 && (bytes[offset + 2] == 0xA8 || bytes[offset + 2] == 0xA9) ? 3 : 0
        default:
            return 0
        }
    }

    /// Reads the UTF-8 bytes of `text`.
    public init(_ text: String) {
        self.init(Array(text.utf8))
    }

    /// Whether the input ends with a line break of any kind (an empty input counts as ending in one).
    public var endsWithNewline: Bool {
        bytes.isEmpty || lineStarts.last == bytes.count
    }

    /// The length of the line break that starts at `offset`, or 0 when none starts there
    /// (see ``lineBreakWidth(in:at:)``; an offset outside the input has none).
    public func lineBreakWidth(at offset: Int) -> Int {
        guard offset >= 0 && offset < bytes.count else { return 0 }
        return bytes.withUnsafeBufferPointer { Self.lineBreakWidth(in: $0, at: offset) }
    }

    /// The length of the line break that ends just before `offset`, or 0 when `offset` is not
    /// just past a line break.
    public func lineBreakWidth(endingAt offset: Int) -> Int {
        guard offset > 0 && offset <= bytes.count else { return 0 }
        let line = lineIndex(ofByte: offset)
        guard lineStarts[line] == offset, line > 0 else { return 0 }
        return offset - lineContentEnd(ofLine: line - 1)
    }

    /// The byte offset of a libyaml mark index. libyaml counts characters, not bytes, and
    /// skips a leading byte-order mark before it starts counting.
    public func byteOffset(ofMarkIndex index: Int) -> Int {
        byteOffset(ofCharacterIndex: hasByteOrderMark ? index + 1 : index)
    }

    /// The byte offset of the character with index `index`, counting from the first byte.
    public func byteOffset(ofCharacterIndex index: Int) -> Int {
        // Just past the last wide character whose index is below `index`.
        let low = wideCharacters.partitioningIndex { $0.index >= index }
        return low == 0 ? index : index + wideCharacters[low - 1].extraBytes
    }

    /// The index of the character that starts at byte `offset`, counting from the first
    /// byte (the inverse of ``byteOffset(ofCharacterIndex:)`` at a character's first byte).
    public func characterIndex(ofByte offset: Int) -> Int {
        // Just past the last wide character that starts before `offset`: its extra bytes are
        // all before it.
        let low = wideCharacters.indices.partitioningIndex { position in
            wideCharacters[position].index + (position == 0 ? 0 : wideCharacters[position - 1].extraBytes) >= offset
        }
        return low == 0 ? offset : offset - wideCharacters[low - 1].extraBytes
    }

    /// The byte offsets of the lines that start a document with `---` (followed by a space,
    /// a tab, a line break or the end of the input), in order; none when a line starts with
    /// `%` (directives belong to the document after them, so the stream is not cut).
    /// Where a stream may be cut into pieces that libyaml reads the same way apart.
    public func documentStartLines() -> [Int] {
        var starts: [Int] = []
        for line in 0..<lineStarts.count {
            let start = lineStarts[line]
            guard start < bytes.count else { continue }
            let byte = bytes[start]
            if byte == UInt8(ascii: "%") { return [] }
            guard byte == UInt8(ascii: "-"), start + 2 < bytes.count, bytes[start + 1] == byte, bytes[start + 2] == byte else { continue }
            let after = start + 3 < bytes.count ? bytes[start + 3] : 0x0A
            if after == 0x20 || after == 0x09 || after == 0x0A || after == 0x0D { starts.append(start) }
        }
        return starts
    }

    /// The 1-based line and column of a byte offset. Columns count characters, and a
    /// leading byte-order mark is not counted.
    public func location(ofByte offset: Int) -> SourceLocation {
        let line = lineIndex(ofByte: offset)
        var start = lineStarts[line]
        if line == 0 && hasByteOrderMark { start = min(3, offset) }
        var column = 1
        var position = start
        let end = min(offset, bytes.count)
        while position < end {
            if bytes[position] & 0xC0 != 0x80 { column += 1 }
            position += 1
        }
        return SourceLocation(line: line + 1, column: column)
    }

    /// The byte offset of a 1-based line and column, or nil when the input has no character
    /// there (the end of the input counts as a place; a line's break is its last character).
    public func offset(of location: SourceLocation) -> Int? {
        guard location.line >= 1, location.line <= lineStarts.count, location.column >= 1 else { return nil }
        var position = lineStarts[location.line - 1]
        if location.line == 1 && hasByteOrderMark { position = min(3, bytes.count) }
        for _ in 1..<location.column {
            guard position < bytes.count else { return nil }
            position += 1
            while position < bytes.count && bytes[position] & 0xC0 == 0x80 { position += 1 }
        }
        return self.location(ofByte: position) == location ? position : nil
    }

    /// The 0-based index of the line that holds `offset`.
    public func lineIndex(ofByte offset: Int) -> Int {
        lineStarts.line(holding: offset)
    }

    /// The byte offset at which the line holding `offset` starts.
    public func lineStart(ofByte offset: Int) -> Int {
        lineStarts[lineIndex(ofByte: offset)]
    }

    /// The byte offset just past the line break of the line holding `offset`, or the end of the input.
    public func nextLineStart(afterByte offset: Int) -> Int {
        let line = lineIndex(ofByte: offset)
        return line + 1 < lineStarts.count ? lineStarts[line + 1] : bytes.count
    }

    /// The offset reached by stepping back from `offset` over spaces, tabs and line breaks,
    /// stopping at `limit`.
    public func offsetBeforeBlanks(_ offset: Int, notBefore limit: Int = 0) -> Int {
        var position = offset
        while position > limit {
            if bytes[position - 1] == 0x20 || bytes[position - 1] == 0x09 {
                position -= 1
            } else if case let width = lineBreakWidth(endingAt: position), width > 0 {
                position -= width
            } else {
                break
            }
        }
        return max(position, limit)
    }

    /// The byte offset where the line break ending the line holding `offset` starts, or the
    /// end of the input on a last line without one.
    public func lineEnd(ofByte offset: Int) -> Int {
        lineContentEnd(ofLine: lineIndex(ofByte: offset))
    }

    /// Where the line break of line `line` (0-based) starts, or the end of the input.
    private func lineContentEnd(ofLine line: Int) -> Int {
        guard line + 1 < lineStarts.count else { return bytes.count }
        let next = lineStarts[line + 1]
        // The break is the last thing on the line: find which kind it is from its last byte.
        switch bytes[next - 1] {
        case 0x0A: return next >= 2 && bytes[next - 2] == 0x0D && next - 2 >= lineStarts[line] ? next - 2 : next - 1
        case 0x0D: return next - 1
        case 0x85: return next - 2
        default: return next - 3
        }
    }

    /// The number of spaces that indent the line holding `offset`.
    public func indentation(ofLineAt offset: Int) -> Int {
        var position = lineStart(ofByte: offset)
        if position == 0 && hasByteOrderMark { position = 3 }
        var count = 0
        while position < bytes.count && bytes[position] == 0x20 {
            count += 1
            position += 1
        }
        return count
    }

    /// The column, counted in bytes from the start of its line (0-based), of `offset`.
    /// Indentation is made of spaces, so for the start of a block node this is its indentation
    /// (a byte-order mark that starts a line counts as one column, as libyaml reads it).
    public func byteColumn(of offset: Int) -> Int {
        linePosition(of: offset).column
    }

    /// The 0-based line index and the byte column of `offset` (``lineIndex(ofByte:)`` and
    /// ``byteColumn(of:)`` together, with one lookup of the line).
    func linePosition(of offset: Int) -> (line: Int, column: Int) {
        let line = lineStarts.line(holding: offset)
        var start = lineStarts[line]
        if start == 0 && hasByteOrderMark && offset >= 3 {
            // The input's byte-order mark is read before its first line: no column.
            start = 3
        } else if offset >= start + 3 && Self.isByteOrderMark(in: bytes, at: start) {
            // libyaml skips a byte-order mark that starts a later line as one column.
            start += 2
        }
        return (line, offset - start)
    }

    /// The text of a byte range, decoded as UTF-8.
    public func text(_ range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }
}

/// A line ending style.
public enum LineEnding: String, Sendable {
    /// Line feed, as on Unix.
    case lf = "\n"
    /// Carriage return and line feed, as on Windows.
    case crlf = "\r\n"
    /// A carriage return alone, as on classic Mac OS.
    case cr = "\r"
}

/// A 1-based line and column in a source.
public struct SourceLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The line, from 1.
    public var line: Int
    /// The column, from 1, in characters.
    public var column: Int

    /// Makes a location.
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }

    public var description: String { "\(line):\(column)" }
}

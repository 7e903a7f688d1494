/// The bytes of one YAML input, with the facts an editor needs about them:
/// its line ending, whether it starts with a byte-order mark, and a map from
/// libyaml's character indexes to byte offsets.
public struct YAMLSource: Sendable {
    /// The input, exactly as read.
    public let bytes: [UInt8]
    /// The line ending that most lines of the input use.
    public let lineEnding: LineEnding
    /// Whether the input starts with a UTF-8 byte-order mark.
    public let hasByteOrderMark: Bool
    /// Byte offsets at which lines start (the first is 0).
    let lineStarts: [Int]
    /// For each multi-byte UTF-8 character: its character index and the extra bytes
    /// (beyond one per character) that the input holds up to and including it.
    let wideCharacters: [(index: Int, extraBytes: Int)]

    /// Reads the facts of `bytes` once.
    public init(_ bytes: [UInt8]) {
        self.bytes = bytes
        hasByteOrderMark = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
        var starts = [0]
        var wide: [(Int, Int)] = []
        var extra = 0
        var crlf = 0
        var lf = 0
        var offset = 0
        let count = bytes.count
        while offset < count {
            let byte = bytes[offset]
            if byte == 0x0A {
                if offset > 0 && bytes[offset - 1] == 0x0D { crlf += 1 } else { lf += 1 }
                starts.append(offset + 1)
            } else if byte >= 0xC0 {
                let width = byte >= 0xF0 ? 4 : (byte >= 0xE0 ? 3 : 2)
                extra += width - 1
                wide.append((offset - (extra - (width - 1)), extra))
            }
            offset += 1
        }
        lineStarts = starts
        wideCharacters = wide
        lineEnding = crlf > lf ? .crlf : .lf
    }

    /// Reads the UTF-8 bytes of `text`.
    public init(_ text: String) {
        self.init(Array(text.utf8))
    }

    /// Whether the last byte of the input is a line feed (an empty input counts as ending in one).
    public var endsWithNewline: Bool {
        bytes.last.map { $0 == 0x0A } ?? true
    }

    /// The byte offset of a libyaml mark index. libyaml counts characters, not bytes, and
    /// skips a leading byte-order mark before it starts counting.
    public func byteOffset(ofMarkIndex index: Int) -> Int {
        byteOffset(ofCharacterIndex: hasByteOrderMark ? index + 1 : index)
    }

    /// The byte offset of the character with index `index`, counting from the first byte.
    public func byteOffset(ofCharacterIndex index: Int) -> Int {
        // Find the last wide character whose index is below `index`.
        var low = 0
        var high = wideCharacters.count
        while low < high {
            let mid = (low + high) / 2
            if wideCharacters[mid].index < index { low = mid + 1 } else { high = mid }
        }
        return low == 0 ? index : index + wideCharacters[low - 1].extraBytes
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

    /// The 0-based index of the line that holds `offset`.
    public func lineIndex(ofByte offset: Int) -> Int {
        var low = 0
        var high = lineStarts.count
        while low < high {
            let mid = (low + high) / 2
            if lineStarts[mid] <= offset { low = mid + 1 } else { high = mid }
        }
        return max(0, low - 1)
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
    /// Indentation is made of spaces, so for the start of a block node this is its indentation.
    public func byteColumn(of offset: Int) -> Int {
        var start = lineStart(ofByte: offset)
        if start == 0 && hasByteOrderMark && offset >= 3 { start = 3 }
        return offset - start
    }

    /// The text of a byte range, decoded as UTF-8.
    public func text(_ range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }
}

/// A line ending style.
public enum LineEnding: String, Sendable {
    case lf = "\n"
    case crlf = "\r\n"
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

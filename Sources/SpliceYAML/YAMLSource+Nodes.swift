/// Where node text starts and ends, for the cases libyaml's marks do not say exactly.
extension YAMLSource {
    /// Where an empty node goes (a value left out: `key:`, `- `, `{a, b}`, `? key`): just
    /// after the last indicator (`:`, `-`, `?`, `,`, `[`, `{`) between `lastEnd` (where the
    /// text of the event before it ends) and libyaml's mark for it, or at `lastEnd` when
    /// there is none (the value of `? key` or `{key}`, which has no `:`). Blanks, line breaks
    /// and comments in between are skipped. libyaml's own mark is at the next token, which
    /// can be lines later, past comments or in the next document.
    func emptyNodePlace(after lastEnd: Int, before mark: Int) -> Int {
        guard lastEnd < mark else { return mark }
        var position = lastEnd
        var place = lastEnd
        while position < mark {
            let byte = bytes[position]
            if let next = self.position(afterBlankOrCommentAt: position) {
                position = next
            } else if Self.isIndicator(byte) {
                position += 1
                place = position
            } else {
                // Anything else (the anchor or tag of an enclosing collection): step over it.
                while position < mark && !isBlankOrBreak(at: position) { position += 1 }
                place = position
            }
        }
        return min(place, mark)
    }

    /// Where a node's own text starts when it has an anchor or tag at `start`: past the
    /// properties and the blanks, line breaks and comments after them, but never past `limit`.
    func contentStart(afterPropertiesAt start: Int, limit: Int) -> Int {
        var position = start
        while position < limit {
            let byte = bytes[position]
            if byte == UInt8(ascii: "!") && position + 1 < limit && bytes[position + 1] == UInt8(ascii: "<") {
                // A verbatim tag, `!<...>`.
                while position < limit && bytes[position] != UInt8(ascii: ">") { position += 1 }
                position += 1
            } else if byte == UInt8(ascii: "&") {
                // libyaml's anchor names are letters, digits, `-` and `_`.
                position += 1
                while position < limit && Self.isAnchorCharacter(bytes[position]) { position += 1 }
            } else if byte == UInt8(ascii: "!") {
                position += 1
                while position < limit && !isBlankOrBreak(at: position) { position += 1 }
            } else if let next = self.position(afterBlankOrCommentAt: position) {
                position = next
            } else {
                break
            }
        }
        return min(position, limit)
    }

    /// Where the space or tab, line break, byte-order mark at a line start, or comment at
    /// `position` ends; nil when none of them is there.
    private func position(afterBlankOrCommentAt position: Int) -> Int? {
        let byte = bytes[position]
        if byte == 0x20 || byte == 0x09 { return position + 1 }
        let width = lineBreakWidth(at: position)
        if width > 0 { return position + width }
        if isByteOrderMarkStartingALine(at: position) { return position + 3 }
        if byte == UInt8(ascii: "#") { return lineEnd(ofByte: position) }
        return nil
    }

    /// The end of a block scalar's content: libyaml's end mark when the scalar keeps its
    /// trailing line breaks (`|+`), else just past its last non-blank character, or past the
    /// last of the whitespace-only lines after it that are indented deeper than the scalar's
    /// content (such a line is text: `|` then `  a` then `   ` reads `"a\n "`).
    /// `parentColumn` is the column of the block collection holding the scalar, nil at a
    /// document's root: an indentation digit counts from there.
    func blockScalarEnd(contentStart: Int, markEnd: Int, parentColumn: Int?) -> Int {
        let limit = min(markEnd, bytes.count)
        var header = contentStart
        var digit: Int?
        while header < limit && lineBreakWidth(at: header) == 0 && bytes[header] != UInt8(ascii: "#") {
            if bytes[header] == UInt8(ascii: "+") { return markEnd }
            if (0x31...0x39).contains(bytes[header]) { digit = Int(bytes[header] - 0x30) }
            header += 1
        }
        var end = min(markEnd, offsetBeforeBlanks(limit, notBefore: contentStart + 1))
        guard end < limit else { return end }
        let indentation: Int
        if let digit {
            indentation = (parentColumn ?? 0) + digit
        } else {
            // As libyaml finds it: the most spaces on the lines up to the first with text,
            // and at least one more than the parent's column.
            var most = max(1, (parentColumn ?? -1) + 1)
            var line = nextLineStart(afterByte: contentStart)
            while line < limit {
                let spaces = min(self.indentation(ofLineAt: line), limit - line)
                most = max(most, spaces)
                if line + spaces < lineEnd(ofByte: line) { break }
                line = nextLineStart(afterByte: line)
            }
            indentation = most
        }
        var line = nextLineStart(afterByte: end)
        while line < limit {
            let lineEnd = min(lineEnd(ofByte: line), limit)
            if lineEnd - line > indentation { end = lineEnd }
            line = nextLineStart(afterByte: line)
        }
        return end
    }

    /// Whether a byte-order mark starts at `offset`, at the start of a line: libyaml skips one
    /// there, as it does blanks.
    private func isByteOrderMarkStartingALine(at offset: Int) -> Bool {
        Self.isByteOrderMark(in: bytes, at: offset) && lineStart(ofByte: offset) == offset
    }

    /// Whether the byte at `offset` is a space, a tab or starts a line break.
    private func isBlankOrBreak(at offset: Int) -> Bool {
        bytes[offset] == 0x20 || bytes[offset] == 0x09 || lineBreakWidth(at: offset) > 0
    }

    /// Whether libyaml reads `byte` as part of an anchor or alias name.
    private static func isAnchorCharacter(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
            || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
    }

    /// Whether `byte` is an indicator after which an empty node may follow.
    private static func isIndicator(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: ":") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "?") || isFlowIndicator(byte)
    }

    /// Whether `byte` is `,`, `[`, `]`, `{` or `}`.
    private static func isFlowIndicator(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: ",") || byte == UInt8(ascii: "[") || byte == UInt8(ascii: "]")
            || byte == UInt8(ascii: "{") || byte == UInt8(ascii: "}")
    }
}

/// A file that ends without a line break, in a block scalar: a line added after it gives
/// that scalar a final line break it did not have, and with clip (`|`) or keep (`|+`)
/// chomping its value would gain a `\n`. Its header becomes strip (`|-`), which reads
/// exactly the old value.
extension YAMLEditor {
    /// `edits`, plus the header change that keeps a final block scalar's value when one of
    /// them adds a line break after the last line of a file that has none.
    func keepingFinalBlockScalar(_ edits: [Edit]) -> [Edit] {
        let count = source.bytes.count
        guard !source.endsWithNewline,
              edits.contains(where: { $0.range == count..<count && source.startsWithLineBreak($0.replacement) }),
              let last = root.subtree.last, last.kind == .scalar, last.scalarStyle == .literal || last.scalarStyle == .folded,
              source.nextLineStart(afterByte: last.contentStart) < count, source.nextLineStart(afterByte: max(last.end - 1, 0)) == count
        else { return edits }
        // The header: `|` or `>`, then an indentation digit and a chomping sign in either order.
        let bytes = source.bytes
        var position = last.contentStart + 1
        while position < count, bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-") || (0x31...0x39).contains(bytes[position]) {
            switch bytes[position] {
            case UInt8(ascii: "-"): return edits
            case UInt8(ascii: "+"): return edits + [Edit(range: position..<position + 1, text: "-")]
            default: position += 1
            }
        }
        return edits + [.insert("-", at: last.contentStart + 1)]
    }
}

extension YAMLSource {
    /// Whether `text` starts with a line break of any kind.
    func startsWithLineBreak(_ text: [UInt8]) -> Bool {
        guard let first = text.first else { return false }
        return first == 0x0A || first == 0x0D || (text.count >= 2 && first == 0xC2 && text[1] == 0x85)
            || (text.count >= 3 && first == 0xE2 && text[1] == 0x80 && (text[2] == 0xA8 || text[2] == 0xA9))
    }
}

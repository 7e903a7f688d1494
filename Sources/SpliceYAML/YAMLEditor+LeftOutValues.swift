/// Entries written with `?` (`? key`) and values left out (`? key` alone, `{a, b}`): where an
/// entry starts, whether a value has its `:`, and how to give it one.
extension YAMLEditor {
    /// Where an entry starts: at its `?` when the key is explicit, else at its key.
    func entryStart(of pair: YAMLPair) -> Int {
        source.entryStart(of: pair)
    }

    /// Whether `node` is a mapping value left out, with no `:` (`? key` alone, `{key}`): the
    /// parser places such a value, zero-width, right at the end of its key, where no
    /// indicator precedes it.
    func isLeftOut(_ node: YAMLNode) -> Bool {
        guard node.kind == .scalar, node.range.isEmpty, node.start > 0 else { return false }
        let before = source.bytes[node.start - 1]
        return ![UInt8(ascii: ":"), UInt8(ascii: "-"), UInt8(ascii: "?"), UInt8(ascii: ","), UInt8(ascii: "["), UInt8(ascii: "{"), 0x20, 0x09].contains(before)
            && source.lineBreakWidth(endingAt: node.start) == 0
    }

    /// What goes between an empty value's indicator or properties and new text: nothing
    /// after a blank, `: ` for a flow value left out, else one space.
    func separation(before node: YAMLNode, inFlow: Bool) -> String {
        guard node.contentStart == node.end, node.contentStart > 0 else { return "" }
        if inFlow && isLeftOut(node) { return ": " }
        let before = source.bytes[node.contentStart - 1]
        if before == 0x20 || before == 0x09 || source.lineBreakWidth(endingAt: node.contentStart) > 0 { return "" }
        return " "
    }

    /// Gives the block entry `? key` (no `:`) a value: `: value` on a line of its own below
    /// the key, at the column of its `?`, or `:` followed by the lines of a collection.
    func explicitValueEdits(for pair: YAMLPair, value: NewValue) -> [Edit] {
        let column = source.byteColumn(of: entryStart(of: pair))
        let pad = String(repeating: " ", count: column)
        switch value {
        case .mapping(let entries) where !entries.isEmpty:
            let lines = [pad + ":"] + entries.flatMap { blockLines($0, indent: column + layout.mappingIndent) }
            return [insertLines(lines, after: pair.value.end, childColumn: column)]
        case .sequence(let items) where !items.isEmpty:
            let lines = [pad + ":"] + items.flatMap { itemLines($0, dashIndent: column + layout.sequenceIndent, itemIndent: layout.itemIndent) }
            return [insertLines(lines, after: pair.value.end, childColumn: column)]
        case .string:
            return [insertLines([pad + ": " + blockScalar(value)], after: pair.value.end, childColumn: column)]
        case .mapping, .sequence:
            return [insertLines([pad + ": " + flowText(value, indent: nil)], after: pair.value.end, childColumn: column)]
        }
    }

    /// The edit that gives a block value left out (`? key` alone, ending at `keyEnd`) the
    /// scalar text `text`, on a line of its own.
    func explicitValueEdit(after keyEnd: Int, text: String) -> Edit {
        var column = source.indentation(ofLineAt: keyEnd)
        // The `?` is the first thing on the key's line, perhaps after `- ` items.
        var position = source.lineStart(ofByte: keyEnd) + column
        let bytes = source.bytes
        while position + 1 < bytes.count && bytes[position] == UInt8(ascii: "-") && bytes[position + 1] == 0x20 {
            position += 2
            while position < bytes.count && bytes[position] == 0x20 { position += 1 }
        }
        if position < bytes.count && bytes[position] == UInt8(ascii: "?") { column = source.byteColumn(of: position) }
        return insertLines([String(repeating: " ", count: column) + ": " + text], after: keyEnd, childColumn: column)
    }
}

extension YAMLSource {
    /// Where a mapping entry starts: at its `?` when the key is explicit, else at its key.
    public func entryStart(of pair: YAMLPair) -> Int {
        explicitKeyIndicator(before: pair.key.start) ?? pair.key.start
    }

    /// The offset of the `?` that introduces a key starting at `keyStart`, if it has one.
    func explicitKeyIndicator(before keyStart: Int) -> Int? {
        let position = offsetBeforeBlanks(keyStart)
        guard position > 0, bytes[position - 1] == UInt8(ascii: "?") else { return nil }
        // The `?` must stand alone: at the start of a line or after a blank, `-`, `{`, `[` or `,`
        // (not the last character of a value such as `what?`).
        let indicator = position - 1
        guard indicator > lineStart(ofByte: indicator) else { return indicator }
        let before = bytes[indicator - 1]
        return [0x20, 0x09, UInt8(ascii: "-"), UInt8(ascii: "{"), UInt8(ascii: "["), UInt8(ascii: ",")].contains(before) ? indicator : nil
    }
}

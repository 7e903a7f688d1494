/// Entries written with `?` (`? key`) and values left out (`? key` alone, `{a, b}`): where an
/// entry starts, whether a value has its `:`, and how to give it one.
extension YAMLEditor {
    /// Where an entry starts: at its `?` when the key is explicit, else at its key.
    func entryStart(of pair: YAMLPair) -> Int {
        source.entryStart(of: pair)
    }

    /// Whether `node` is a mapping value left out, with no `:` (`? key` alone, `{key}`): the
    /// parser places such a value, zero-width, right at the end of its key (`key`, when the
    /// caller knows it), where a value with its `:` sits after the `:`.
    func isLeftOut(_ node: YAMLNode, key: YAMLNode? = nil) -> Bool {
        guard node.kind == .scalar, node.range.isEmpty, node.tag == nil, node.anchor == nil,
              let key = key ?? node.pairOfValue?.key else { return false }
        return key.end == node.start && key != node
    }

    /// What goes between an empty value's indicator, or a value's properties, and new text:
    /// nothing after a blank, else one space (`&a?x` becomes `&a "y"`, not `&a"y"`). A value
    /// left out needs its `:` too: see ``scalarEdit``.
    func separation(before node: YAMLNode, inFlow: Bool) -> String {
        guard node.contentStart == node.end || node.contentStart > node.start, node.contentStart > 0 else { return "" }
        let before = source.bytes[node.contentStart - 1]
        if before == 0x20 || before == 0x09 || source.lineBreakWidth(endingAt: node.contentStart) > 0 { return "" }
        return " "
    }

    /// The edit that writes `text` as the value of the scalar `node`: in its place, after its
    /// indicator or properties when it is empty, with the `:` it lacks when it was left out.
    func scalarEdit(_ node: YAMLNode, text: String, inFlow: Bool) -> Edit {
        guard isLeftOut(node) else {
            return Edit(range: node.contentStart..<node.end, text: separation(before: node, inFlow: inFlow) + text)
        }
        guard inFlow else { return explicitValueEdit(for: node, text: text) }
        return flowValueEdit(for: node, text: ": " + text)
    }

    /// The edit that writes `text` (which starts with `:`) after the key of a flow value
    /// left out (`{key}`). A key that spans lines, or is too long for a key without `?`,
    /// gets the `? ` it then needs.
    func flowValueEdit(for value: YAMLNode, text: String) -> Edit {
        guard let key = value.pairOfValue?.key, source.explicitKeyIndicator(before: key.start) == nil,
              source.lineIndex(ofByte: key.start) != source.lineIndex(ofByte: key.end)
                || source.text(key.start..<key.end).count > YAMLParser.simpleKeyLimit
        else { return Edit(range: value.contentStart..<value.end, text: text) }
        return Edit(range: key.start..<value.end, text: "? " + source.text(key.start..<key.end) + text)
    }

    /// Gives the block entry `? key` (no `:`) a value: `: value` on a line of its own below
    /// the key, at the column of its `?`, or `:` followed by the lines of a collection.
    func explicitValueEdits(for pair: YAMLPair, value: NewValue) -> [Edit] {
        let column = source.byteColumn(of: entryStart(of: pair))
        var lines = BlockText(newline: newline)
        lines.startLine(indent: column)
        lines.append(":")
        write(value: value, under: column, into: &lines)
        return [insertLines(lines, after: pair.value.end, childColumn: column)]
    }

    /// The edit that gives a block value left out (`? key` alone) the scalar text `text`, on a
    /// line of its own below the key, at the column of its `?`.
    func explicitValueEdit(for value: YAMLNode, text: String) -> Edit {
        let column = value.pairOfValue.map { source.byteColumn(of: entryStart(of: $0)) } ?? source.indentation(ofLineAt: value.start)
        var lines = BlockText(newline: newline)
        lines.startLine(indent: column)
        lines.append(": " + text)
        return insertLines(lines, after: value.end, childColumn: column)
    }
}

extension YAMLSource {
    /// Where a mapping entry starts: at its `?` when the key is explicit, else at its key.
    /// (A `?` before the first key of a mapping that starts after it is not that entry's: it
    /// makes the whole mapping the key of an outer entry, as in `? a: 1`.)
    public func entryStart(of pair: YAMLPair) -> Int {
        guard let indicator = explicitKeyIndicator(before: pair.key.start) else { return pair.key.start }
        guard let mapping = pair.key.parent, indicator < mapping.start else { return indicator }
        return pair.key.start
    }

    /// The offset of the `?` that introduces a key starting at `keyStart`, if it has one:
    /// before it on its line, or on a line above with only a comment after it.
    func explicitKeyIndicator(before keyStart: Int) -> Int? {
        // The indicator is a `?` before the key.
        guard let first = firstQuestionMark, first < keyStart else { return nil }
        let position = offsetBeforeBlanks(keyStart)
        guard position > 0, bytes[position - 1] == UInt8(ascii: "?") else {
            return indicator(UInt8(ascii: "?"), onALineAbove: keyStart)
        }
        // The `?` must stand alone: at the start of a line or after a blank, `-`, `{`, `[` or `,`
        // (not the last character of a value such as `what?`).
        let indicator = position - 1
        guard indicator > lineStart(ofByte: indicator) else { return indicator }
        let before = bytes[indicator - 1]
        return [0x20, 0x09, UInt8(ascii: "-"), UInt8(ascii: "{"), UInt8(ascii: "["), UInt8(ascii: ",")].contains(before) ? indicator : nil
    }

    /// For a node that starts its line (after indentation) at `offset`: the offset of the
    /// block indicator `indicator` (`-` or `?`) that introduces it from a line above, where it
    /// ends its line but for a comment (`- # note`, `? # note`); blank and comment lines in
    /// between are passed over. On that line, `- ` items may come before it.
    func indicator(_ indicator: UInt8, onALineAbove offset: Int) -> Int? {
        guard indentation(ofLineAt: offset) == byteColumn(of: offset) else { return nil }
        var line = lineStart(ofByte: offset)
        while line > 0 {
            let previous = lineStart(ofByte: line - 1)
            let end = lineEnd(ofByte: previous)
            var cursor = previous
            while cursor < end && (bytes[cursor] == 0x20 || bytes[cursor] == 0x09) { cursor += 1 }
            if cursor == end || bytes[cursor] == UInt8(ascii: "#") {
                line = previous  // a blank or comment line
                continue
            }
            var found: Int?
            while cursor < end && (bytes[cursor] == UInt8(ascii: "-") || bytes[cursor] == indicator)
                && (cursor + 1 == end || bytes[cursor + 1] == 0x20 || bytes[cursor + 1] == 0x09) {
                found = bytes[cursor] == indicator ? cursor : nil
                cursor += 1
                while cursor < end && (bytes[cursor] == 0x20 || bytes[cursor] == 0x09) { cursor += 1 }
            }
            return cursor == end || bytes[cursor] == UInt8(ascii: "#") ? found : nil
        }
        return nil
    }
}

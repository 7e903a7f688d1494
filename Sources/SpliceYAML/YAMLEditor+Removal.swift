/// Removing entries and items: whole lines for block collections, the child and one
/// separator for flow ones, and an empty `{}` / `[]` (or a null value after a comment)
/// when nothing is left.
extension YAMLEditor {
    /// Removes the entries of `mapping` at `indexes`. When every entry goes, the mapping
    /// becomes `{}` (so the key that holds it stays valid).
    public func removeEntries(at indexes: [Int], from mapping: YAMLNode) -> [Edit] {
        let spans = mapping.pairs.map { (entryStart(of: $0), $0.value.end) }
        return removeChildren(at: Set(indexes), spans: spans, of: mapping, emptyText: "{}")
    }

    /// Removes the items of `sequence` at `indexes`. When every item goes, the sequence
    /// becomes `[]`.
    public func removeItems(at indexes: [Int], from sequence: YAMLNode) -> [Edit] {
        let spans = sequence.items.map { item -> (Int, Int) in
            (sequence.isFlow ? item.start : (Self.dashOffset(before: item, in: source) ?? item.start), item.end)
        }
        return removeChildren(at: Set(indexes), spans: spans, of: sequence, emptyText: "[]")
    }

    /// The offset of the `-` that introduces a block sequence item: before it on its line, or
    /// on a line above with nothing after it but a comment (`- # note`), past comment lines.
    public static func dashOffset(before item: YAMLNode, in source: YAMLSource) -> Int? {
        let bytes = source.bytes
        let position = source.offsetBeforeBlanks(item.start)
        if position > 0 && bytes[position - 1] == UInt8(ascii: "-") { return position - 1 }
        return source.indicator(UInt8(ascii: "-"), onALineAbove: item.start)
    }

    /// Whether a block collection's first child, starting at `offset`, shares its line with
    /// the indicator that introduces the collection (`- a: 1`, `- - x`, `? a: 1`): anything
    /// but blanks comes before it on the line.
    private func startsInline(_ offset: Int) -> Bool {
        let bytes = source.bytes
        var position = source.lineStart(ofByte: offset)
        if position == 0 && source.hasByteOrderMark { position = min(3, offset) }
        while position < offset {
            if bytes[position] != 0x20 && bytes[position] != 0x09 { return true }
            position += 1
        }
        return false
    }

    /// The edits that remove the children at `indexes`. When all go and `emptyText` is given,
    /// the collection is left in its empty form; with nil, the children's lines just go (new
    /// ones are written in their place).
    func removeChildren(at indexes: Set<Int>, spans: [(Int, Int)], of node: YAMLNode, emptyText: String?) -> [Edit] {
        guard !indexes.isEmpty else { return [] }
        if indexes.count == spans.count, let emptyText {
            if node.isSinglePairMapping {
                return [Edit(range: node.range, text: "{}")]
            }
            if node.isFlow {
                return [Edit(range: node.contentStart + 1..<node.end - 1, text: "")]
            }
            // A block collection that loses every child. After `- ` on its line, at the top of
            // a document, or under a comment line, it becomes `{}` / `[]` where it starts.
            let firstLine = source.lineStart(ofByte: spans[0].0)
            // The last line with content above it (blank lines may come between).
            let above = source.offsetBeforeBlanks(spans[0].0)
            let lineAbove = above > 0 ? source.text(source.lineStart(ofByte: above - 1)..<above) : ""
            if startsInline(spans[0].0) || node == root || above == 0
                || lineAbove.drop(while: { $0 == " " || $0 == "\t" }).hasPrefix("#") {
                // Where an indentless sequence (`key:` then `- x` at the key's column) was, the
                // empty value must sit deeper than its key.
                let keyColumn = node.pairOfValue.map { source.byteColumn(of: entryStart(of: $0)) }
                let deeper = keyColumn.map { source.byteColumn(of: spans[0].0) <= $0 } ?? false
                return [Edit(range: spans[0].0..<spans[spans.count - 1].1, text: (deeper ? " " : "") + emptyText)]
            }
            // Under its key: when the key's line ends in a comment, the value becomes null
            // (`key:  # comment`); otherwise an empty flow value on the key's line.
            if lineAbove.contains(" #") || lineAbove.contains(":#") {
                let end = source.nextLineStart(afterByte: lineEndOffset(of: spans[spans.count - 1].1))
                return [Edit(range: firstLine..<end, text: "")]
            }
            let end = lineEnd(after: spans[spans.count - 1].1)
            return [Edit(range: above..<end, text: " " + emptyText)]
        }
        if node.isFlow {
            var edits: [Edit] = []
            // The leading children that go: each with the separator after it, up to the first
            // child that stays (with the separator before, `{, b}` would be left).
            var leading = 0
            while indexes.contains(leading) { leading += 1 }
            if leading > 0 { edits.append(Edit(range: spans[0].0..<spans[leading].0, text: "")) }
            for index in indexes.sorted() where index > leading {
                // Remove the child with the separator before it (what follows then comes
                // right after the child before).
                let before = spans[index - 1].1
                edits.append(Edit(range: before..<spans[index].1, text: spaceBeforeFlowIndicator(after: before)))
            }
            return mergeAdjacent(edits)
        }
        // Consecutive children go in one cut, from the start of the first one's line to the
        // end of the last one's line.
        var runs: [(first: Int, last: Int)] = []
        for index in indexes.sorted() {
            if let last = runs.last, last.last == index - 1 {
                runs[runs.count - 1].last = index
            } else {
                runs.append((index, index))
            }
        }
        return runs.map { run in
            if run.first == 0 && startsInline(spans[0].0) {
                // The first children share the line of the `-` (or `?`) that introduces the
                // collection: cut up to the next child, which moves up onto that line.
                return Edit(range: spans[0].0..<spans[run.last + 1].0, text: "")
            }
            let start = source.lineStart(ofByte: spans[run.first].0)
            let end = source.nextLineStart(afterByte: lineEndOffset(of: spans[run.last].1))
            var range = start..<end
            // The last line of a file without a final newline: take the line break before it instead.
            if end == source.bytes.count && !source.endsWithNewline && start > 0 {
                range = start - source.lineBreakWidth(endingAt: start)..<end
            }
            return Edit(range: range, text: "")
        }
    }

    /// Cuts that meet or overlap made one, with the first one's text (what goes where it starts).
    private func mergeAdjacent(_ edits: [Edit]) -> [Edit] {
        var merged: [Edit] = []
        for edit in edits.sorted(by: { $0.range.lowerBound < $1.range.lowerBound }) {
            if let last = merged.last, last.range.upperBound >= edit.range.lowerBound {
                merged[merged.count - 1].range = last.range.lowerBound..<max(last.range.upperBound, edit.range.upperBound)
            } else {
                merged.append(edit)
            }
        }
        return merged
    }

    /// The offset of the last byte of content on the line that holds `offset - 1` (a node's end).
    private func lineEndOffset(of end: Int) -> Int {
        max(0, end - 1)
    }

    /// The offset just before the line break that ends the line holding `end - 1`.
    private func lineEnd(after end: Int) -> Int {
        source.lineEnd(ofByte: max(0, end - 1))
    }
}

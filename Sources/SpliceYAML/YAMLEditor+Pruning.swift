/// Emptying and pruning collections (the inverse of creating them), and replacing every
/// child of one: what ``DocumentPatch`` needs beyond appending and removing.
extension YAMLEditor {
    /// Replaces every child of a non-empty `collection` with `entries` (a mapping) or `items`
    /// (a sequence), written where the old ones were, in the collection's style.
    public func replaceChildren(of collection: YAMLNode, entries: [NewEntry] = [], items: [NewValue] = []) -> [Edit] {
        let spans = childSpans(of: collection)
        guard let first = spans.first, !collection.isSinglePairMapping else {
            return collection.kind == .mapping ? appendEntries(entries, to: collection) : appendItems(items, to: collection)
        }
        if collection.isFlow {
            let texts: [(Int?) -> String] = collection.kind == .mapping
                ? entries.map { entry in { indent in flowKey(entry.key) + ": " + flowText(entry.value, indent: indent) } }
                : items.map { item in { indent in flowText(item, indent: indent) } }
            return [fillFlow(open: collection.contentStart, close: collection.end - 1, texts: texts)]
        }
        let column = source.byteColumn(of: first.0)
        let lines: BlockText
        if collection.kind == .mapping {
            lines = blockText(entries, indent: column)
        } else {
            let item = collection.items[0]
            let itemIndent = source.lineIndex(ofByte: first.0) == source.lineIndex(ofByte: item.start)
                ? source.byteColumn(of: item.start) - column : layout.itemIndent
            lines = blockText(items: items, dashIndent: column, itemIndent: itemIndent)
        }
        let removal = removeChildren(at: Set(spans.indices), spans: spans, of: collection, emptyText: nil)
        return [.insert(lines.bytes(followedBy: newline), at: source.lineStart(ofByte: first.0), depth: column + 1)] + removal
    }

    /// Where each child of `collection` starts (a block item at its dash) and ends.
    func childSpans(of collection: YAMLNode) -> [(Int, Int)] {
        if collection.kind == .mapping { return collection.pairs.map { (entryStart(of: $0), $0.value.end) } }
        return collection.items.map { item -> (Int, Int) in
            (collection.isFlow ? item.start : (Self.dashOffset(before: item, in: source) ?? item.start), item.end)
        }
    }

    /// Whether `collection`, left empty, may go with its key (`pair`, nil for a list item)
    /// from `parent`. A block collection goes when it sits where new entries are written
    /// (`atInsertionPoint`: the end of its parent, or just before the key new ones go before)
    /// and its key's line carries no comment; elsewhere it was the user's, and stays as a
    /// null value. A flow collection goes when it spans lines (as this editor writes new JSON
    /// objects), sits on one line inside a YAML flow parent (as it writes new entries there),
    /// or, in JSON, on its parent's opening line, or on the line where the entry before it ends
    /// when that entry starts on the opening line (as it writes new entries into a JSON object
    /// whose entries start on its opening line); any other one-line `{}`, in a block parent or
    /// in JSON, is the user's and stays.
    public func canPrune(_ collection: YAMLNode, heldBy pair: YAMLPair?, in parent: YAMLNode, atInsertionPoint: Bool) -> Bool {
        if collection.isFlow {
            let line = source.lineIndex(ofByte: collection.contentStart)
            let multiline = line != source.lineIndex(ofByte: max(collection.contentStart, collection.end - 1))
            let openingLine = source.lineIndex(ofByte: parent.contentStart)
            let onParentsOpeningLine = parent.isFlow && line == openingLine
            // New entries follow the last one on its line when it starts on the opening line,
            // even when its value runs onto later lines.
            let afterAnEntryFromTheOpeningLine = parent.isFlow && previousSibling(of: collection, in: parent).map {
                source.lineIndex(ofByte: $0.start) == openingLine && source.lineIndex(ofByte: max($0.start, $0.end - 1)) == line
            } ?? false
            return multiline || (parent.isFlow && !isJSON) || (isJSON && (onParentsOpeningLine || afterAnEntryFromTheOpeningLine))
        }
        guard let pair else { return atInsertionPoint }
        return atInsertionPoint && comments.comment(onLineOf: pair.key.start, from: pair.key.end) == nil
            && !hasCommentLines(from: source.nextLineStart(afterByte: pair.key.end), before: childSpans(of: collection).first?.0 ?? collection.start)
    }

    /// The span of the entry or item just before `child` in `parent`, nil for the first.
    private func previousSibling(of child: YAMLNode, in parent: YAMLNode) -> (start: Int, end: Int)? {
        if parent.kind == .mapping {
            guard let index = parent.pairs.firstIndex(where: { $0.value == child }), index > 0 else { return nil }
            let pair = parent.pairs[index - 1]
            return (pair.key.start, pair.value.end)
        }
        guard let index = parent.items.firstIndex(of: child), index > 0 else { return nil }
        let item = parent.items[index - 1]
        return (item.start, item.end)
    }

    /// Whether a comment line lies between `start` (a line start) and the line of `end`: the
    /// user wrote the key with a comment under it (`metadata:` then `# name: x`), which stays.
    private func hasCommentLines(from start: Int, before end: Int) -> Bool {
        var line = start
        let last = source.lineStart(ofByte: end)
        while line < last {
            if comments.commentLineIndentation(at: line) != nil { return true }
            line = source.nextLineStart(afterByte: line)
        }
        return false
    }

    /// Edits that leave `collection` empty but keep its key: `{}`/`[]` in flow style; in block
    /// style a null value (`key:`, and its comment), when `pair` holds it.
    public func empty(_ collection: YAMLNode, heldBy pair: YAMLPair?) -> [Edit] {
        let count = collection.kind == .mapping ? collection.pairs.count : collection.items.count
        if !collection.isFlow, let pair, count > 0 {
            let firstStart = childSpans(of: collection)[0].0
            let keyLineEnd = source.nextLineStart(afterByte: pair.key.end)
            if source.lineIndex(ofByte: firstStart) > source.lineIndex(ofByte: pair.key.end) {
                var end = source.nextLineStart(afterByte: max(collection.end - 1, firstStart))
                var start = keyLineEnd
                // Comment lines between the key and its first child stay with the key.
                let firstLine = source.lineStart(ofByte: firstStart)
                while start < firstLine && comments.commentLineIndentation(at: start) != nil {
                    start = source.nextLineStart(afterByte: start)
                }
                // The last line of a file without a final newline: take the line break before it instead.
                if end == source.bytes.count && !source.endsWithNewline {
                    start -= source.lineBreakWidth(endingAt: start)
                    end = source.bytes.count
                }
                return [Edit(range: start..<end, text: "")]
            }
        }
        let all = Array(0..<count)
        return collection.kind == .mapping ? removeEntries(at: all, from: collection) : removeItems(at: all, from: collection)
    }
}

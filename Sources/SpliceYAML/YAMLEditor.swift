/// Plans splice edits on one document so that new text looks like the text around it:
/// same indentation, same sequence style, same flow or block style, same line ending.
/// The editor never rewrites anything it was not asked to change.
public struct YAMLEditor: Sendable {
    /// The source the document was parsed from.
    public let source: YAMLSource
    /// The document's indentation habits.
    public var layout: BlockLayout { inferredLayout ?? BlockLayout.infer(from: root, in: source) }
    /// The habits, read once when the editor was made (nil: read each time they are needed).
    private let inferredLayout: BlockLayout?
    /// Whether the document is written as JSON (its root is a flow mapping); new keys and
    /// strings are then always double-quoted.
    public let isJSON: Bool
    /// The document's root.
    let root: YAMLNode
    /// Where the document's comments are.
    public let comments: CommentTable

    /// Makes an editor for `document` of `source`. An editor that mostly removes (uninject's)
    /// may leave the layout out (`inferringLayout: false`), to be read each time it is needed:
    /// only new block lines need it, and reading it walks the whole document.
    public init(source: YAMLSource, document: YAMLDocument, inferringLayout: Bool = true) {
        self.source = source
        self.inferredLayout = inferringLayout ? BlockLayout.infer(from: document.root, in: source) : nil
        let root = document.root
        self.root = root
        self.isJSON = root.isFlow && root.kind == .mapping
        self.comments = CommentTable(source: source, document: document)
    }

    var newline: String { source.lineEnding.rawValue }

    /// The line break that ends whole lines inserted at the line start `point`. In a file of
    /// lone CRs, a line inserted just before an LF ends in CRLF: a CR there would join that
    /// LF into one line break, and the blank line the LF ends would vanish.
    private func lineBreak(before point: Int) -> String {
        guard source.lineEnding == .cr, point < source.bytes.count, source.bytes[point] == 0x0A else { return newline }
        return LineEnding.crlf.rawValue
    }

    // MARK: - Public operations

    /// Appends `entries` after the last entry of `mapping`, in its style.
    public func appendEntries(_ entries: [NewEntry], to mapping: YAMLNode) -> [Edit] {
        guard !entries.isEmpty else { return [] }
        let texts = entries.map { ($0.key, $0.value) }
        if mapping.isFlow || mapping.pairs.isEmpty {
            return appendToFlow(mapping, texts: texts.map { key, value in { indent in flowKey(key) + ": " + flowText(value, indent: indent) } })
        }
        let indent = source.byteColumn(of: entryStart(of: mapping.pairs[0]))
        return keepingFinalBlockScalar([insertLines(blockText(entries, indent: indent), after: mapping.end, childColumn: indent)])
    }

    /// Inserts `entries` just before the key `key` of a block mapping (above the comment lines
    /// that lead into it), or appends them when that key is absent or shares its line.
    public func insertEntries(_ entries: [NewEntry], before key: String, in mapping: YAMLNode) -> [Edit] {
        guard !mapping.isFlow, let pair = mapping.pair(forKey: key),
              case let start = entryStart(of: pair), source.indentation(ofLineAt: start) == source.byteColumn(of: start) else {
            return appendEntries(entries, to: mapping)
        }
        let indent = source.byteColumn(of: start)
        var point = source.lineStart(ofByte: start)
        while point > 0 {
            let previous = source.lineStart(ofByte: point - 1)
            guard commentLineIndentation(at: previous) == indent else { break }
            point = previous
        }
        return [.insert(blockText(entries, indent: indent).bytes(followedBy: lineBreak(before: point)), at: point)]
    }

    /// Appends `items` after the last item of `sequence`, in its style (indented or
    /// indentless block, or flow).
    public func appendItems(_ items: [NewValue], to sequence: YAMLNode) -> [Edit] {
        guard !items.isEmpty else { return [] }
        if sequence.isFlow || sequence.items.isEmpty {
            return appendToFlow(sequence, texts: items.map { item in { indent in flowText(item, indent: indent) } })
        }
        let first = sequence.items[0]
        let dash = Self.dashOffset(before: first, in: source)
        let dashColumn = dash.map { source.byteColumn(of: $0) } ?? max(0, source.byteColumn(of: first.start) - layout.itemIndent)
        var itemIndent = layout.itemIndent
        if let dash, source.lineIndex(ofByte: dash) == source.lineIndex(ofByte: first.start) {
            itemIndent = source.byteColumn(of: first.start) - dashColumn
        }
        let lines = blockText(items: items, dashIndent: dashColumn, itemIndent: itemIndent)
        return keepingFinalBlockScalar([insertLines(lines, after: sequence.end, childColumn: dashColumn)])
    }

    /// Gives a key whose value is null (`key:`, `key: ~`, `key: null`) the value `value`.
    /// `parent` is the mapping that holds `pair`.
    public func replaceNullValue(of pair: YAMLPair, in parent: YAMLNode, with value: NewValue) -> [Edit] {
        let old = pair.value
        if parent.isFlow {
            if isLeftOut(old, key: pair.key) { return [flowValueEdit(for: old, text: ": " + flowText(value, indent: nil))] }
            return [Edit(range: old.contentStart..<old.end, text: separation(before: old, inFlow: true) + flowText(value, indent: nil))]
        }
        if isLeftOut(pair.value, key: pair.key) {
            return keepingFinalBlockScalar(explicitValueEdits(for: pair, value: value))
        }
        var edits: [Edit] = []
        // Drop an explicit `~` / `null` together with the spaces before it; keep an anchor or
        // tag, which then applies to the new value.
        var cut = old.contentStart
        if old.contentStart == old.start {
            while cut > pair.key.end && (source.bytes[cut - 1] == 0x20 || source.bytes[cut - 1] == 0x09) { cut -= 1 }
        }
        let keyIndent = source.byteColumn(of: entryStart(of: pair))
        switch value {
        case .mapping(let entries) where !entries.isEmpty:
            if old.end > cut { edits.append(Edit(range: cut..<old.end, text: "")) }
            edits.append(insertLines(blockText(entries, indent: keyIndent + layout.mappingIndent), after: old.end, childColumn: keyIndent))
        case .sequence(let items) where !items.isEmpty:
            if old.end > cut { edits.append(Edit(range: cut..<old.end, text: "")) }
            let lines = blockText(items: items, dashIndent: keyIndent + layout.sequenceIndent, itemIndent: layout.itemIndent)
            edits.append(insertLines(lines, after: old.end, childColumn: keyIndent))
        case .string, .integer, .mapping, .sequence:
            edits.append(Edit(range: cut..<old.end, text: " " + blockScalar(value)))
        }
        return keepingFinalBlockScalar(edits)
    }

    /// Replaces the text of a scalar with `value`, keeping its quoting style where it can.
    /// `inFlow` tells whether the scalar sits inside a flow collection. An empty scalar
    /// (`key:`, `key: !!str`, `key: &a`) gets the value after its indicator or properties; a
    /// value left out entirely (`{key}`, `? key`) gets the `:` it lacks as well.
    public func replaceScalar(_ node: YAMLNode, with value: String, inFlow: Bool) -> Edit {
        let text: String
        switch node.scalarStyle {
        case .plain where !isJSON && PlainScalar.canWritePlain(value, inFlow: inFlow):
            text = value
        case .singleQuoted where !value.unicodeScalars.contains { $0.value < 0x20 }:
            text = "'" + value.replacing("'", with: "''") + "'"
        default:
            text = PlainScalar.doubleQuoted(value)
        }
        return scalarEdit(node, text: text, inFlow: inFlow)
    }

    /// Replaces the text of a scalar with the string `value`, written so that it reads as a
    /// string whatever it holds: kept in single or double quotes when the scalar has them,
    /// else double-quoted. Empty scalars are handled as by ``replaceScalar(_:with:inFlow:)``.
    public func replaceScalar(_ node: YAMLNode, withString value: String) -> Edit {
        if node.scalarStyle == .singleQuoted || node.scalarStyle == .doubleQuoted {
            return replaceScalar(node, with: value, inFlow: true)
        }
        return scalarEdit(node, text: PlainScalar.doubleQuoted(value), inFlow: node.isInFlowCollection)
    }

    // MARK: - Block rendering

    /// Inserts whole lines after the line on which content ends at `offset`, and after the
    /// comment lines that follow it indented deeper than `childColumn` (they belong to the
    /// last child); comments at the child's own column or left of it stay after the new lines.
    func insertLines(_ lines: BlockText, after offset: Int, childColumn: Int) -> Edit {
        let count = source.bytes.count
        var point: Int
        if offset >= count {
            point = count
        } else if offset > 0 && source.byteColumn(of: offset) == 0 {
            point = offset
        } else {
            point = source.nextLineStart(afterByte: offset)
        }
        while point < count, let comment = commentLineIndentation(at: point), comment > childColumn {
            point = source.nextLineStart(afterByte: point)
        }
        if point == count && !source.endsWithNewline {
            return .insert(Array(newline.utf8) + lines.bytes, at: point, depth: childColumn)
        }
        point = min(point, count)
        return .insert(lines.bytes(followedBy: lineBreak(before: point)), at: point, depth: childColumn)
    }

    /// The indentation of the line starting at `offset` when it holds only a comment (a
    /// line of a block scalar that starts with `#` is text, not a comment).
    func commentLineIndentation(at offset: Int) -> Int? {
        comments.commentLineIndentation(at: offset)
    }

    private func blockKey(_ key: String) -> String {
        PlainScalar.canWritePlain(key, inFlow: false) ? key : PlainScalar.doubleQuoted(key)
    }

    /// `value` as the text of one line in a block: an integer's digits, a string plain when
    /// that reads back the same (else double-quoted), a collection in flow style.
    func blockScalar(_ value: NewValue) -> String {
        if case .integer(let number) = value { return String(number) }
        guard case .string(let text, let quoted) = value else { return flowText(value, indent: nil) }
        return !quoted && PlainScalar.canWritePlain(text, inFlow: false) ? text : PlainScalar.doubleQuoted(text)
    }

    /// `entries` as block lines indented by `indent`.
    func blockText(_ entries: [NewEntry], indent: Int) -> BlockText {
        var lines = BlockText(newline: newline)
        for entry in entries { write(entry, indent: indent, into: &lines) }
        return lines
    }

    /// `items` as block list items with their dashes at column `dashIndent`.
    func blockText(items: [NewValue], dashIndent: Int, itemIndent: Int) -> BlockText {
        var lines = BlockText(newline: newline)
        for item in items { write(item: item, dashIndent: dashIndent, itemIndent: itemIndent, into: &lines) }
        return lines
    }

    /// Writes `entry` as block lines indented by `indent`.
    func write(_ entry: NewEntry, indent: Int, into lines: inout BlockText) {
        lines.startLine(indent: indent)
        lines.append(blockKey(entry.key))
        lines.append(":")
        write(value: entry.value, under: indent, into: &lines)
    }

    /// Writes `value` after the `:` of an entry at column `indent`: on that line when it is a
    /// scalar or an empty collection (in flow style, as ``blockScalar(_:)`` writes it), else
    /// as the block lines of its entries or items below.
    func write(value: NewValue, under indent: Int, into lines: inout BlockText) {
        switch value {
        case .mapping(let entries) where !entries.isEmpty:
            for child in entries { write(child, indent: indent + layout.mappingIndent, into: &lines) }
        case .sequence(let items) where !items.isEmpty:
            for item in items { write(item: item, dashIndent: indent + layout.sequenceIndent, itemIndent: layout.itemIndent, into: &lines) }
        case .string, .integer, .mapping, .sequence:
            lines.append(" ")
            lines.append(blockScalar(value))
        }
    }

    /// Writes `value` as a block list item with its dash at column `dashIndent` and its
    /// content `itemIndent` columns right of the dash (at least two).
    func write(item value: NewValue, dashIndent: Int, itemIndent: Int, into lines: inout BlockText) {
        let dash = "-" + String(repeating: " ", count: max(1, itemIndent - 1))
        let contentIndent = dashIndent + max(2, itemIndent)
        switch value {
        case .mapping(let entries) where !entries.isEmpty:
            lines.openItem(dashIndent: dashIndent, dash: dash, contentIndent: contentIndent)
            for entry in entries { write(entry, indent: contentIndent, into: &lines) }
        case .sequence(let items) where !items.isEmpty:
            lines.openItem(dashIndent: dashIndent, dash: dash, contentIndent: contentIndent)
            for item in items { write(item: item, dashIndent: contentIndent, itemIndent: itemIndent, into: &lines) }
        case .string, .integer, .mapping, .sequence:
            // A scalar, or an empty collection in flow style, after the dash.
            lines.startLine(indent: dashIndent)
            lines.append(dash)
            lines.append(blockScalar(value))
        }
    }

    // MARK: - Flow rendering

    func flowKey(_ key: String) -> String {
        !isJSON && PlainScalar.canWritePlain(key, inFlow: true) ? key : PlainScalar.doubleQuoted(key)
    }

    /// A value in flow style; with an indent, spread over lines as pretty-printed JSON is.
    func flowText(_ value: NewValue, indent: Int?) -> String {
        switch value {
        case .string(let text, let quoted):
            return !isJSON && !quoted && PlainScalar.canWritePlain(text, inFlow: true) ? text : PlainScalar.doubleQuoted(text)
        case .integer(let number):
            return String(number)
        case .mapping(let entries):
            let parts = entries.map { ($0.key, $0.value) }
            return bracketed("{", "}", parts.map { key, value in { inner in flowKey(key) + ": " + flowText(value, indent: inner) } }, indent: indent)
        case .sequence(let items):
            return bracketed("[", "]", items.map { item in { inner in flowText(item, indent: inner) } }, indent: indent)
        }
    }

    private func bracketed(_ open: String, _ close: String, _ parts: [(Int?) -> String], indent: Int?) -> String {
        guard !parts.isEmpty else { return open + close }
        guard let indent else { return open + parts.map { $0(nil) }.joined(separator: ", ") + close }
        let inner = indent + layout.flowIndent
        let pad = String(repeating: " ", count: inner)
        return open + newline + parts.map { pad + $0(inner) }.joined(separator: "," + newline) + newline
            + String(repeating: " ", count: indent) + close
    }

    /// Writes `texts` as the whole content between a flow collection's `open` and `close`
    /// brackets: on one line when the brackets share one (an empty collection written on one
    /// line stays on one line), else one child a line.
    func fillFlow(open: Int, close: Int, texts: [(Int?) -> String]) -> Edit {
        let multiline = source.lineIndex(ofByte: open) != source.lineIndex(ofByte: close)
        if multiline {
            let base = source.indentation(ofLineAt: open)
            let inner = base + layout.flowIndent
            let pad = String(repeating: " ", count: inner)
            let body = texts.map { pad + $0(inner) }.joined(separator: "," + newline)
            return Edit(range: open + 1..<close, text: newline + body + newline + String(repeating: " ", count: base))
        }
        return Edit(range: open + 1..<close, text: texts.map { $0(nil) }.joined(separator: ", "))
    }

    /// Adds rendered children to a flow collection (or an empty block one, which cannot occur).
    private func appendToFlow(_ node: YAMLNode, texts: [(Int?) -> String]) -> [Edit] {
        if node.isSinglePairMapping {
            // A pair written without braces in a flow sequence needs them to hold more entries.
            let added = texts.map { $0(nil) }.joined(separator: ", ")
            return [Edit(range: node.range, text: "{" + source.text(node.range) + spaceBeforeFlowIndicator(after: node.end) + ", " + added + "}")]
        }
        let children: [(start: Int, end: Int)] = node.kind == .mapping
            ? node.pairs.map { ($0.key.start, $0.value.end) }
            : node.items.map { ($0.start, $0.end) }
        let open = node.contentStart
        let close = node.end - 1
        guard let last = children.last else {
            return [fillFlow(open: open, close: close, texts: texts)]
        }
        let lead = spaceBeforeFlowIndicator(after: last.end)
        if source.lineIndex(ofByte: last.start) != source.lineIndex(ofByte: open) {
            let column = source.byteColumn(of: last.start)
            let pad = String(repeating: " ", count: column)
            let indent: Int? = isJSON ? source.indentation(ofLineAt: last.start) : nil
            return [.insert(lead + texts.map { "," + newline + pad + $0(indent) }.joined(), at: last.end)]
        }
        var separator = ", "
        if children.count >= 2 {
            if source.lineIndex(ofByte: children[0].end) == source.lineIndex(ofByte: children[1].start) {
                separator = source.text(children[0].end..<children[1].start)
            }
        }
        return [.insert(lead + texts.map { separator + $0(nil) }.joined(), at: last.end)]
    }

    /// What goes between a flow child that ends at `offset` and a `,` or closing bracket
    /// written right after it: a space when the child ends with the `:` of a left-out value
    /// (`[a:` then `, b]`), as libyaml reads `a:,` as a plain scalar that runs into the comma,
    /// and refuses it.
    func spaceBeforeFlowIndicator(after offset: Int) -> String {
        offset > 0 && source.bytes[offset - 1] == UInt8(ascii: ":") ? " " : ""
    }
}

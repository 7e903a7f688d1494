/// New block-style lines as the UTF-8 bytes an edit puts in, written line by line into one
/// buffer (no array of lines, no string per line or for the whole): lines are joined by the
/// document's line break as they start, and the first line of a list item's content starts
/// with the item's dash in place of its indentation.
struct BlockText {
    /// The line break between lines.
    let newline: String
    /// The lines so far, joined (no break after the last).
    private(set) var bytes: [UInt8] = []
    /// Whether no line has been started.
    private(set) var isEmpty = true
    /// What the next line starts with instead of its first ``replacedWidth`` columns: the
    /// dashes (and what precedes them) of the list items whose content it opens.
    private var itemPrefix: [UInt8]?
    /// The columns ``itemPrefix`` stands for.
    private var replacedWidth = 0

    /// Makes an empty text whose lines are joined by `newline`.
    init(newline: String) {
        self.newline = newline
    }

    /// Starts a line indented by `indent` columns (or by the pending item prefix).
    mutating func startLine(indent: Int) {
        if !isEmpty { bytes.append(contentsOf: newline.utf8) }
        isEmpty = false
        let leading = takeLeading(indent: indent)
        Self.append(leading, to: &bytes)
    }

    /// Adds `piece` to the current line.
    mutating func append(_ piece: String) {
        bytes.append(contentsOf: piece.utf8)
    }

    /// Makes the next line, indented by `contentIndent`, start with `dash` at column
    /// `dashIndent` instead: the first line of a list item's content.
    mutating func openItem(dashIndent: Int, dash: String, contentIndent: Int) {
        var prefix: [UInt8] = []
        Self.append(takeLeading(indent: dashIndent), to: &prefix)
        prefix.append(contentsOf: dash.utf8)
        itemPrefix = prefix
        replacedWidth = contentIndent
    }

    /// The lines followed by `end` (a line break, for lines inserted before others).
    func bytes(followedBy end: String) -> [UInt8] {
        var all = bytes
        all.append(contentsOf: end.utf8)
        return all
    }

    /// What a line at `indent` starts with: the pending item prefix, if any (now used up),
    /// and the spaces of its indentation that the prefix does not stand for.
    private mutating func takeLeading(indent: Int) -> (prefix: [UInt8]?, spaces: Int) {
        defer { itemPrefix = nil }
        return itemPrefix.map { ($0, indent - replacedWidth) } ?? (nil, indent)
    }

    /// Appends `leading` (a prefix and a number of spaces, none when not positive) to `target`.
    private static func append(_ leading: (prefix: [UInt8]?, spaces: Int), to target: inout [UInt8]) {
        if let prefix = leading.prefix { target.append(contentsOf: prefix) }
        if leading.spaces > 0 { target.append(contentsOf: repeatElement(UInt8(ascii: " "), count: leading.spaces)) }
    }
}

/// New block-style lines as one text, written line by line into a single string (no array of
/// lines, no string per line): lines are joined by the document's line break as they start,
/// and the first line of a list item's content starts with the item's dash in place of its
/// indentation.
struct BlockText {
    /// The line break between lines.
    let newline: String
    /// The lines so far, joined (no break after the last).
    private(set) var text = ""
    /// Whether no line has been started.
    private(set) var isEmpty = true
    /// What the next line starts with instead of its first ``replacedWidth`` columns: the
    /// dashes (and what precedes them) of the list items whose content it opens.
    private var itemPrefix: String?
    /// The columns ``itemPrefix`` stands for.
    private var replacedWidth = 0

    /// Makes an empty text whose lines are joined by `newline`.
    init(newline: String) {
        self.newline = newline
    }

    /// Starts a line indented by `indent` columns (or by the pending item prefix).
    mutating func startLine(indent: Int) {
        if !isEmpty { text += newline }
        isEmpty = false
        text += takeLeading(indent: indent)
    }

    /// Adds `piece` to the current line.
    mutating func append(_ piece: String) {
        text += piece
    }

    /// Makes the next line, indented by `contentIndent`, start with `dash` at column
    /// `dashIndent` instead: the first line of a list item's content.
    mutating func openItem(dashIndent: Int, dash: String, contentIndent: Int) {
        itemPrefix = takeLeading(indent: dashIndent) + dash
        replacedWidth = contentIndent
    }

    /// What a line at `indent` starts with: its indentation, or the pending item prefix (now
    /// used up) with the columns it does not stand for.
    private mutating func takeLeading(indent: Int) -> String {
        var leading = itemPrefix ?? ""
        Self.appendSpaces(itemPrefix == nil ? indent : indent - replacedWidth, to: &leading)
        itemPrefix = nil
        return leading
    }

    /// Runs of 0 to 15 spaces: each fits in a string's inline storage, so appending one
    /// copies a few bytes and allocates nothing.
    private static let spaceRuns = (0...15).map { String(repeating: " ", count: $0) }

    /// Appends `count` spaces (none when `count` is not positive) to `text`.
    private static func appendSpaces(_ count: Int, to text: inout String) {
        var left = count
        while left > 0 {
            let run = min(left, 15)
            text += spaceRuns[run]
            left -= run
        }
    }
}

/// A unified diff of two byte sequences, line by line, as `diff -u` writes it and `patch` and
/// `git apply` read it: `---`/`+++` headers, `@@ -a,b +c,d @@` hunks with context lines, and
/// `\ No newline at end of file` after a last line that has no line break. Lines are compared
/// and written with their own line breaks, so CRLF lines stay byte for byte.
public struct UnifiedDiff: Sendable {
    /// What a line of the diff is.
    public enum LineKind: Sendable, Equatable {
        /// `--- old name`.
        case oldHeader
        /// `+++ new name`.
        case newHeader
        /// `@@ -a,b +c,d @@`.
        case hunkHeader
        /// A line both sides share, after a space.
        case context
        /// A line only the old side has, after `-`.
        case deletion
        /// A line only the new side has, after `+`.
        case insertion
        /// `\ No newline at end of file`, after the line it is about.
        case noNewlineMarker
    }

    /// One line of the diff.
    public struct Line: Sendable, Equatable {
        /// What it is.
        public let kind: LineKind
        /// Its bytes, line break included.
        public let bytes: [UInt8]
    }

    /// The lines of the diff; none when the two sides are equal.
    public let lines: [Line]

    /// Compares `old` with `new`, naming them `oldName` and `newName` in the headers, with
    /// `context` unchanged lines around each change.
    public init(old: [UInt8], new: [UInt8], oldName: String, newName: String, context: Int = 3) {
        let oldLines = Self.split(old)
        let newLines = Self.split(new)
        let steps = LineDiff.steps(from: oldLines, to: newLines)
        var lines: [Line] = []
        for hunk in Self.hunks(steps, context: max(0, context)) {
            if lines.isEmpty {
                lines.append(Line(kind: .oldHeader, bytes: Array("--- \(oldName)\n".utf8)))
                lines.append(Line(kind: .newHeader, bytes: Array("+++ \(newName)\n".utf8)))
            }
            lines += Self.render(hunk, steps: steps, oldLines: oldLines, newLines: newLines)
        }
        self.lines = lines
    }

    /// Whether the two sides are equal.
    public var isEmpty: Bool { lines.isEmpty }

    /// The diff as bytes.
    public var bytes: [UInt8] { lines.flatMap(\.bytes) }

    /// A run of steps to print together, and where it starts on each side.
    private struct Hunk {
        var steps: Range<Int>
        var oldStart: Int
        var newStart: Int
    }

    /// Splits bytes into lines, each with its line feed; the last may have none.
    private static func split(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        var lines: [ArraySlice<UInt8>] = []
        var start = 0
        for (index, byte) in bytes.enumerated() where byte == 0x0A {
            lines.append(bytes[start...index])
            start = index + 1
        }
        if start < bytes.count { lines.append(bytes[start...]) }
        return lines
    }

    /// Groups the changes with `context` steps around them, merging groups whose context touches.
    private static func hunks(_ steps: [LineDiff.Step], context: Int) -> [Hunk] {
        var hunks: [Hunk] = []
        var (oldIndex, newIndex) = (0, 0)
        var positions: [(old: Int, new: Int)] = []
        positions.reserveCapacity(steps.count + 1)
        for step in steps {
            positions.append((oldIndex, newIndex))
            if step != .insert { oldIndex += 1 }
            if step != .delete { newIndex += 1 }
        }
        positions.append((oldIndex, newIndex))
        for (index, step) in steps.enumerated() where step != .keep {
            let start = max(0, index - context)
            let end = min(steps.count, index + 1 + context)
            if let last = hunks.last, last.steps.upperBound >= start {
                hunks[hunks.count - 1].steps = last.steps.lowerBound..<end
            } else {
                hunks.append(Hunk(steps: start..<end, oldStart: positions[start].old, newStart: positions[start].new))
            }
        }
        return hunks
    }

    /// The header and body lines of one hunk.
    private static func render(
        _ hunk: Hunk, steps: [LineDiff.Step], oldLines: [ArraySlice<UInt8>], newLines: [ArraySlice<UInt8>]
    ) -> [Line] {
        var body: [Line] = []
        var (oldIndex, newIndex) = (hunk.oldStart, hunk.newStart)
        for step in steps[hunk.steps] {
            let (kind, prefix, line): (LineKind, UInt8, ArraySlice<UInt8>)
            switch step {
            case .keep: (kind, prefix, line) = (.context, 0x20, oldLines[oldIndex])
            case .delete: (kind, prefix, line) = (.deletion, 0x2D, oldLines[oldIndex])
            case .insert: (kind, prefix, line) = (.insertion, 0x2B, newLines[newIndex])
            }
            if step != .insert { oldIndex += 1 }
            if step != .delete { newIndex += 1 }
            body.append(Line(kind: kind, bytes: [prefix] + line + (line.last == 0x0A ? [] : [0x0A])))
            if line.last != 0x0A {
                body.append(Line(kind: .noNewlineMarker, bytes: Array("\\ No newline at end of file\n".utf8)))
            }
        }
        let oldRange = range(start: hunk.oldStart, count: oldIndex - hunk.oldStart)
        let newRange = range(start: hunk.newStart, count: newIndex - hunk.newStart)
        return [Line(kind: .hunkHeader, bytes: Array("@@ -\(oldRange) +\(newRange) @@\n".utf8))] + body
    }

    /// A hunk range as `diff -u` writes it: `line,count`, `line` alone for one line, and for
    /// no line the line before it (0 at the top of the file).
    private static func range(start: Int, count: Int) -> String {
        switch count {
        case 0: return "\(start),0"
        case 1: return "\(start + 1)"
        default: return "\(start + 1),\(count)"
        }
    }
}

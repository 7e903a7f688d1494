/// Where the comments of one document are: the offset of each `#` that starts a comment,
/// found once from the document's own nodes (a `#` inside a scalar, a block scalar's lines
/// included, is text, not a comment).
public struct CommentTable: Sendable {
    /// The offsets of the `#` of every comment, in order.
    public let starts: [Int]
    private let source: YAMLSource

    /// Finds the comments of `document` in `source`.
    public init(source: YAMLSource, document: YAMLDocument) {
        self.source = source
        let bytes = source.bytes
        let first = max(0, min(document.start, bytes.count))
        let last = min(max(document.end, first), bytes.count)
        // Most documents hold no `#` at all: then there is no comment, and no node to read.
        guard bytes[first..<last].contains(UInt8(ascii: "#")) else {
            starts = []
            return
        }
        var scalars: [Range<Int>] = []
        var stack = [document.root]
        while let node = stack.popLast() {
            switch node.kind {
            case .scalar, .alias:
                if node.end > node.start { scalars.append(node.start..<node.end) }
            case .mapping:
                for pair in node.pairs.reversed() {
                    stack.append(pair.value)
                    stack.append(pair.key)
                }
            case .sequence:
                stack.append(contentsOf: node.items.reversed())
            }
        }
        scalars.sort { $0.lowerBound < $1.lowerBound }
        var starts: [Int] = []
        var next = 0
        var offset = first
        let end = last
        while offset < end {
            let byte = bytes[offset]
            if byte == UInt8(ascii: "#") {
                while next < scalars.count && scalars[next].upperBound <= offset { next += 1 }
                let insideScalar = next < scalars.count && scalars[next].contains(offset)
                let afterSpace = offset == 0 || [0x20, 0x09, 0x0A, 0x0D].contains(bytes[offset - 1])
                if !insideScalar && afterSpace {
                    starts.append(offset)
                    offset = source.nextLineStart(afterByte: offset)
                    continue
                }
            }
            offset += 1
        }
        self.starts = starts
    }

    /// The comment on the line that holds `offset`, at or after `offset`, if any.
    public func comment(onLineOf offset: Int, from start: Int? = nil) -> Int? {
        let from = start ?? source.lineStart(ofByte: offset)
        let lineEnd = source.nextLineStart(afterByte: offset)
        let low = starts.partitioningIndex { $0 >= from }
        return low < starts.count && starts[low] < lineEnd ? starts[low] : nil
    }

    /// Whether the line that starts at `lineStart` holds only a comment; its indentation if so.
    public func commentLineIndentation(at lineStart: Int) -> Int? {
        guard let comment = comment(onLineOf: lineStart, from: lineStart) else { return nil }
        let bytes = source.bytes
        var position = lineStart
        while position < comment && (bytes[position] == 0x20 || bytes[position] == 0x09) { position += 1 }
        return position == comment ? comment - lineStart : nil
    }
}

/// Joins the outputs of several inputs into one valid YAML stream: each output ends with a
/// line break, a `---` starts the next one unless it starts with its own (after comments),
/// a `...` ends a document before another input's directives, and only the very first output
/// keeps a byte-order mark.
enum StreamJoiner {
    /// The outputs, joined in order; a single output is returned as it is.
    static func join(_ outputs: [[UInt8]]) -> [UInt8] {
        // Not copied: a long stream's output is as large as its input, or larger.
        if outputs.count == 1, let only = outputs.first { return only }
        var joined: [UInt8] = []
        for output in outputs {
            var body = output[...]
            if !joined.isEmpty && body.starts(with: byteOrderMark) { body = body.dropFirst(byteOrderMark.count) }
            guard !body.isEmpty else { continue }
            if !joined.isEmpty {
                if joined.last != 0x0A { joined.append(0x0A) }
                switch opening(of: body) {
                case .documentStart, .nothing: break
                case .directive: if !endsWithDocumentEnd(joined) { joined += Array("...\n".utf8) }
                case .content: joined += Array("---\n".utf8)
                }
            }
            joined += body
        }
        return joined
    }

    private static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// What an output starts with, once blank and comment lines are passed over.
    private enum Opening {
        case documentStart, directive, content, nothing
    }

    /// Whether the last line of `bytes` is a document end marker, `...`.
    private static func endsWithDocumentEnd(_ bytes: [UInt8]) -> Bool {
        let end = bytes.last == 0x0A ? bytes.endIndex - 1 : bytes.endIndex
        let start = bytes[..<end].lastIndex(of: 0x0A).map { $0 + 1 } ?? bytes.startIndex
        var line = bytes[start..<end]
        while let last = line.last, last == 0x20 || last == 0x09 || last == 0x0D { line.removeLast() }
        return line.elementsEqual("...".utf8)
    }

    private static func opening(of bytes: ArraySlice<UInt8>) -> Opening {
        var start = bytes.startIndex
        while start < bytes.endIndex {
            let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.endIndex
            let line = bytes[start..<end]
            start = end + 1
            let text = line.drop { $0 == 0x20 || $0 == 0x09 }
            guard let first = text.first, first != 0x0D, first != 0x23 else { continue }
            if line.starts(with: "---".utf8) {
                let after = line.dropFirst(3).first
                if after == nil || [0x20, 0x09, 0x0D].contains(after) { return .documentStart }
            }
            return first == 0x25 && line.first == 0x25 ? .directive : .content
        }
        return .nothing
    }
}

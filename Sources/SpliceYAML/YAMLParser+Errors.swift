import CLibYAML

extension YAMLParser {
    /// The longest key libyaml reads when it is written without `?`: its `:` must come
    /// within this many characters of where the key starts, on the same line.
    static let simpleKeyLimit = 1024

    /// libyaml's error, at a position inside the input, with a hint where libyaml's words
    /// do not name the cause.
    static func error(of parser: yaml_parser_t, in source: YAMLSource) -> YAMLParseError {
        let problem = parser.problem.map { String(cString: $0) } ?? "unknown YAML error"
        let context = parser.context.map { String(cString: $0) }
        let raw: Int
        if parser.error == YAML_READER_ERROR {
            raw = Int(parser.problem_offset)
        } else {
            raw = source.byteOffset(ofMarkIndex: Int(parser.problem_mark.index))
        }
        let offset = min(max(raw, 0), source.bytes.count)
        var message = problem
        if parser.error == YAML_READER_ERROR && parser.problem_value != -1 {
            message += " (byte 0x" + String(UInt8(truncatingIfNeeded: parser.problem_value), radix: 16) + ")"
        }
        if let context { message = context + ": " + message }
        if let length = source.overlongKeyLength(endingAt: offset) {
            message += "; the key before this ':' is \(length) characters long, and a key written without '?' must end within "
                + "\(simpleKeyLimit) characters (write a longer one as '? key' on its own line, with ': value' on the next)"
        }
        if let comment = source.jsonComment() {
            message += "; this looks like JSON, which has no comments: remove the comment at \(source.location(ofByte: comment))"
        }
        return YAMLParseError(problem: message, context: context, location: source.location(ofByte: offset))
    }
}

extension YAMLSource {
    /// When `offset` is a `:` that ends a key longer than libyaml's simple-key limit (counted
    /// from the start of the key on the same line), that key's length in characters.
    func overlongKeyLength(endingAt offset: Int) -> Int? {
        guard offset < bytes.count, bytes[offset] == UInt8(ascii: ":") else { return nil }
        let lineStart = lineStart(ofByte: offset)
        guard offset - lineStart > YAMLParser.simpleKeyLimit else { return nil }
        // The key starts after the indentation and any `- ` or `? ` indicators, or after the
        // last flow indicator on the line.
        var start = lineStart
        while start < offset {
            if bytes[start] == 0x20 || bytes[start] == 0x09 {
                start += 1
            } else if (bytes[start] == UInt8(ascii: "-") || bytes[start] == UInt8(ascii: "?")) && start + 1 < offset
                && (bytes[start + 1] == 0x20 || bytes[start + 1] == 0x09) {
                start += 2
            } else {
                break
            }
        }
        var inQuotes: UInt8? = nil
        for position in start..<offset {
            let byte = bytes[position]
            if let quote = inQuotes {
                if byte == quote { inQuotes = nil }
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                inQuotes = byte
            } else if byte == UInt8(ascii: "{") || byte == UInt8(ascii: "[") || byte == UInt8(ascii: ",") {
                start = position + 1
            }
        }
        while start < offset && (bytes[start] == 0x20 || bytes[start] == 0x09) { start += 1 }
        let text = bytes[start..<offset]
        if text.contains(UInt8(ascii: "#")) || zip(text, text.dropFirst()).contains(where: { $0 == UInt8(ascii: ":") && ($1 == 0x20 || $1 == 0x09) }) {
            return nil  // a value or a comment, not one key
        }
        let length = text.reduce(0) { $1 & 0xC0 == 0x80 ? $0 : $0 + 1 }
        return length > YAMLParser.simpleKeyLimit ? length : nil
    }

    /// When the input looks like JSON (its first character is `{` or `[`), the offset of the
    /// first `//` or `/*` comment outside a string, if any.
    func jsonComment() -> Int? {
        var position = hasByteOrderMark ? 3 : 0
        while position < bytes.count && (bytes[position] == 0x20 || bytes[position] == 0x09 || lineBreakWidth(at: position) > 0) {
            position += 1
        }
        guard position < bytes.count, bytes[position] == UInt8(ascii: "{") || bytes[position] == UInt8(ascii: "[") else { return nil }
        var inString = false
        var previous: UInt8 = 0x20
        while position < bytes.count {
            let byte = bytes[position]
            if inString {
                if byte == UInt8(ascii: "\\") {
                    position += 1
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                }
            } else if byte == UInt8(ascii: "\"") {
                inString = true
            } else if byte == UInt8(ascii: "/") && position + 1 < bytes.count
                && (bytes[position + 1] == UInt8(ascii: "/") || bytes[position + 1] == UInt8(ascii: "*"))
                && [0x20, 0x09, 0x0A, 0x0D, UInt8(ascii: ","), UInt8(ascii: "{"), UInt8(ascii: "[")].contains(previous) {
                return position
            }
            previous = byte
            position += 1
        }
        return nil
    }
}

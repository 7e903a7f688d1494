import CLibYAML

/// Builds positioned nodes from libyaml's event stream.
struct YAMLParser {
    let source: YAMLSource

    /// An open mapping or sequence, while its children are read.
    private struct Frame {
        var node: YAMLNode
        var pendingKey: YAMLNode?
    }

    func parseDocuments() throws(YAMLParseError) -> [YAMLDocument] {
        let bytes = source.bytes
        if bytes.count >= 2 && ((bytes[0] == 0xFE && bytes[1] == 0xFF) || (bytes[0] == 0xFF && bytes[1] == 0xFE)) {
            throw YAMLParseError(problem: "UTF-16 input is not supported; convert it to UTF-8", location: SourceLocation(line: 1, column: 1))
        }
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) != 0 else {
            throw YAMLParseError(problem: "libyaml could not start a parser (out of memory)", location: SourceLocation(line: 1, column: 1))
        }
        defer { yaml_parser_delete(&parser) }
        // libyaml keeps a pointer to the input: parse while the buffer is pinned.
        let padded = bytes.isEmpty ? [UInt8](repeating: 0, count: 1) : bytes
        let result: Result<[YAMLDocument], YAMLParseError> = padded.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return .success([]) }
            yaml_parser_set_input_string(&parser, base, bytes.count)
            do throws(YAMLParseError) {
                return .success(try readEvents(&parser))
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    private func readEvents(_ parser: inout yaml_parser_t) throws(YAMLParseError) -> [YAMLDocument] {
        var documents: [YAMLDocument] = []
        var stack: [Frame] = []
        var root: YAMLNode?
        var documentStart = 0
        var explicitStart = false

        func attach(_ node: YAMLNode) {
            guard var top = stack.popLast() else {
                root = node
                return
            }
            if top.node.kind == .mapping {
                if let key = top.pendingKey {
                    top.node.pairs.append(YAMLPair(key: key, value: node))
                    top.pendingKey = nil
                } else {
                    top.pendingKey = node
                }
            } else {
                top.node.items.append(node)
            }
            stack.append(top)
        }

        while true {
            var event = yaml_event_t()
            guard yaml_parser_parse(&parser, &event) != 0 else {
                throw error(of: parser)
            }
            defer { yaml_event_delete(&event) }
            let start = source.byteOffset(ofMarkIndex: Int(event.start_mark.index))
            let end = source.byteOffset(ofMarkIndex: Int(event.end_mark.index))
            switch event.type {
            case YAML_STREAM_END_EVENT:
                return documents
            case YAML_DOCUMENT_START_EVENT:
                documentStart = start
                explicitStart = event.data.document_start.implicit == 0
                root = nil
            case YAML_DOCUMENT_END_EVENT:
                let node = root ?? YAMLNode(kind: .scalar, start: start, end: start, contentStart: start)
                documents.append(YAMLDocument(
                    start: documentStart, end: end, hasExplicitStart: explicitStart,
                    hasExplicitEnd: event.data.document_end.implicit == 0, root: node))
            case YAML_SCALAR_EVENT:
                let scalar = event.data.scalar
                let value = string(scalar.value, length: scalar.length)
                let style = scalarStyle(scalar.style)
                let anchor = cString(scalar.anchor)
                let tag = cString(scalar.tag)
                let contentStart = skipProperties(from: start, hasProperties: anchor != nil || tag != nil)
                var node = YAMLNode(
                    kind: .scalar, start: start, end: end, contentStart: contentStart, value: value,
                    scalarStyle: style, tag: tag, anchor: anchor)
                if style == .literal || style == .folded {
                    node.end = blockScalarEnd(contentStart: contentStart, markEnd: end)
                }
                attach(node)
            case YAML_ALIAS_EVENT:
                let name = cString(event.data.alias.anchor) ?? ""
                attach(YAMLNode(kind: .alias, start: start, end: end, contentStart: start, value: name))
            case YAML_MAPPING_START_EVENT:
                let data = event.data.mapping_start
                stack.append(Frame(node: collection(
                    .mapping, start: start, anchor: cString(data.anchor), tag: cString(data.tag),
                    isFlow: data.style == YAML_FLOW_MAPPING_STYLE)))
            case YAML_SEQUENCE_START_EVENT:
                let data = event.data.sequence_start
                stack.append(Frame(node: collection(
                    .sequence, start: start, anchor: cString(data.anchor), tag: cString(data.tag),
                    isFlow: data.style == YAML_FLOW_SEQUENCE_STYLE)))
            case YAML_MAPPING_END_EVENT, YAML_SEQUENCE_END_EVENT:
                guard var frame = stack.popLast() else { break }
                if frame.node.isFlow {
                    frame.node.end = end
                } else if let last = frame.node.pairs.last?.value ?? frame.node.items.last {
                    frame.node.end = last.end
                } else {
                    frame.node.end = start
                }
                attach(frame.node)
            default:
                break
            }
        }
    }

    /// An open mapping or sequence starting at `start`; its end is set when it closes.
    private func collection(_ kind: YAMLNode.Kind, start: Int, anchor: String?, tag: String?, isFlow: Bool) -> YAMLNode {
        YAMLNode(
            kind: kind, start: start, end: start,
            contentStart: skipProperties(from: start, hasProperties: anchor != nil || tag != nil),
            isFlow: isFlow, tag: tag, anchor: anchor)
    }

    /// The offset of a node's own text, past an anchor (`&a`) and a tag (`!t`).
    private func skipProperties(from start: Int, hasProperties: Bool) -> Int {
        guard hasProperties else { return start }
        let bytes = source.bytes
        var position = start
        while position < bytes.count && (bytes[position] == UInt8(ascii: "&") || bytes[position] == UInt8(ascii: "!")) {
            while position < bytes.count && !isSpace(bytes[position]) { position += 1 }
            while position < bytes.count && isSpace(bytes[position]) { position += 1 }
        }
        return position
    }

    /// The end of a block scalar's content: libyaml's end mark when the scalar keeps its
    /// trailing line breaks (`|+`), else just past its last non-blank character.
    private func blockScalarEnd(contentStart: Int, markEnd: Int) -> Int {
        let bytes = source.bytes
        var header = contentStart
        while header < bytes.count && bytes[header] != 0x0A && bytes[header] != 0x0D && bytes[header] != UInt8(ascii: "#") {
            if bytes[header] == UInt8(ascii: "+") { return markEnd }
            header += 1
        }
        var position = min(markEnd, bytes.count)
        while position > contentStart + 1 && isSpace(bytes[position - 1]) { position -= 1 }
        return position
    }

    private func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    private func scalarStyle(_ style: yaml_scalar_style_t) -> YAMLNode.ScalarStyle {
        switch style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: return .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: return .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: return .literal
        case YAML_FOLDED_SCALAR_STYLE: return .folded
        default: return .plain
        }
    }

    private func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?, length: Int) -> String {
        guard let pointer, length > 0 else { return "" }
        return String(decoding: UnsafeBufferPointer(start: pointer, count: length), as: UTF8.self)
    }

    private func cString(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        guard let pointer else { return nil }
        return String(cString: pointer)
    }

    private func error(of parser: yaml_parser_t) -> YAMLParseError {
        let problem = parser.problem.map { String(cString: $0) } ?? "unknown YAML error"
        let context = parser.context.map { String(cString: $0) }
        let offset: Int
        if parser.error == YAML_READER_ERROR {
            offset = min(Int(parser.problem_offset), source.bytes.count)
        } else {
            offset = min(source.byteOffset(ofMarkIndex: Int(parser.problem_mark.index)), source.bytes.count)
        }
        var message = problem
        if parser.error == YAML_READER_ERROR && parser.problem_value != -1 {
            message += " (byte 0x" + String(UInt8(truncatingIfNeeded: parser.problem_value), radix: 16) + ")"
        }
        if let context { message = context + ": " + message }
        return YAMLParseError(problem: message, context: context, location: source.location(ofByte: offset))
    }
}

import CLibYAML

/// Builds positioned nodes from libyaml's event stream.
struct YAMLParser {
    let source: YAMLSource

    /// The largest input the parser reads; node offsets are stored in 32 bits.
    static let maximumInputSize = 512 << 20

    /// A document whose root is read, waiting for the tree to be frozen.
    private struct DocumentRecord {
        var start: Int
        var end: Int
        var hasExplicitStart: Bool
        var hasExplicitEnd: Bool
        var root: Int
    }

    func parseDocuments() throws(YAMLParseError) -> [YAMLDocument] {
        let bytes = source.bytes
        if bytes.count >= 2 && ((bytes[0] == 0xFE && bytes[1] == 0xFF) || (bytes[0] == 0xFF && bytes[1] == 0xFE)) {
            throw YAMLParseError(problem: "UTF-16 input is not supported; convert it to UTF-8", location: SourceLocation(line: 1, column: 1))
        }
        guard bytes.count <= Self.maximumInputSize else {
            throw YAMLParseError(problem: "inputs larger than 512 MiB are not supported", location: SourceLocation(line: 1, column: 1))
        }
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) != 0 else {
            throw YAMLParseError(problem: "libyaml could not start a parser (out of memory)", location: SourceLocation(line: 1, column: 1))
        }
        defer { yaml_parser_delete(&parser) }
        var builder = TreeBuilder(byteCount: bytes.count)
        // libyaml keeps a pointer to the input: parse while the buffer is pinned.
        let padded = bytes.isEmpty ? [UInt8](repeating: 0, count: 1) : bytes
        let result: Result<[DocumentRecord], YAMLParseError> = padded.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return .success([]) }
            yaml_parser_set_input_string(&parser, base, bytes.count)
            do throws(YAMLParseError) {
                return .success(try readEvents(&parser, into: &builder))
            } catch {
                return .failure(error)
            }
        }
        let records = try result.get()
        guard !builder.isTooLarge else {
            throw YAMLParseError(problem: "the input holds more text than the parser can store", location: SourceLocation(line: 1, column: 1))
        }
        let tree = builder.build()
        return records.map { record in
            YAMLDocument(
                start: record.start, end: record.end, hasExplicitStart: record.hasExplicitStart,
                hasExplicitEnd: record.hasExplicitEnd, root: YAMLNode(tree: tree, index: record.root))
        }
    }

    private func readEvents(_ parser: inout yaml_parser_t, into builder: inout TreeBuilder) throws(YAMLParseError) -> [DocumentRecord] {
        var documents: [DocumentRecord] = []
        var documentStart = 0
        var explicitStart = false

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
            case YAML_DOCUMENT_END_EVENT:
                let root = builder.takeRoot() ?? builder.addLeaf(leaf(.scalar, start: start, end: start, contentStart: start))
                documents.append(DocumentRecord(
                    start: documentStart, end: end, hasExplicitStart: explicitStart,
                    hasExplicitEnd: event.data.document_end.implicit == 0, root: root))
            case YAML_SCALAR_EVENT:
                let scalar = event.data.scalar
                let style = scalarStyle(scalar.style)
                let hasProperties = scalar.anchor != nil || scalar.tag != nil
                var record = leaf(.scalar, start: start, end: end, contentStart: skipProperties(from: start, hasProperties: hasProperties))
                record.scalarStyle = style
                record.text = builder.appendText(scalar.value, count: scalar.length)
                record.properties = builder.appendProperties(tag: scalar.tag, anchor: scalar.anchor)
                if style == .literal || style == .folded {
                    record.end = Int32(truncatingIfNeeded: blockScalarEnd(contentStart: Int(record.contentStart), markEnd: end))
                }
                builder.addLeaf(record)
            case YAML_ALIAS_EVENT:
                var record = leaf(.alias, start: start, end: end, contentStart: start)
                record.text = builder.appendText(event.data.alias.anchor, count: TreeBuilder.length(ofCString: event.data.alias.anchor))
                builder.addLeaf(record)
            case YAML_MAPPING_START_EVENT:
                let data = event.data.mapping_start
                builder.open(collection(
                    .mapping, start: start, properties: builder.appendProperties(tag: data.tag, anchor: data.anchor),
                    isFlow: data.style == YAML_FLOW_MAPPING_STYLE))
            case YAML_SEQUENCE_START_EVENT:
                let data = event.data.sequence_start
                builder.open(collection(
                    .sequence, start: start, properties: builder.appendProperties(tag: data.tag, anchor: data.anchor),
                    isFlow: data.style == YAML_FLOW_SEQUENCE_STYLE))
            case YAML_MAPPING_END_EVENT, YAML_SEQUENCE_END_EVENT:
                builder.close(flowEnd: end, emptyEnd: start)
            default:
                break
            }
        }
    }

    /// A scalar or alias record, before its text and properties are stored.
    private func leaf(_ kind: YAMLNode.Kind, start: Int, end: Int, contentStart: Int) -> NodeRecord {
        NodeRecord(kind: kind, start: start, end: end, contentStart: contentStart)
    }

    /// An open mapping or sequence starting at `start`; its end is set when it closes.
    private func collection(_ kind: YAMLNode.Kind, start: Int, properties: Int32, isFlow: Bool) -> NodeRecord {
        var record = NodeRecord(
            kind: kind, start: start, end: start, contentStart: skipProperties(from: start, hasProperties: properties >= 0))
        record.properties = properties
        record.isFlow = isFlow
        return record
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
        while header < bytes.count && source.lineBreakWidth(at: header) == 0 && bytes[header] != UInt8(ascii: "#") {
            if bytes[header] == UInt8(ascii: "+") { return markEnd }
            header += 1
        }
        return source.offsetBeforeBlanks(min(markEnd, bytes.count), notBefore: contentStart + 1)
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

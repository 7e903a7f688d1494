import CLibYAML

/// Builds positioned nodes from libyaml's event stream.
///
/// Besides what libyaml checks, the parser refuses documents nested deeper than
/// ``maximumDepth`` (checked as each collection opens, so libyaml's cost, which grows with
/// the square of the depth of open flow collections, stays bounded) and aliases to anchors
/// not defined earlier in their document; it records keys that appear twice in a mapping.
struct YAMLParser {
    /// The source to read.
    let source: YAMLSource
    /// How many collections may be open at once.
    let maximumDepth: Int
    /// The bytes to read: the whole source, or a piece of it that starts at a `---` line (see
    /// ``YAMLSource/documentStartLines()``), whose nodes get the offsets they have in the source.
    var range: Range<Int>

    init(source: YAMLSource, maximumDepth: Int, range: Range<Int>? = nil) {
        self.source = source
        self.maximumDepth = maximumDepth
        self.range = range ?? 0..<source.bytes.count
    }

    /// The largest input the parser reads; node offsets are stored in 32 bits.
    static let maximumInputSize = 512 << 20

    /// Why the input cannot be read at all, whatever it holds: it is UTF-16, or too large.
    var inputProblem: YAMLParseError? {
        let bytes = source.bytes
        if bytes.count >= 2 && ((bytes[0] == 0xFE && bytes[1] == 0xFF) || (bytes[0] == 0xFF && bytes[1] == 0xFE)) {
            return YAMLParseError(problem: "UTF-16 input is not supported; convert it to UTF-8", location: SourceLocation(line: 1, column: 1))
        }
        guard bytes.count <= Self.maximumInputSize else {
            return YAMLParseError(problem: "inputs larger than 512 MiB are not supported", location: SourceLocation(line: 1, column: 1))
        }
        return nil
    }

    /// Runs `body` with a libyaml parser set to read ``range`` of the source, and the source's
    /// bytes; nil when libyaml cannot start a parser (out of memory). libyaml keeps a pointer
    /// to the input, so `body` runs while the bytes are pinned.
    func withLibYAML<Result>(_ body: (inout yaml_parser_t, UnsafeBufferPointer<UInt8>) -> Result) -> Result? {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) != 0 else { return nil }
        defer { yaml_parser_delete(&parser) }
        let bytes = source.bytes
        // An empty array may have no storage to point at: libyaml then reads a pinned zero byte.
        let padded = bytes.isEmpty ? [UInt8](repeating: 0, count: 1) : bytes
        let range = range
        return padded.withUnsafeBufferPointer { buffer -> Result? in
            guard let base = buffer.baseAddress else { return nil }
            yaml_parser_set_input_string(&parser, base + range.lowerBound, range.count)
            return body(&parser, UnsafeBufferPointer(rebasing: buffer[0..<bytes.count]))
        }
    }

    /// A document whose root is read, waiting for the tree to be frozen.
    struct DocumentRecord {
        var start: Int
        var end: Int
        var hasExplicitStart: Bool
        var hasExplicitEnd: Bool
        var root: Int
        var duplicateKeys: [TreeBuilder.Duplicate]
    }

    /// Parses every document of the source.
    func parseDocuments() throws(YAMLParseError) -> [YAMLDocument] {
        if let problem = inputProblem { throw problem }
        var reader = EventReader(source: source, maximumDepth: maximumDepth, range: range)
        let result = withLibYAML { parser, input -> Result<Void, YAMLParseError> in
            do throws(YAMLParseError) {
                try reader.read(&parser, input: input)
                return .success(())
            } catch {
                return .failure(error)
            }
        }
        guard let result else {
            throw YAMLParseError(problem: "libyaml could not start a parser (out of memory)", location: SourceLocation(line: 1, column: 1))
        }
        try result.get()
        guard !reader.builder.isTooLarge else {
            throw YAMLParseError(problem: "the input holds more text than the parser can store", location: SourceLocation(line: 1, column: 1))
        }
        let tree = reader.builder.build()
        return reader.documents.map { record in
            YAMLDocument(
                start: record.start, end: record.end, hasExplicitStart: record.hasExplicitStart,
                hasExplicitEnd: record.hasExplicitEnd, root: YAMLNode(tree: tree, index: record.root),
                duplicateKeys: record.duplicateKeys.map { duplicate in
                    DuplicateKey(
                        mapping: YAMLNode(tree: tree, index: duplicate.mapping), first: YAMLNode(tree: tree, index: duplicate.first),
                        duplicate: YAMLNode(tree: tree, index: duplicate.duplicate))
                })
        }
    }
}

/// The state of one pass over libyaml's events.
private struct EventReader {
    let source: YAMLSource
    let maximumDepth: Int
    var builder: TreeBuilder
    var documents: [YAMLParser.DocumentRecord] = []
    /// Where the last text an event covered ends: empty nodes are placed after it.
    var lastEnd = 0
    /// The current document's start, explicitness, anchors and duplicate keys.
    var documentStart = 0
    var explicitStart = false
    var anchors: Set<String> = []
    var duplicates: [TreeBuilder.Duplicate] = []
    /// The index of the character where the bytes read start (libyaml counts from there),
    /// or nil when they start at the beginning of the source.
    let firstCharacter: Int?

    init(source: YAMLSource, maximumDepth: Int, range: Range<Int>) {
        self.source = source
        self.maximumDepth = maximumDepth
        builder = TreeBuilder(source: source.bytes, reading: range.count)
        lastEnd = range.lowerBound
        documentStart = range.lowerBound
        firstCharacter = range.lowerBound == 0 ? nil : source.characterIndex(ofByte: range.lowerBound)
    }

    /// The byte offset in the source of a mark index libyaml reports.
    func byteOffset(ofMarkIndex index: Int) -> Int {
        guard let firstCharacter else { return source.byteOffset(ofMarkIndex: index) }
        return source.byteOffset(ofCharacterIndex: firstCharacter + index)
    }

    /// Reads every event; `input` is the source's bytes, pinned while libyaml reads them.
    mutating func read(_ parser: inout yaml_parser_t, input: UnsafeBufferPointer<UInt8>) throws(YAMLParseError) {
        while true {
            var event = yaml_event_t()
            guard yaml_parser_parse(&parser, &event) != 0 else {
                throw YAMLParser.error(of: parser, in: source)
            }
            defer { yaml_event_delete(&event) }
            let start = byteOffset(ofMarkIndex: Int(event.start_mark.index))
            let end = byteOffset(ofMarkIndex: Int(event.end_mark.index))
            switch event.type {
            case YAML_STREAM_END_EVENT:
                return
            case YAML_DOCUMENT_START_EVENT:
                documentStart = start
                explicitStart = event.data.document_start.implicit == 0
                anchors = []
                duplicates = []
                lastEnd = end
            case YAML_DOCUMENT_END_EVENT:
                let root = builder.takeRoot(orEmptyAt: lastEnd)
                documents.append(YAMLParser.DocumentRecord(
                    start: documentStart, end: max(end, lastEnd), hasExplicitStart: explicitStart,
                    hasExplicitEnd: event.data.document_end.implicit == 0, root: root, duplicateKeys: duplicates))
                lastEnd = max(end, lastEnd)
            case YAML_SCALAR_EVENT:
                let scalar = event.data.scalar
                let hasProperties = scalar.anchor != nil || scalar.tag != nil
                var record: NodeRecord
                if scalar.length == 0 && scalar.style == YAML_PLAIN_SCALAR_STYLE && !hasProperties {
                    // libyaml puts an empty value at the next token, often lines later; it belongs
                    // just after its indicator, or after its key when it has none.
                    let place = source.emptyNodePlace(after: lastEnd, before: start)
                    record = NodeRecord(kind: .scalar, start: place, end: place)
                    builder.addLeaf(record)
                } else {
                    record = NodeRecord(kind: .scalar, start: start, end: end)
                    let contentStart = hasProperties ? source.contentStart(afterPropertiesAt: start, limit: end) : start
                    record.scalarStyle = Self.scalarStyle(scalar.style)
                    if record.scalarStyle == .literal || record.scalarStyle == .folded {
                        record.end = Int32(truncatingIfNeeded: source.blockScalarEnd(
                            contentStart: contentStart, markEnd: end, parentColumn: builder.innermostOpenStart.map { source.byteColumn(of: $0) }))
                    }
                    let written: Range<Int>
                    switch record.scalarStyle {
                    case .plain: written = contentStart..<end
                    case .singleQuoted, .doubleQuoted: written = contentStart + 1..<max(contentStart + 1, end - 1)
                    case .literal, .folded: written = 0..<0
                    }
                    builder.setValue(of: &record, scalar.value, count: scalar.length, written: written, in: input)
                    let index = builder.addLeaf(record)
                    if hasProperties {
                        builder.setProperties(of: index, contentStart: contentStart, tag: scalar.tag, anchor: scalar.anchor)
                        if scalar.anchor != nil { define(scalar.anchor) }
                    }
                }
                lastEnd = Int(record.end)
            case YAML_ALIAS_EVENT:
                let name = event.data.alias.anchor
                guard let name, anchors.contains(String(cString: name)) else {
                    let text = name.map { String(cString: $0) } ?? ""
                    throw YAMLParseError(
                        problem: "found undefined alias *\(text): no anchor &\(text) is defined before it in this document",
                        location: source.location(ofByte: start))
                }
                var record = NodeRecord(kind: .alias, start: start, end: end)
                record.text = builder.appendText(name, count: TreeBuilder.length(ofCString: name))
                lastEnd = end
                builder.addLeaf(record)
            case YAML_MAPPING_START_EVENT:
                let data = event.data.mapping_start
                try open(.mapping, start: start, end: end, tag: data.tag, anchor: data.anchor, isFlow: data.style == YAML_FLOW_MAPPING_STYLE)
            case YAML_SEQUENCE_START_EVENT:
                let data = event.data.sequence_start
                try open(.sequence, start: start, end: end, tag: data.tag, anchor: data.anchor, isFlow: data.style == YAML_FLOW_SEQUENCE_STYLE)
            case YAML_MAPPING_END_EVENT, YAML_SEQUENCE_END_EVENT:
                if event.type == YAML_MAPPING_END_EVENT { builder.findDuplicateKeysOfInnermost(into: &duplicates) }
                if let index = builder.close(flowEnd: end, emptyEnd: lastEnd) {
                    lastEnd = max(lastEnd, Int(builder.records[index].end))
                }
            default:
                break
            }
        }
    }

    /// Opens a mapping or sequence whose start event covers `start..<end`.
    private mutating func open(
        _ kind: YAMLNode.Kind, start: Int, end: Int, tag: UnsafeMutablePointer<UInt8>?, anchor: UnsafeMutablePointer<UInt8>?, isFlow: Bool
    ) throws(YAMLParseError) {
        guard builder.depth < maximumDepth else {
            throw YAMLParseError(
                problem: "the document nests collections more than \(maximumDepth) levels deep, which is more than this tool reads",
                location: source.location(ofByte: start))
        }
        var record = NodeRecord(kind: kind, start: start, end: start)
        record.isFlow = isFlow
        if isFlow && kind == .mapping && !(end > start && source.bytes[end - 1] == UInt8(ascii: "{")) {
            record.flags.insert(.singlePair)
        }
        let index = builder.open(record)
        var contentStart = start
        if tag != nil || anchor != nil {
            // The content starts at the flow bracket, or at the first key or dash of a block collection.
            contentStart = source.contentStart(afterPropertiesAt: start, limit: isFlow ? max(start, end - 1) : end)
            builder.setProperties(of: index, contentStart: contentStart, tag: tag, anchor: anchor)
            if anchor != nil { define(anchor) }
        }
        // Empty nodes inside are placed after the opening bracket, or after the properties.
        lastEnd = isFlow ? end : max(lastEnd, contentStart)
    }

    /// Records that the current document defines the anchor `name`.
    private mutating func define(_ name: UnsafeMutablePointer<UInt8>?) {
        if let name { anchors.insert(String(cString: name)) }
    }

    private static func scalarStyle(_ style: yaml_scalar_style_t) -> YAMLNode.ScalarStyle {
        switch style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: return .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: return .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: return .literal
        case YAML_FOLDED_SCALAR_STYLE: return .folded
        default: return .plain
        }
    }
}

import CLibYAML

/// What libyaml itself says about an input, read with its bare event loop: the marks of
/// every event, and its error if it stops on one. The parse checks compare SpliceYAML's
/// positions with these.
struct LibYAMLRun {
    /// A libyaml position: character index, and 0-based line and column as libyaml counts them.
    struct Mark: Equatable {
        var index: Int
        var line: Int
        var column: Int
    }

    /// A node as libyaml's event for it says: its kind, value (or alias name), anchor and tag.
    struct Node: Equatable {
        var kind: String
        var value: String
        var anchor: String?
        var tag: String?
    }

    /// The start and end marks of every event, in order.
    var marks: [Mark] = []
    /// Every node, in the order of its event (which is the tree's pre-order).
    var nodes: [Node] = []
    /// libyaml's error, if the input has one: its message as SpliceYAML words it
    /// (`context: problem`), and its mark (nil for a reader error, which has a byte offset).
    var error: (message: String, mark: Mark?)?

    /// Reads `bytes` to the end of the stream or to libyaml's first error.
    init(_ bytes: [UInt8]) {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) != 0 else {
            error = ("out of memory", nil)
            return
        }
        defer { yaml_parser_delete(&parser) }
        let padded = bytes.isEmpty ? [0] : bytes
        padded.withUnsafeBufferPointer { buffer in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, bytes.count)
            while true {
                var event = yaml_event_t()
                guard yaml_parser_parse(&parser, &event) != 0 else {
                    let problem = parser.problem.map { String(cString: $0) } ?? "unknown YAML error"
                    let message = parser.context.map { String(cString: $0) + ": " + problem } ?? problem
                    let mark = parser.problem_mark
                    error = (message, parser.error == YAML_READER_ERROR ? nil : Mark(index: Int(mark.index), line: Int(mark.line), column: Int(mark.column)))
                    return
                }
                marks.append(Mark(index: Int(event.start_mark.index), line: Int(event.start_mark.line), column: Int(event.start_mark.column)))
                marks.append(Mark(index: Int(event.end_mark.index), line: Int(event.end_mark.line), column: Int(event.end_mark.column)))
                if let node = Self.node(of: event) { nodes.append(node) }
                let done = event.type == YAML_STREAM_END_EVENT
                yaml_event_delete(&event)
                if done { return }
            }
        }
    }

    /// The node an event starts, if it starts one.
    private static func node(of event: yaml_event_t) -> Node? {
        func text(_ pointer: UnsafeMutablePointer<UInt8>?) -> String? { pointer.map { String(cString: $0) } }
        switch event.type {
        case YAML_SCALAR_EVENT:
            let scalar = event.data.scalar
            let value = scalar.value.map { String(decoding: UnsafeBufferPointer(start: $0, count: scalar.length), as: UTF8.self) } ?? ""
            return Node(kind: "scalar", value: value, anchor: text(scalar.anchor), tag: text(scalar.tag))
        case YAML_ALIAS_EVENT:
            return Node(kind: "alias", value: text(event.data.alias.anchor) ?? "", anchor: nil, tag: nil)
        case YAML_MAPPING_START_EVENT:
            return Node(kind: "mapping", value: "", anchor: text(event.data.mapping_start.anchor), tag: text(event.data.mapping_start.tag))
        case YAML_SEQUENCE_START_EVENT:
            return Node(kind: "sequence", value: "", anchor: text(event.data.sequence_start.anchor), tag: text(event.data.sequence_start.tag))
        default:
            return nil
        }
    }
}

import CLibYAML

extension YAMLParser {
    /// Whether ``parseDocuments()`` would succeed, found from libyaml's events alone: no node
    /// is built and no position is worked out, so checking an edited stream costs little more
    /// than libyaml's own pass. The checks are the parser's: libyaml's errors, the depth limit,
    /// and aliases to anchors not defined earlier in their document.
    func parses() -> Bool {
        guard inputProblem == nil else { return false }
        return withLibYAML { parser, _ -> Bool in
            var depth = 0
            var anchors: Set<String> = []
            while true {
                var event = yaml_event_t()
                guard yaml_parser_parse(&parser, &event) != 0 else { return false }
                defer { yaml_event_delete(&event) }
                switch event.type {
                case YAML_STREAM_END_EVENT:
                    return true
                case YAML_DOCUMENT_START_EVENT:
                    anchors = []
                case YAML_SCALAR_EVENT:
                    if let anchor = event.data.scalar.anchor { anchors.insert(String(cString: anchor)) }
                case YAML_ALIAS_EVENT:
                    guard let name = event.data.alias.anchor, anchors.contains(String(cString: name)) else { return false }
                case YAML_MAPPING_START_EVENT, YAML_SEQUENCE_START_EVENT:
                    guard depth < maximumDepth else { return false }
                    depth += 1
                    let anchor = event.type == YAML_MAPPING_START_EVENT ? event.data.mapping_start.anchor : event.data.sequence_start.anchor
                    if let anchor { anchors.insert(String(cString: anchor)) }
                case YAML_MAPPING_END_EVENT, YAML_SEQUENCE_END_EVENT:
                    depth -= 1
                default:
                    break
                }
            }
        } ?? false
    }
}

import SpliceYAML

/// The invariants of parsing, for the `FuzzParse` target and the replay of
/// `Fuzz/FailCases/parse/`:
/// - parsing never traps, and building an editor for each document does not either;
/// - every position SpliceYAML gives a libyaml mark (line and column) is libyaml's own;
/// - the nodes, in order, have the kinds, values, anchors and tags of libyaml's events;
/// - an error's position lies inside the input, and is libyaml's when the error is libyaml's;
/// - documents are in order, every node lies in its document with
///   start <= contentStart <= end, children lie inside their parent, in order;
/// - scalars, aliases and flow collections cover their own text (quotes, `*`, brackets);
/// - splicing every scalar's own text back onto itself, or applying no edit, gives the input;
/// - the stream cut at every `---` line and parsed piece by piece gives the same documents
///   and nodes at the same offsets as the whole, and does not parse when the whole does not.
public enum ParseCheck: FuzzCheck {
    /// `parse`.
    public static let name = "parse"

    /// What `input` breaks (empty when every invariant holds).
    public static func violations(of input: [UInt8]) -> [String] {
        let source = YAMLSource(input)
        let libyaml = LibYAMLRun(input)
        // SpliceYAML refuses UTF-16 (which libyaml reads, counting UTF-16 characters).
        let isUTF16 = input.starts(with: [0xFE, 0xFF]) || input.starts(with: [0xFF, 0xFE])
        var found = isUTF16 ? [] : markViolations(source, libyaml)
        do {
            let stream = try YAMLStream(parsing: source)
            found += treeViolations(stream)
            found += nodeViolations(stream, libyaml)
            found += spliceViolations(stream)
            found += pieceViolations(stream)
        } catch {
            found += errorViolations(error, source, libyaml)
            if let pieces = piecewise(source) {
                found.append("the whole does not parse (\(error.problem)) but its \(pieces.count) pieces cut at `---` lines do")
            }
        }
        return found
    }

    /// Where SpliceYAML's line table and character map disagree with libyaml's marks.
    static func markViolations(_ source: YAMLSource, _ libyaml: LibYAMLRun) -> [String] {
        var found: [String] = []
        for mark in libyaml.marks {
            let offset = source.byteOffset(ofMarkIndex: mark.index)
            guard offset >= 0 && offset <= source.bytes.count else {
                found.append("libyaml mark \(mark.index) maps to byte \(offset), outside the input")
                continue
            }
            let location = source.location(ofByte: offset)
            if location != SourceLocation(line: mark.line + 1, column: mark.column + 1) && !source.isForcedLineBreak(offset) {
                found.append("libyaml mark \(mark.index) is \(mark.line + 1):\(mark.column + 1), SpliceYAML says \(location)")
            }
            if found.count > 5 { break }
        }
        return found
    }

    /// Whether an error lies inside the input, and at libyaml's position when it is libyaml's.
    static func errorViolations(_ error: YAMLParseError, _ source: YAMLSource, _ libyaml: LibYAMLRun) -> [String] {
        var found: [String] = []
        if !source.isPlace(error.location) {
            found.append("error at \(error.location) is outside the input: \(error.problem)")
        }
        if let (message, mark) = libyaml.error, let mark, error.problem.hasPrefix(message),
           error.location != SourceLocation(line: mark.line + 1, column: mark.column + 1),
           !source.isForcedLineBreak(source.byteOffset(ofMarkIndex: mark.index)) {
            found.append("libyaml puts \"\(message)\" at \(mark.line + 1):\(mark.column + 1), SpliceYAML at \(error.location)")
        }
        return found
    }

    /// Ranges that leave their document or parent, or are out of order.
    static func treeViolations(_ stream: YAMLStream) -> [String] {
        let source = stream.source
        var found: [String] = []
        var previousEnd = 0
        for (number, document) in stream.documents.enumerated() {
            if document.start < previousEnd || document.start > document.end || document.end > source.bytes.count {
                found.append("document \(number) spans \(document.start)..<\(document.end) after \(previousEnd) in \(source.bytes.count) bytes")
            }
            previousEnd = document.end
            for node in document.root.subtree {
                if !(document.start <= node.start && node.start <= node.contentStart && node.contentStart <= node.end && node.end <= document.end) {
                    found.append("node \(node.kind) at \(source.location(ofByte: min(node.start, source.bytes.count))) has start \(node.start), content \(node.contentStart), end \(node.end) in document \(document.start)..<\(document.end)")
                }
                found += childViolations(of: node, source)
                found += textViolations(of: node, source)
                if found.count > 10 { return found }
            }
            for duplicate in document.duplicateKeys where !(duplicate.first.end <= duplicate.duplicate.start && duplicate.first.value == duplicate.duplicate.value) {
                found.append("duplicate key \(duplicate.key) at \(duplicate.duplicate.start) does not follow its first at \(duplicate.first.start)")
            }
            _ = YAMLEditor(source: source, document: document)
        }
        return found
    }

    /// Children that leave their parent, or come out of order.
    private static func childViolations(of node: YAMLNode, _ source: YAMLSource) -> [String] {
        let children: [YAMLNode] = node.kind == .mapping ? node.pairs.flatMap { [$0.key, $0.value] } : Array(node.items)
        var found: [String] = []
        var cursor = node.contentStart
        for (position, child) in children.enumerated() {
            if child.start < cursor || child.end > node.end {
                found.append("child \(position) of the \(node.kind) at \(source.location(ofByte: node.start)) spans \(child.start)..<\(child.end), after \(cursor), in \(node.contentStart)..<\(node.end)")
            }
            cursor = max(cursor, child.end)
        }
        return found
    }

    /// Nodes whose range does not hold the text their kind and style promise.
    private static func textViolations(of node: YAMLNode, _ source: YAMLSource) -> [String] {
        let text = source.bytes[node.contentStart..<node.end]
        let ok: Bool
        switch node.kind {
        case .alias:
            ok = text.first == UInt8(ascii: "*") && source.text(node.contentStart + 1..<node.end) == node.value
        case .mapping where node.isSinglePairMapping:
            ok = node.pairs.count == 1 && node.start == node.pairs[0].key.start || source.explicitKeyStarts(node)
        case .mapping where node.isFlow:
            ok = text.first == UInt8(ascii: "{") && text.last == UInt8(ascii: "}") && text.count >= 2
        case .sequence where node.isFlow:
            ok = text.first == UInt8(ascii: "[") && text.last == UInt8(ascii: "]") && text.count >= 2
        case .scalar where node.scalarStyle == .singleQuoted || node.scalarStyle == .doubleQuoted:
            let quote = node.scalarStyle == .singleQuoted ? UInt8(ascii: "'") : UInt8(ascii: "\"")
            ok = text.first == quote && text.last == quote && text.count >= 2
        case .scalar where node.scalarStyle == .literal || node.scalarStyle == .folded:
            ok = text.first == UInt8(ascii: node.scalarStyle == .literal ? "|" : ">")
        case .scalar where node.value.isEmpty:
            ok = node.tag != nil || node.anchor != nil || text.isEmpty
        default:
            ok = true
        }
        return ok ? [] : ["the \(node.kind) at \(source.location(ofByte: node.start)) (\(node.scalarStyle)) covers \(String(source.text(node.contentStart..<node.end).prefix(80)).debugDescription)"]
    }

    /// The documents of `source` cut at every `---` line and parsed piece by piece, or nil
    /// when it has fewer than two pieces or a piece does not parse.
    static func piecewise(_ source: YAMLSource) -> [YAMLDocument]? {
        let cuts = source.documentStartLines().filter { $0 > 0 }
        guard !cuts.isEmpty else { return nil }
        let pieces = zip([0] + cuts, cuts + [source.bytes.count]).map { $0..<$1 }
        return YAMLStream.documents(of: source, maximumDepth: YAMLStream.defaultMaximumDepth, pieces: pieces, workers: .one)
    }

    /// Where parsing the stream piece by piece (cut at every `---` line) differs from parsing it whole.
    static func pieceViolations(_ stream: YAMLStream) -> [String] {
        let cuts = stream.source.documentStartLines().filter { $0 > 0 }
        guard !cuts.isEmpty else { return [] }
        guard let documents = piecewise(stream.source) else {
            return ["the whole parses but its pieces cut at `---` lines do not"]
        }
        guard documents.count == stream.documents.count else {
            return ["cut at `---` lines, the stream has \(documents.count) documents, whole \(stream.documents.count)"]
        }
        for (piece, whole) in zip(documents, stream.documents) {
            guard (piece.start, piece.end, piece.hasExplicitStart, piece.hasExplicitEnd, piece.duplicateKeys.count)
                == (whole.start, whole.end, whole.hasExplicitStart, whole.hasExplicitEnd, whole.duplicateKeys.count) else {
                return ["the document at \(whole.start)..<\(whole.end) is \(piece.start)..<\(piece.end) when the stream is cut at `---` lines"]
            }
            for (a, b) in zip(piece.root.subtree, whole.root.subtree) {
                guard (a.kind, a.start, a.contentStart, a.end) == (b.kind, b.start, b.contentStart, b.end),
                      (a.value, a.tag, a.anchor, a.scalarStyle) == (b.value, b.tag, b.anchor, b.scalarStyle) else {
                    return ["the node at \(b.start) differs when the stream is cut at `---` lines"]
                }
            }
            if Array(piece.root.subtree).count != Array(whole.root.subtree).count {
                return ["the document at \(whole.start) has another number of nodes when the stream is cut at `---` lines"]
            }
        }
        return []
    }

    /// Nodes whose kind, value, anchor or tag differ from libyaml's event for them.
    static func nodeViolations(_ stream: YAMLStream, _ libyaml: LibYAMLRun) -> [String] {
        let nodes = stream.documents.flatMap { Array($0.root.subtree) }
        guard nodes.count == libyaml.nodes.count else {
            return ["the tree has \(nodes.count) nodes, libyaml's events \(libyaml.nodes.count)"]
        }
        for (node, event) in zip(nodes, libyaml.nodes) {
            let kind = switch node.kind {
            case .scalar: "scalar"
            case .alias: "alias"
            case .mapping: "mapping"
            case .sequence: "sequence"
            }
            let seen = LibYAMLRun.Node(kind: kind, value: node.value, anchor: node.anchor, tag: node.tag)
            // Exercise every other property too: none may trap.
            _ = (node.isNull, node.isString, node.containsAliasOrAnchor, node.isInFlowCollection, node.isSinglePairMapping, node.pair(forKey: "a"))
            if seen != event {
                return ["the node at \(node.start) is \(seen), libyaml's event says \(event)"]
            }
        }
        return []
    }

    /// Identity edits that do not give the input back.
    static func spliceViolations(_ stream: YAMLStream) -> [String] {
        let source = stream.source
        var identity: [Edit] = []
        for document in stream.documents {
            for node in document.root.subtree where node.kind == .scalar || node.kind == .alias {
                identity.append(Edit(range: node.range, replacement: Array(source.bytes[node.range])))
            }
        }
        var found: [String] = []
        do {
            if try source.applying(identity) != source.bytes { found.append("splicing every scalar onto itself changed the input") }
            if try source.applying([]) != source.bytes { found.append("applying no edit changed the input") }
        } catch {
            found.append("identity edits were refused: \(error)")
        }
        return found
    }
}

extension YAMLSource {
    /// Whether a single-pair mapping starts at the `?` of its explicit key.
    func explicitKeyStarts(_ node: YAMLNode) -> Bool {
        node.pairs.count == 1 && node.start < bytes.count && bytes[node.start] == UInt8(ascii: "?")
    }

    /// Whether `offset` is the end of an input that does not end in a line break: libyaml
    /// puts the end of the stream on a line after the last (it "forces" a line break there),
    /// where SpliceYAML gives the real end, just after the last character.
    func isForcedLineBreak(_ offset: Int) -> Bool {
        offset == bytes.count && !endsWithNewline
    }

    /// Whether `location` is the position of a character of the input, or of its end.
    func isPlace(_ location: SourceLocation) -> Bool {
        offset(of: location) != nil
    }
}

/// One document of a YAML stream.
public struct YAMLDocument: Sendable {
    /// The byte offset where the document starts (its `---` when explicit).
    public var start: Int
    /// The byte offset where the document ends (after its `...` when explicit).
    public var end: Int
    /// Whether the document starts with an explicit `---`.
    public var hasExplicitStart: Bool
    /// Whether the document ends with an explicit `...`.
    public var hasExplicitEnd: Bool
    /// The root node; an empty document has an empty null scalar.
    public var root: YAMLNode
    /// The keys written twice in one mapping of the document, in source order.
    public var duplicateKeys: [DuplicateKey]

    /// Makes a document.
    public init(
        start: Int, end: Int, hasExplicitStart: Bool, hasExplicitEnd: Bool, root: YAMLNode, duplicateKeys: [DuplicateKey] = []
    ) {
        self.start = start
        self.end = end
        self.hasExplicitStart = hasExplicitStart
        self.hasExplicitEnd = hasExplicitEnd
        self.root = root
        self.duplicateKeys = duplicateKeys
    }

    /// Whether the document holds nothing but null (`---` followed by nothing).
    public var isEmpty: Bool { root.isNull }
}

/// A parsed YAML stream: its source and its documents in order.
public struct YAMLStream: Sendable {
    /// The source the stream was parsed from.
    public let source: YAMLSource
    /// The documents, in source order.
    public let documents: [YAMLDocument]

    /// How deeply collections may nest unless a caller says otherwise: 1,000 levels, far
    /// beyond any manifest, and shallow enough that no input makes parsing slow.
    public static let defaultMaximumDepth = 1_000

    /// Parses `source`.
    /// - Parameter maximumDepth: How many mappings and sequences may be open at once; a
    ///   document that nests deeper is refused where it crosses the limit.
    /// - Throws: ``YAMLParseError`` when libyaml rejects the input, a document nests deeper
    ///   than `maximumDepth`, or an alias names an anchor not defined before it in its document.
    public init(parsing source: YAMLSource, maximumDepth: Int = defaultMaximumDepth) throws(YAMLParseError) {
        self.source = source
        self.documents = try YAMLParser(source: source, maximumDepth: maximumDepth).parseDocuments()
    }

    /// Parses `source` on up to `workers` threads: a stream of many documents is cut at
    /// `---` lines into pieces of similar size that are parsed side by side (each node keeps
    /// its offset in the whole source). When a piece does not parse, the whole source is parsed
    /// in one piece, so that errors are exactly those of ``init(parsing:maximumDepth:)-(YAMLSource,_)``.
    public init(parsing source: YAMLSource, maximumDepth: Int = defaultMaximumDepth, workers: Workers) throws(YAMLParseError) {
        // Eight pieces a thread, so that the last to finish leaves the others idle only briefly.
        let pieces = workers.count > 1 ? Self.pieces(of: source, count: workers.count * 8, minimumSize: workers.minimumPieceSize) : []
        try self.init(parsing: source, maximumDepth: maximumDepth, pieces: pieces, workers: workers)
    }

    /// Parses `source` in the given pieces (consecutive ranges that cover it, each but the
    /// first starting at a line of ``YAMLSource/documentStartLines()``), or whole when there
    /// are fewer than two; falls back to parsing it whole when a piece does not parse.
    package init(parsing source: YAMLSource, maximumDepth: Int, pieces: [Range<Int>], workers: Workers) throws(YAMLParseError) {
        guard pieces.count > 1 else {
            try self.init(parsing: source, maximumDepth: maximumDepth)
            return
        }
        guard let documents = Self.documents(of: source, maximumDepth: maximumDepth, pieces: pieces, workers: workers) else {
            try self.init(parsing: source, maximumDepth: maximumDepth)
            return
        }
        self.init(source: source, documents: documents)
    }

    /// Parses the documents of `window` of `source` alone (a range that starts at the source's
    /// start or at a line of ``YAMLSource/documentStartLines()`` and ends at one, or at the
    /// source's end), as a piece of ``init(parsing:maximumDepth:workers:)`` is parsed: every
    /// node keeps its offset in the whole source. Nil when the window does not parse on its own.
    package init?(parsing source: YAMLSource, window: Range<Int>, maximumDepth: Int = defaultMaximumDepth) {
        guard let documents = try? YAMLParser(source: source, maximumDepth: maximumDepth, range: window).parseDocuments() else { return nil }
        self.init(source: source, documents: documents)
    }

    /// Checks that `source` parses, as ``init(parsing:maximumDepth:workers:)`` would, without
    /// building its nodes: libyaml's events alone are read (see ``YAMLParser/parses()``), a
    /// long stream in pieces on up to `workers` threads, so that checking costs little time
    /// or memory.
    /// - Throws: the ``YAMLParseError`` of parsing the whole source, when a piece does not parse.
    public static func check(_ source: YAMLSource, maximumDepth: Int = defaultMaximumDepth, workers: Workers) throws(YAMLParseError) {
        let pieces = pieces(of: source, count: max(8, workers.count * 4), minimumSize: workers.minimumPieceSize)
        try check(source, ranges: pieces.isEmpty ? [0..<source.bytes.count] : pieces, maximumDepth: maximumDepth, workers: workers)
    }

    /// Checks that each of `ranges` of `source` (cut at document starts) parses on its own,
    /// on up to `workers` threads.
    /// - Throws: the ``YAMLParseError`` of parsing the whole source, when one does not parse.
    private static func check(_ source: YAMLSource, ranges: [Range<Int>], maximumDepth: Int, workers: Workers) throws(YAMLParseError) {
        let parsed = workers.map(ranges) { range in YAMLParser(source: source, maximumDepth: maximumDepth, range: range).parses() }
        if !parsed.contains(false) { return }
        // Parsed whole, for the error libyaml reports there (a piece's error is told from where that piece starts).
        _ = try YAMLParser(source: source, maximumDepth: maximumDepth).parseDocuments()
    }

    /// Checks, as ``check(_:maximumDepth:workers:)`` does, the documents of `source` that hold
    /// or border a byte of `spans` (the edited bytes, in order): the rest of an edited stream
    /// is text that parsed before, cut where the parser cuts it, so it still does. Consecutive
    /// such documents are parsed together, in pieces of about ``Workers/minimumPieceSize`` on
    /// up to `workers` threads.
    /// - Throws: the ``YAMLParseError`` of parsing the whole source, when one of them does not parse.
    public static func check(_ source: YAMLSource, around spans: [Range<Int>], maximumDepth: Int = defaultMaximumDepth, workers: Workers) throws(YAMLParseError) {
        let count = source.bytes.count
        var bounds = source.documentStartLines()
        guard !bounds.isEmpty, !spans.isEmpty else {
            return try check(source, maximumDepth: maximumDepth, workers: workers)
        }
        if bounds[0] != 0 { bounds.insert(0, at: 0) }
        bounds.append(count)
        var ranges: [Range<Int>] = []
        for span in spans {
            // A byte either side counts: an edit that ends where a document starts may change it.
            let low = max(0, span.lowerBound - 1)
            let high = min(count, span.upperBound + 1)
            // The last bound at or before `low` (the first bound is 0), and the first at or
            // after `high` (the last bound is the end).
            let first = bounds.partitioningIndex { $0 > low } - 1
            let end = min(bounds.partitioningIndex { $0 >= high }, bounds.count - 1)
            let range = bounds[first]..<bounds[end]
            if let previous = ranges.last, previous.upperBound >= range.lowerBound,
               previous.count < workers.minimumPieceSize || previous.upperBound > range.lowerBound {
                ranges[ranges.count - 1] = previous.lowerBound..<max(previous.upperBound, range.upperBound)
            } else {
                ranges.append(range)
            }
        }
        try check(source, ranges: ranges, maximumDepth: maximumDepth, workers: workers)
    }

    /// The documents of `pieces` of `source` parsed apart and joined in order, or nil when a
    /// piece does not parse.
    package static func documents(of source: YAMLSource, maximumDepth: Int, pieces: [Range<Int>], workers: Workers) -> [YAMLDocument]? {
        let parsed = workers.map(pieces) { range in YAMLStream(parsing: source, window: range, maximumDepth: maximumDepth)?.documents }
        var documents: [YAMLDocument] = []
        for piece in parsed {
            guard let piece else { return nil }
            documents += piece
        }
        return documents
    }

    /// A stream of documents parsed from `source`.
    private init(source: YAMLSource, documents: [YAMLDocument]) {
        self.source = source
        self.documents = documents
    }

    /// Up to `count` pieces of similar size that cover `source`, cut at `---` lines, none
    /// smaller than `minimumSize` (by default ``Workers/minimumPieceSize``'s, so that an
    /// ordinary file stays whole).
    package static func pieces(of source: YAMLSource, count: Int, minimumSize: Int = Workers.one.minimumPieceSize) -> [Range<Int>] {
        let total = source.bytes.count
        let wanted = min(count, total / max(1, minimumSize))
        guard wanted > 1 else { return [] }
        let cuts = source.documentStartLines()
        var pieces: [Range<Int>] = []
        var start = 0
        var cut = 0
        for piece in 1..<wanted {
            let target = total / wanted * piece
            while cut < cuts.count && (cuts[cut] < target || cuts[cut] <= start) { cut += 1 }
            guard cut < cuts.count else { break }
            pieces.append(start..<cuts[cut])
            start = cuts[cut]
        }
        pieces.append(start..<total)
        return pieces.count > 1 ? pieces : []
    }

    /// Parses UTF-8 bytes (see ``init(parsing:maximumDepth:)-(YAMLSource,_)``).
    public init(parsing bytes: [UInt8], maximumDepth: Int = defaultMaximumDepth) throws(YAMLParseError) {
        try self.init(parsing: YAMLSource(bytes), maximumDepth: maximumDepth)
    }

    /// Parses a string (see ``init(parsing:maximumDepth:)-(YAMLSource,_)``).
    public init(parsing text: String, maximumDepth: Int = defaultMaximumDepth) throws(YAMLParseError) {
        try self.init(parsing: YAMLSource(text), maximumDepth: maximumDepth)
    }
}

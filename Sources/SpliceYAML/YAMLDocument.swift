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

    /// Parses UTF-8 bytes (see ``init(parsing:maximumDepth:)-(YAMLSource,_)``).
    public init(parsing bytes: [UInt8], maximumDepth: Int = defaultMaximumDepth) throws(YAMLParseError) {
        try self.init(parsing: YAMLSource(bytes), maximumDepth: maximumDepth)
    }

    /// Parses a string (see ``init(parsing:maximumDepth:)-(YAMLSource,_)``).
    public init(parsing text: String, maximumDepth: Int = defaultMaximumDepth) throws(YAMLParseError) {
        try self.init(parsing: YAMLSource(text), maximumDepth: maximumDepth)
    }
}

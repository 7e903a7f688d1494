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

    /// Makes a document.
    public init(start: Int, end: Int, hasExplicitStart: Bool, hasExplicitEnd: Bool, root: YAMLNode) {
        self.start = start
        self.end = end
        self.hasExplicitStart = hasExplicitStart
        self.hasExplicitEnd = hasExplicitEnd
        self.root = root
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

    /// Parses `source`.
    /// - Throws: ``YAMLParseError`` when libyaml rejects the input.
    public init(parsing source: YAMLSource) throws(YAMLParseError) {
        self.source = source
        self.documents = try YAMLParser(source: source).parseDocuments()
    }

    /// Parses UTF-8 bytes.
    public init(parsing bytes: [UInt8]) throws(YAMLParseError) {
        try self.init(parsing: YAMLSource(bytes))
    }

    /// Parses a string.
    public init(parsing text: String) throws(YAMLParseError) {
        try self.init(parsing: YAMLSource(text))
    }
}

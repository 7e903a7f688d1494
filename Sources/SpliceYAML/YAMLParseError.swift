/// A YAML input that libyaml could not parse, with the position of the problem.
public struct YAMLParseError: Error, Sendable, CustomStringConvertible {
    /// libyaml's description of the problem.
    public var problem: String
    /// libyaml's context, when it gives one ("while parsing a block mapping").
    public var context: String?
    /// Where the problem is (1-based).
    public var location: SourceLocation

    /// Makes an error.
    public init(problem: String, context: String? = nil, location: SourceLocation) {
        self.problem = problem
        self.context = context
        self.location = location
    }

    /// `LINE:COL: problem`; callers put the file name in front.
    public var description: String {
        "\(location): \(problem)"
    }
}

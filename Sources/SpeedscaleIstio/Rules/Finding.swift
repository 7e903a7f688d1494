import KubeManifests
import SpliceYAML

/// One thing a rule found, where it is, and what would fix it.
public struct Finding: Sendable {
    /// The rule that found it.
    public let rule: RuleDescription
    /// Its severity (the rule's default unless configured otherwise).
    public var severity: Severity
    /// What is wrong, naming the offending value.
    public var message: String
    /// The byte range at fault in the source.
    public var range: Range<Int>
    /// The changes that fix it; empty when only a person can.
    public var fixes: [Fix]
    /// Whether fixing it replaces a value someone set on purpose (inject needs `--overwrite`).
    public var isConflict: Bool

    /// Makes a finding at the rule's default severity.
    public init(_ rule: RuleDescription, _ message: String, at range: Range<Int>, fixes: [Fix] = [], isConflict: Bool = false) {
        self.rule = rule
        self.severity = rule.severity
        self.message = message
        self.range = range
        self.fixes = fixes
        self.isConflict = isConflict
    }
}

/// A change that brings an object in line with a rule, at a path below the object.
public enum Fix: Sendable, Equatable {
    /// Give the node at the path this value, creating what is missing (a path ending in a
    /// scalar item adds that item to its list).
    case upsert(YAMLPath, PatchValue)
}

/// A finding about an object of a run's inputs, with where it is.
public struct LocatedFinding: Sendable {
    /// The index of the input (file) that holds the object.
    public let input: Int
    /// The object the finding is about.
    public let object: KubeObject
    /// The finding.
    public var finding: Finding

    /// Makes a located finding.
    public init(input: Int, object: KubeObject, finding: Finding) {
        self.input = input
        self.object = object
        self.finding = finding
    }
}

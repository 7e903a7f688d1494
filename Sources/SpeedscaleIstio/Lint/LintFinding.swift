import KubeManifests
import SpliceYAML

/// The object a finding is about: kind, namespace (when the manifest gives one) and name.
public struct ResourceReference: Sendable, Hashable {
    /// `kind` as written (`Deployment`).
    public let kind: String
    /// `metadata.namespace`, when given.
    public let namespace: String?
    /// `metadata.name` (or `generateName`).
    public let name: String

    /// Makes a reference.
    public init(kind: String, namespace: String?, name: String) {
        self.kind = kind
        self.namespace = namespace
        self.name = name
    }

    /// The reference of `object`.
    public init(_ object: KubeObject) {
        self.init(kind: object.kind ?? "object", namespace: object.namespace, name: object.name ?? "<unnamed>")
    }

    /// `kind/namespace/name`, or `kind/name` without a namespace.
    public var description: String {
        [kind, namespace, name].compactMap { $0 }.joined(separator: "/")
    }
}

/// A finding as lint reports it: the rule, where in which file, and the resource.
public struct LintFinding: Sendable, Equatable {
    /// The rule's ID.
    public let ruleID: String
    /// The severity in force (the rule's, a dynamic one, or the configured one).
    public let severity: Severity
    /// What is wrong, naming the offending value.
    public let message: String
    /// The input's name as given (`-` for standard input).
    public let file: String
    /// Where the node at fault starts.
    public let start: SourceLocation
    /// Where it ends.
    public let end: SourceLocation
    /// The object it is about.
    public let resource: ResourceReference

    /// Makes a finding.
    public init(ruleID: String, severity: Severity, message: String, file: String, start: SourceLocation, end: SourceLocation, resource: ResourceReference) {
        self.ruleID = ruleID
        self.severity = severity
        self.message = message
        self.file = file
        self.start = start
        self.end = end
        self.resource = resource
    }
}

/// An input lint could not read as YAML; reported as such, never as a finding.
public struct LintInputFailure: Sendable, Equatable, CustomStringConvertible {
    /// The input's name.
    public let file: String
    /// What libyaml said, and where.
    public let problem: String
    /// Where the problem is.
    public let location: SourceLocation

    /// Makes a failure.
    public init(file: String, problem: String, location: SourceLocation) {
        self.file = file
        self.problem = problem
        self.location = location
    }

    /// `FILE:LINE:COL: problem`.
    public var description: String { "\(file):\(location): \(problem)" }
}

/// Everything one lint run found.
public struct LintReport: Sendable {
    /// The rules that ran, in catalogue order.
    public let rules: [RuleDescription]
    /// The findings, by input, then position, then rule.
    public let findings: [LintFinding]
    /// The inputs that are not YAML.
    public let failures: [LintInputFailure]
    /// The inputs skipped by `ignorePaths`.
    public let ignoredFiles: [String]
    /// How many findings suppression annotations silenced.
    public let suppressedCount: Int

    /// Makes a report.
    public init(rules: [RuleDescription], findings: [LintFinding], failures: [LintInputFailure] = [], ignoredFiles: [String] = [], suppressedCount: Int = 0) {
        self.rules = rules
        self.findings = findings
        self.failures = failures
        self.ignoredFiles = ignoredFiles
        self.suppressedCount = suppressedCount
    }

    /// The report with only the findings at or above `minimum`.
    public func filtered(minimum: Severity) -> LintReport {
        LintReport(rules: rules, findings: findings.filter { $0.severity >= minimum }, failures: failures, ignoredFiles: ignoredFiles, suppressedCount: suppressedCount)
    }

    /// Whether some finding is at or above `threshold`.
    public func hasFinding(atOrAbove threshold: Severity) -> Bool {
        findings.contains { $0.severity >= threshold }
    }

    /// How many findings have `severity`.
    public func count(_ severity: Severity) -> Int {
        findings.filter { $0.severity == severity }.count
    }

    /// The description of rule `id`, when it ran.
    public func rule(_ id: String) -> RuleDescription? {
        rules.first { $0.id == id }
    }
}

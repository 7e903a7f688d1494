/// What a `.speedscale-istio.yaml` (or `--config FILE`) sets: rules turned off or on or
/// given another severity, paths to skip, cluster facts for the rules, and inject's settings.
public struct LintConfiguration: Sendable, Equatable {
    /// A rule's configured state.
    public enum RuleOverride: Sendable, Equatable {
        /// The rule does not run.
        case off
        /// The rule runs at its own severity.
        case on
        /// The rule runs, and its findings get this severity.
        case severity(Severity)
    }

    /// Overrides by rule ID.
    public var rules: [String: RuleOverride] = [:]
    /// Globs of input paths not to lint.
    public var ignorePaths: [PathGlob] = []
    /// Cluster facts for the rules.
    public var settings = RuleSettings()
    /// Inject's settings, for every workload and per workload; lint reads the app container,
    /// port and runtime they give.
    public var inject = InjectConfiguration()
    /// The folder of the configuration file, against which `ignorePaths` also match.
    public var baseDirectory: String?

    /// The defaults: every rule on at its own severity.
    public init() {}

    /// Whether rule `id` runs.
    public func isEnabled(_ id: String) -> Bool {
        rules[id] != .off
    }

    /// The severity a finding of rule `id` gets, given the one the rule chose.
    public func severity(of id: String, chosen: Severity) -> Severity {
        if case .severity(let severity) = rules[id] { return severity }
        return chosen
    }

    /// Whether the input named `path` is skipped: a glob matches the path as given (without a
    /// leading `./`), or its part below ``baseDirectory``.
    public func ignores(_ path: String) -> Bool {
        guard path != "-", !ignorePaths.isEmpty else { return false }
        var candidates = [path.hasPrefix("./") ? String(path.dropFirst(2)) : path]
        if let base = baseDirectory, path.hasPrefix(base.hasSuffix("/") ? base : base + "/") {
            candidates.append(String(path.dropFirst(base.hasSuffix("/") ? base.count : base.count + 1)))
        }
        return ignorePaths.contains { glob in candidates.contains { glob.matches($0) } }
    }
}

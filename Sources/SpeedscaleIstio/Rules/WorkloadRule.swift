import KubeManifests
import SpliceYAML

/// A rule that looks at one workload's facts.
public protocol WorkloadRule: Rule {
    /// Makes the rule.
    init()
    /// The rule's findings for `context`.
    func check(_ context: WorkloadContext) -> [Finding]
}


/// A rule of the catalogue: a type with a stable ID, a default severity and examples.
/// Rules check either one workload (``WorkloadRule``) or all the documents of a run
/// (``MeshRule``); the registry lists both kinds as rule types.
public protocol Rule: Sendable {
    /// What the rule is.
    static var description: RuleDescription { get }
}

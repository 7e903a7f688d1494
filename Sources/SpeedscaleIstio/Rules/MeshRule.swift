import KubeManifests
import SpliceYAML

/// A rule that looks across all the documents of a run (Istio objects and the workloads
/// they apply to). Shared by `inject` and `lint` like ``WorkloadRule``.
public protocol MeshRule: Rule {
    /// Makes the rule.
    init()
    /// The rule's findings for `context`.
    func check(_ context: MeshContext) -> [LocatedFinding]
}

/// Everything a mesh rule may look at.
public struct MeshContext: Sendable {
    /// The manifests of each input, in input order.
    public let inputs: [ManifestStream]
    /// The namespaces of the workloads that run the Speedscale sidecar (`nil` for a workload
    /// that names no namespace).
    public let injectedNamespaces: Set<String?>
    /// The options in force.
    public let options: InjectOptions
    /// Whether the mesh's outbound traffic policy is `REGISTRY_ONLY`.
    public let meshIsRegistryOnly: Bool
    /// Cluster facts the manifests do not carry.
    public let settings: RuleSettings

    /// Makes a context.
    public init(
        inputs: [ManifestStream], injectedNamespaces: Set<String?>, options: InjectOptions,
        meshIsRegistryOnly: Bool = false, settings: RuleSettings = RuleSettings()
    ) {
        self.inputs = inputs
        self.injectedNamespaces = injectedNamespaces
        self.options = options
        self.meshIsRegistryOnly = meshIsRegistryOnly
        self.settings = settings
    }

    /// Every object of the run with the index of its input.
    public var objects: [(input: Int, object: KubeObject)] {
        inputs.enumerated().flatMap { index, stream in stream.objects.map { (index, $0) } }
    }
}

import KubeManifests
import SpliceYAML

/// A rule that looks across all the documents of a run (Istio objects and the workloads
/// they apply to).
public protocol MeshRule: Rule {
    /// Makes the rule.
    init()
    /// The rule's findings for `context`.
    func check(_ context: MeshContext) -> [LocatedFinding]
    /// Whether the rule, run over one window of a long run (a few of its documents, whose
    /// workloads' facts come from the index of the whole run), may miss a finding that
    /// `workload` leads to in another window. A run that holds Sidecars or VirtualServices is
    /// never read in windows, so rules that relate those to workloads miss nothing, nor do
    /// rules that look at one object at a time.
    func mayMissAcrossWindows(_ workload: WorkloadContext) -> Bool
}

extension MeshRule {
    /// Nothing: the rule looks at one object at a time, or at Sidecars and VirtualServices.
    package func mayMissAcrossWindows(_ workload: WorkloadContext) -> Bool { false }
}

/// Everything a mesh rule may look at.
public struct MeshContext: Sendable {
    /// The manifests of each input, in input order.
    public let inputs: [ManifestStream]
    /// Every object of the run with the index of its input, listed once for every rule.
    public let objects: [(input: Int, object: KubeObject)]
    /// The namespaces of the workloads that run the Speedscale sidecar (`nil` for a workload
    /// that names no namespace).
    public let injectedNamespaces: Set<String?>
    /// Whether the mesh's outbound traffic policy is `REGISTRY_ONLY`.
    public let meshIsRegistryOnly: Bool
    /// Cluster facts the manifests do not carry.
    public let settings: RuleSettings
    /// The run's Namespaces and Services, indexed once.
    public let index: MeshIndex
    /// The facts of every workload of the run, with the index of its input, computed once.
    public let workloadContexts: [(input: Int, context: WorkloadContext)]
    /// The Sidecars that apply to the workloads running the Speedscale sidecar, and whether each
    /// lets it reach the forwarder, computed once (inject computes the same for its output).
    let sidecarEgress: SidecarEgressAudit

    /// Makes a context.
    public init(
        inputs: [ManifestStream], injectedNamespaces: Set<String?>,
        meshIsRegistryOnly: Bool = false, settings: RuleSettings = RuleSettings(), index: MeshIndex? = nil,
        workloadContexts: [(input: Int, context: WorkloadContext)]? = nil
    ) {
        self.inputs = inputs
        objects = inputs.enumerated().flatMap { index, stream in stream.objects.map { (index, $0) } }
        let index = index ?? MeshIndex(inputs)
        self.index = index
        let contexts = workloadContexts ?? Self.workloadContexts(in: inputs, settings: settings, index: index)
        self.workloadContexts = contexts
        sidecarEgress = SidecarEgressAudit(
            inputs: inputs, workloads: contexts.map(\.context).filter(\.sidecar.isInjected), settings: settings)
        self.injectedNamespaces = injectedNamespaces
        self.meshIsRegistryOnly = meshIsRegistryOnly
        self.settings = settings
    }

    /// Calls `body` with every object of the run, in order, with its input and, for a
    /// workload, the workload its input's manifests found (not told from the object again).
    package func forEachObject(_ body: (_ input: Int, _ object: KubeObject, _ workload: Workload?) -> Void) {
        for (input, stream) in inputs.enumerated() {
            // The workloads are the objects that are workloads, in the same order.
            let workloads = stream.workloads
            var next = 0
            for object in stream.objects {
                var workload: Workload?
                if next < workloads.count && workloads[next].object.node.start == object.node.start {
                    workload = workloads[next]
                    next += 1
                }
                body(input, object, workload)
            }
        }
    }
}

import KubeManifests
import SpliceYAML

/// The Istio Sidecars of a run by namespace, read once, and which of them apply to a pod, in
/// Istio's precedence (spec §7.3): the Sidecars of the pod's namespace whose
/// `workloadSelector` selects its labels; else the namespace's Sidecar without a selector; else
/// the selector-less Sidecar of the root namespace, the mesh-wide default.
struct SidecarIndex: Sendable {
    /// A Sidecar with the input that holds it.
    struct Entry: Sendable {
        /// The input (file) that holds it.
        let input: Int
        /// The Sidecar.
        let sidecar: IstioSidecar
        /// Its position in the run.
        let order: Int
    }

    /// Which Sidecars apply to a pod, and how far they reach.
    struct Applicable: Sendable {
        /// Whether they are mesh-wide (in the root namespace) rather than the pod's namespace's own.
        let meshWide: Bool
        /// The Sidecars (more than one only when the configuration is ambiguous for Istio).
        let sidecars: [Entry]
    }

    /// A label of a selector.
    private struct LabelPair: Hashable, Sendable {
        let key: String
        let value: String
    }

    /// Sidecars with a workloadSelector, by namespace, then by the first entry (in key order)
    /// of their selector, so finding those that select a pod costs no more than the candidates.
    private var selectors: [String?: [LabelPair: [Entry]]] = [:]
    /// Sidecars without one, by namespace.
    private var defaults: [String?: [Entry]] = [:]
    /// Istio's root namespace.
    let rootNamespace: String

    /// Whether the run holds no Sidecar at all.
    var isEmpty: Bool { selectors.isEmpty && defaults.isEmpty }

    /// Indexes the Sidecars of `inputs`.
    init(_ inputs: [ManifestStream], rootNamespace: String) {
        let sidecars = inputs.enumerated().flatMap { input, manifests in
            manifests.objects.compactMap { object in IstioSidecar(object).map { (input: input, sidecar: $0) } }
        }
        self.init(sidecars, rootNamespace: rootNamespace)
    }

    /// Indexes `sidecars`, in run order.
    init(_ sidecars: [(input: Int, sidecar: IstioSidecar)], rootNamespace: String) {
        self.rootNamespace = rootNamespace
        for (order, (input, sidecar)) in sidecars.enumerated() {
            let entry = Entry(input: input, sidecar: sidecar, order: order)
            if let first = sidecar.workloadSelector?.min(by: { $0.key < $1.key }) {
                selectors[sidecar.namespace, default: [:]][LabelPair(key: first.key, value: first.value), default: []].append(entry)
            } else {
                defaults[sidecar.namespace, default: []].append(entry)
            }
        }
    }

    /// The Sidecars of `namespace` whose workloadSelector selects pods labelled `labels`, in run order.
    func selecting(_ labels: [String: String], in namespace: String?) -> [Entry] {
        guard let byLabel = selectors[namespace] else { return [] }
        var found: [Entry] = []
        for (key, value) in labels {
            found += (byLabel[LabelPair(key: key, value: value)] ?? []).filter { $0.sidecar.selects(labels) }
        }
        return found.sorted { $0.order < $1.order }
    }

    /// The Sidecars that apply to pods labelled `labels` in `namespace`.
    func applicable(namespace: String?, labels: [String: String]) -> Applicable {
        let own = selecting(labels, in: namespace)
        let chosen = own.isEmpty ? (defaults[namespace] ?? []) : own
        if !chosen.isEmpty { return Applicable(meshWide: namespace == rootNamespace, sidecars: chosen) }
        return Applicable(meshWide: true, sidecars: defaults[rootNamespace] ?? [])
    }
}

/// Which Istio Sidecars apply to the workloads that run the Speedscale sidecar, and whether
/// each lets it reach the forwarder (D7): computed once per run, read by lint (IST003,
/// IST020) and by inject, which edits only what this finds.
struct SidecarEgressAudit: Sendable {
    /// How far a Sidecar reaches, which decides who may change it.
    enum Scope: Sendable, Equatable {
        /// A Sidecar of the workloads' own namespace: inject edits it.
        case namespace
        /// The root namespace's default, which applies to every namespace without a Sidecar:
        /// only reported, never edited.
        case meshWide
        /// A Sidecar whose workloads run in ambient mode, where it has no effect: left alone.
        case ambient
    }

    /// One Sidecar that applies to at least one workload running the Speedscale sidecar.
    struct Entry: Sendable {
        /// The input (file) that holds it.
        let input: Int
        /// The Sidecar.
        let sidecar: IstioSidecar
        /// How far it reaches.
        let scope: Scope
        /// The workloads it applies to that run the Speedscale sidecar, in run order.
        let workloads: [Workload]
        /// Whether it lets them reach the forwarder.
        let reach: ForwarderReach
        /// Whether unknown outbound traffic is dropped (the Sidecar's `outboundTrafficPolicy`,
        /// else the mesh's): then a missing path loses every captured request.
        let registryOnly: Bool

        /// `namespace/name`, as messages name it.
        var name: String { "\(sidecar.namespace.map { "\($0)/" } ?? "")\(sidecar.object.name ?? "")" }

        /// The workloads in words: `deployment/web`, or `deployment/web and 2 other workloads`.
        var workloadNames: String {
            guard let first = workloads.first else { return "no workload" }
            let more = workloads.count - 1
            return first.displayName + (more == 0 ? "" : " and \(more) other workload\(more == 1 ? "" : "s")")
        }
    }

    /// The forwarder the Sidecars must reach.
    let forwarder: ForwarderAddress
    /// One entry per applicable Sidecar, in run order.
    let entries: [Entry]

    /// Audits the Sidecars of `inputs` for `workloads` (those that run the Speedscale sidecar;
    /// workloads outside the mesh are passed over, since no Sidecar applies to them).
    init(inputs: [ManifestStream], workloads: [WorkloadContext], settings: RuleSettings) {
        let forwarder = ForwarderAddress(settings)
        self.forwarder = forwarder
        let index = SidecarIndex(inputs, rootNamespace: settings.rootNamespace)
        var found: [Int: (entry: SidecarIndex.Entry, scope: Scope, workloads: [Workload])] = [:]
        // Without a Sidecar in the run there is nothing to match the workloads against.
        for context in workloads where !index.isEmpty && context.isInMesh {
            let workload = context.workload
            let applicable = index.applicable(namespace: workload.object.namespace, labels: workload.podLabels)
            let scope: Scope = context.isAmbient ? .ambient : applicable.meshWide ? .meshWide : .namespace
            for entry in applicable.sidecars {
                var record = found[entry.order] ?? (entry, scope, [])
                // A Sidecar that any pod with an Envoy sidecar uses is not an ambient one.
                if record.scope == .ambient { record.scope = scope }
                record.workloads.append(workload)
                found[entry.order] = record
            }
        }
        entries = found.values.sorted { $0.entry.order < $1.entry.order }.map { record in
            let sidecar = record.entry.sidecar
            let policy = sidecar.outboundTrafficPolicy
            return Entry(
                input: record.entry.input, sidecar: sidecar, scope: record.scope, workloads: record.workloads,
                reach: ForwarderReach(sidecar, forwarder: forwarder, exclusions: settings.egressExclusions),
                registryOnly: policy.map { $0 == "REGISTRY_ONLY" } ?? settings.registryOnly)
        }
    }

    /// The entries whose Sidecar keeps the forwarder out of reach.
    var gaps: [Entry] { entries.filter { !$0.reach.isOpen } }
}

import KubeManifests
import SpliceYAML

/// Opens Istio Sidecar egress for the workloads that run the Speedscale sidecar after the
/// run: applies the edits of the Sidecar audit that lint's IST003 reads, to the Sidecars of
/// their own namespaces only. The mesh-wide Sidecar of the root namespace and Sidecars in
/// ambient namespaces are reported and left alone.
struct SidecarEgressPlanner {
    /// The cluster facts in force (the Speedscale namespace, the forwarder's port, the root namespace).
    let settings: RuleSettings

    func plan(_ plans: inout [FilePlan]) {
        let audit = SidecarEgressAudit(inputs: plans.map(\.parsed.manifests), workloads: plans.flatMap(\.sidecarWorkloads), settings: settings)
        let forwarder = audit.forwarder
        for entry in audit.gaps {
            // Edited in place: a copy of the plan per Sidecar would cost its edits each time.
            let input = entry.input
            let object = entry.sidecar.object
            let status: WorkloadOutcome.Status
            var notes: [String] = []
            switch entry.scope {
            case .ambient:
                status = .skipped("its namespace runs in ambient mode, where Sidecar resources have no effect (for \(entry.workloadNames))")
            case .meshWide:
                let namespace = entry.workloads.first?.object.namespace.map { "namespace \($0)" } ?? "the workload's namespace"
                status = .skipped("the mesh-wide default Sidecar (root namespace \(settings.rootNamespace)) is not changed, but \(entry.workloadNames) cannot reach Speedscale through it: \(entry.reach.problem(forwarder)) by hand, or give \(namespace) a Sidecar of its own that does")
            case .namespace:
                let fixes = entry.reach.fixes(for: forwarder)
                guard let summary = entry.reach.fixSummary(for: forwarder), !fixes.isEmpty else {
                    status = .skipped("not changed: \(entry.reach.problem(forwarder)) (for \(entry.workloadNames))")
                    break
                }
                var patch = DocumentPatch(editor: plans[input].editor(forDocument: object.documentIndex), root: object.node)
                for case .upsert(let path, let value) in fixes {
                    patch.upsert(path, value)
                }
                do {
                    plans[input].edits += try patch.edits()
                    status = .injected
                    notes.append("egress: \(summary) (for \(entry.workloadNames))")
                } catch {
                    status = .failed([.blocked(error)])
                }
            }
            plans[input].outcomes.append(plans[input].outcome(for: object, status: status, notes: notes))
        }
    }
}

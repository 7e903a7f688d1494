import KubeManifests
import SpliceYAML

/// Applies the fixes of the Sidecar egress rule: the Speedscale egress host on the Istio
/// `Sidecar`s of the namespaces whose workloads run the Speedscale sidecar.
struct SidecarEgressPlanner {
    /// The cluster facts in force (the Speedscale namespace).
    let settings: RuleSettings

    func plan(_ plans: inout [FilePlan]) {
        let namespaces = Set(plans.flatMap(\.sidecarWorkloads).map(\.object.namespace))
        let context = MeshContext(inputs: plans.map(\.parsed.manifests), injectedNamespaces: namespaces, settings: settings)
        for located in SidecarEgressRule().check(context) {
            var plan = plans[located.input]
            var patch = DocumentPatch(editor: plan.editor(forDocument: located.object.documentIndex), root: located.object.node)
            for case .upsert(let path, let value) in located.finding.fixes {
                patch.upsert(path, value)
            }
            let status: WorkloadOutcome.Status
            var notes: [String] = []
            do {
                plan.edits += try patch.edits()
                status = .injected
                notes.append("egress: added \"\(settings.speedscaleNamespace)/*\"")
            } catch {
                status = .failed([.blocked(error)])
            }
            plan.outcomes.append(plan.outcome(for: located.object, status: status, notes: notes))
            plans[located.input] = plan
        }
    }
}

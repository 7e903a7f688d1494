import KubeManifests
import SpliceYAML

/// Applies ``SidecarEgressRule``'s fixes: the Speedscale egress host on the Istio
/// `Sidecar`s of the namespaces that inject touches (D7).
struct SidecarEgressPlanner {
    let options: InjectOptions

    func plan(_ plans: inout [FilePlan]) {
        let namespaces = Set(plans.flatMap(\.profiledWorkloads).map(\.object.namespace))
        let context = MeshContext(inputs: plans.map(\.parsed.manifests), injectedNamespaces: namespaces, options: options)
        for located in SidecarEgressRule().check(context) {
            guard let sidecar = IstioSidecar(located.object) else { continue }
            var plan = plans[located.input]
            let editor = plan.editor(forDocument: located.object.documentIndex)
            var status: WorkloadOutcome.Status = .injected
            for fix in located.finding.fixes {
                guard case .addEgressHost(let listenerIndex, let host) = fix,
                      let listener = sidecar.egress.first(where: { $0.index == listenerIndex }) else { continue }
                if let blocked = Self.blocked(sidecar, listener) {
                    status = .failed([blocked])
                    continue
                }
                if let hosts = listener.hostsNode, hosts.kind == .sequence {
                    plan.edits += editor.appendItems([.quoted(host)], to: hosts)
                } else if let pair = listener.node.pair(forKey: "hosts"), pair.value.isNull {
                    plan.edits += editor.replaceNullValue(of: pair, in: listener.node, with: .sequence([.quoted(host)]))
                } else if listener.hostsNode == nil {
                    plan.edits += editor.appendEntries([NewEntry("hosts", .sequence([.quoted(host)]))], to: listener.node)
                } else {
                    status = .failed(["egress hosts is not a list"])
                }
            }
            let note = "egress: added \"\(options.speedscaleNamespace)/*\""
            plan.outcomes.append(plan.outcome(for: located.object, status: status, notes: status == .injected ? [note] : []))
            plans[located.input] = plan
        }
    }

    /// Why the listener's hosts cannot be edited safely, if they cannot.
    private static func blocked(_ sidecar: IstioSidecar, _ listener: EgressListener) -> String? {
        let nodes = [sidecar.object.node, sidecar.object.node["spec"], sidecar.egressNode, listener.node, listener.hostsNode].compactMap { $0 }
        for node in nodes where node.kind == .alias || node.anchor != nil || node.pairs.contains(where: \.isMerge) {
            return "an alias, anchor or merge key is in the way of spec.egress"
        }
        return nil
    }
}

import KubeManifests
import SpliceYAML

/// The `hosts` list of one egress listener of an Istio Sidecar in the run.
struct EgressHostList {
    /// The input that holds the Sidecar.
    let input: Int
    /// The Sidecar object.
    let object: KubeObject
    /// The host items.
    let hosts: [YAMLNode]

    /// A finding of `rule` about `node`, located on the Sidecar.
    func finding(_ rule: RuleDescription, _ message: String, at node: YAMLNode) -> LocatedFinding {
        LocatedFinding(input: input, object: object, finding: Finding(rule, message, at: node.range))
    }
}

extension MeshContext {
    /// The egress host lists of every Sidecar in the run.
    var egressHostLists: [EgressHostList] {
        objects.flatMap { input, object -> [EgressHostList] in
            guard let sidecar = IstioSidecar(object) else { return [] }
            return sidecar.egress.compactMap { listener in
                guard let hosts = listener.hostsNode, hosts.kind == .sequence else { return nil }
                return EgressHostList(input: input, object: object, hosts: Array(hosts.items))
            }
        }
    }
}

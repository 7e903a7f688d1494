import KubeManifests

/// IST003: a Sidecar of its own namespace that applies to a workload running the Speedscale
/// sidecar must let it reach the forwarder on the forwarder's port (D7). inject fixes it.
package struct SidecarEgressRule: MeshRule {
    package static let description = RuleDescription(
        id: "IST003", title: "Sidecar egress does not reach Speedscale", severity: .warning,
        summary: "An Istio Sidecar applies to a pod when it is in the pod's namespace and its workloadSelector selects the pod, or when it has no selector and no other Sidecar of the namespace selects the pod. If it lists egress hosts, the pod's Envoy serves each port with the egress listener bound to that port, else with the listener without a port. The Speedscale sidecar sends what it captures to speedscale-forwarder in the Speedscale namespace on port 80, so that listener must import the forwarder: \"*/*\", \"speedscale/*\" or a host naming the forwarder. Otherwise the traffic leaves only as unmatched traffic, without Istio's routing and mutual TLS, and is dropped when the outbound policy is REGISTRY_ONLY (then the finding is an error). Sidecars in ambient namespaces and the mesh-wide one in the root namespace are not this rule's (see IST007 and IST020).",
        fix: "Add \"speedscale/*\" (your Speedscale namespace) to the hosts of the egress listener that serves the forwarder's port; when every listener is bound to another port, add a listener for that port (inject does both).",
        helpURI: DocumentLink.istioSidecar,
        triggeringExamples: [
            .mesh(RuleExample.sidecar(hosts: "↓- \"./*\"\n- \"istio-system/*\"")),
            .mesh(RuleExample.sidecar(hosts: "↓- \"./*\""), severity: .error, settings: .with { $0.registryOnly = true }),
            .mesh(RuleExample.sidecar(hosts: "↓- \"./*\"", extraSpec: "  outboundTrafficPolicy:\n    mode: REGISTRY_ONLY"), severity: .error),
            // The Sidecar's own policy wins over the mesh's.
            .mesh(RuleExample.sidecar(hosts: "↓- \"./*\"", extraSpec: "  outboundTrafficPolicy:\n    mode: ALLOW_ANY"), settings: .with { $0.registryOnly = true }),
            // Every listener is bound to another port: none serves port 80.
            .mesh(RuleExample.sidecar(namespace: "shop", spec: "egress:\n↓- port:\n    number: 9080\n    protocol: HTTP\n    name: http\n  hosts:\n  - \"./*\"")),
            // The listener bound to port 80 serves it, not the catch-all that has the host.
            .mesh(RuleExample.sidecar(namespace: "shop", spec: "egress:\n- port:\n    number: 80\n    protocol: HTTP\n    name: http\n  hosts:\n  ↓- \"./*\"\n- hosts:\n  - \"speedscale/*\"")),
            // A Sidecar that selects the workload wins over the namespace's default.
            .mesh(RuleExample.sidecar(hosts: "- \"*/*\"") + "---\n" + RuleExample.sidecar(name: "web", namespace: "shop", spec: "workloadSelector:\n  labels:\n    app: web\negress:\n- hosts:\n  ↓- \"./*\"")),
            // An exclusion (Istio 1.31 and later) takes the forwarder out again.
            .mesh(RuleExample.sidecar(hosts: "- \"*/*\"\n- ↓\"~speedscale/*\""), settings: .with { $0.egressExclusions = true }),
        ],
        nonTriggeringExamples: [
            .mesh(RuleExample.sidecar(hosts: "- \"./*\"\n- \"speedscale/*\"")),
            .mesh(RuleExample.sidecar(hosts: "- \"*/*\"")),
            .mesh(RuleExample.sidecar(hosts: "- \"./*\"\n- \"capture/*\""), settings: .with { $0.speedscaleNamespace = "capture" }),
            // A host naming the forwarder is enough.
            .mesh(RuleExample.sidecar(hosts: "- \"./*\"\n- \"speedscale/speedscale-forwarder.speedscale.svc.cluster.local\"")),
            .mesh(RuleExample.sidecar(hosts: "- \"./*\"\n- \"*/*.speedscale.svc.cluster.local\"")),
            // The Sidecar selects another workload.
            .mesh(RuleExample.sidecar(name: "api", namespace: "shop", spec: "workloadSelector:\n  labels:\n    app: api\negress:\n- hosts:\n  - \"./*\"")),
            // Port 9080 has its own listener; the catch-all serves port 80.
            .mesh(RuleExample.sidecar(namespace: "shop", spec: "egress:\n- port:\n    number: 9080\n    protocol: HTTP\n    name: http\n  hosts:\n  - \"./*\"\n- hosts:\n  - \"speedscale/*\"")),
            // The listener for the forwarder's port imports it.
            .mesh(RuleExample.sidecar(namespace: "shop", spec: "egress:\n- port:\n    number: 8081\n    protocol: TCP\n  hosts:\n  - \"speedscale/*\""), settings: .with { $0.forwarderPort = 8081 }),
            // No egress listeners: the Sidecar restricts nothing.
            .mesh(RuleExample.sidecar(namespace: "shop", spec: "ingress:\n- port:\n    number: 9080\n    protocol: HTTP\n  defaultEndpoint: 127.0.0.1:8080")),
            // In an ambient namespace the Sidecar has no effect (IST007 says so).
            .mesh(AmbientNamespaceSidecarRule.namespace("istio.io/dataplane-mode: ambient") + "---\n" + RuleExample.sidecar(hosts: "- \"./*\"")),
            // The workload has no Envoy sidecar.
            RuleExample(RuleExample.mesh(RuleExample.sidecar(hosts: "- \"./*\"")).manifest.replacing("app: web\n    spec:", with: "app: web\n        sidecar.istio.io/inject: \"false\"\n    spec:")),
            // The mesh-wide Sidecar of the root namespace is IST020's.
            .mesh(RuleExample.sidecar(namespace: "istio-system", spec: "egress:\n- hosts:\n  - \"./*\"")),
        ],
        corrections: [
            RuleCorrection(
                RuleExample.mesh(RuleExample.sidecar(hosts: "- \"./*\"\n- \"istio-system/*\"")).text, .injecting { $0.mode = .transparent },
                after: RuleExample.mesh(RuleExample.sidecar(hosts: "- \"./*\"\n- \"istio-system/*\"\n- \"speedscale/*\"")).text),
            RuleCorrection(
                RuleExample.mesh(RuleExample.sidecar(namespace: "shop", spec: "egress:\n- port:\n    number: 9080\n    protocol: HTTP\n    name: http\n  hosts:\n  - \"./*\"")).text,
                .injecting { $0.mode = .transparent },
                after: RuleExample.mesh(RuleExample.sidecar(namespace: "shop", spec: "egress:\n- port:\n    number: 9080\n    protocol: HTTP\n    name: http\n  hosts:\n  - \"./*\"\n- port:\n    number: 80\n    protocol: TCP\n    name: speedscale-forwarder\n  hosts:\n  - \"speedscale/*\"")).text),
            RuleCorrection(
                RuleExample.mesh(RuleExample.sidecar(name: "web", namespace: "shop", spec: "workloadSelector:\n  labels:\n    app: web\negress:\n- hosts:\n  - \"./*\"")).text,
                .injecting { $0.mode = .transparent },
                after: RuleExample.mesh(RuleExample.sidecar(name: "web", namespace: "shop", spec: "workloadSelector:\n  labels:\n    app: web\negress:\n- hosts:\n  - \"./*\"\n  - \"speedscale/*\"")).text),
            // An exclusion is a choice inject does not undo: a person drops it.
            RuleCorrection(
                RuleExample.mesh(RuleExample.sidecar(hosts: "- \"*/*\"\n- \"~speedscale/*\"")).text, .byHand,
                after: RuleExample.mesh(RuleExample.sidecar(hosts: "- \"*/*\"")).text, settings: .with { $0.egressExclusions = true }),
        ])

    package init() {}

    package func check(_ context: MeshContext) -> [LocatedFinding] {
        let audit = context.sidecarEgress
        return audit.gaps.filter { $0.scope == .namespace }.map { entry in
            entry.finding(Self.description, "Sidecar \(entry.name) applies to \(entry.workloadNames), which runs the Speedscale sidecar, but \(entry.reach.problem(audit.forwarder))", forwarder: audit.forwarder)
        }
    }
}

extension SidecarEgressAudit.Entry {
    /// A finding of `rule` about this Sidecar's missing path, with the edits that open it.
    func finding(_ rule: RuleDescription, _ message: String, forwarder: ForwarderAddress) -> LocatedFinding {
        let consequence = registryOnly
            ? "; outbound traffic is REGISTRY_ONLY, so captured traffic cannot leave the pod"
            : "; captured traffic leaves only as unmatched traffic, without Istio's routing and mutual TLS (dropped under REGISTRY_ONLY)"
        var finding = Finding(
            rule, message + consequence, at: (reach.anchor ?? sidecar.object.node).range, fixes: reach.fixes(for: forwarder))
        if registryOnly { finding.severity = .error }
        return LocatedFinding(input: input, object: sidecar.object, finding: finding)
    }
}

extension ForwarderReach {
    /// What keeps the forwarder out of reach, and what would fix it, in words.
    func problem(_ forwarder: ForwarderAddress) -> String {
        let target = "the forwarder \(forwarder.hostname):\(forwarder.port)"
        switch self {
        case .open:
            return "it reaches \(target)"
        case .missingHost(let listener):
            let which = listener.isCatchAll ? "its catch-all egress listener (the one without a port)" : "its egress listener for port \(forwarder.port)"
            return "\(which) does not import \(target); add \"\(forwarder.egressHost)\" to its hosts"
        case .missingListener:
            return "every egress listener is bound to another port, so none serves \(target); add a listener for port \(forwarder.port) with \"\(forwarder.egressHost)\""
        case .excluded(_, let host):
            return "its egress excludes \(target) with \"\(host.value)\"; remove that exclusion"
        }
    }
}

import KubeManifests

/// IST020: the mesh-wide default Sidecar (the root namespace's, without a selector) applies to
/// a workload running the Speedscale sidecar whose namespace has no Sidecar of its own, and
/// keeps it from the forwarder (D7). inject never edits it: the change would be mesh-wide.
package struct MeshWideSidecarEgressRule: MeshRule {
    package static let description = RuleDescription(
        id: "IST020", title: "Mesh-wide Sidecar keeps Speedscale out", severity: .warning,
        summary: "A Sidecar without workloadSelector in Istio's root namespace (MeshConfig rootNamespace, istio-system unless configured; the setting rootNamespace) is the default for every namespace that has no Sidecar of its own. When its egress does not import the Speedscale forwarder on the forwarder's port (80), the Speedscale sidecar of such a namespace's workloads cannot reach it: traffic leaves only as unmatched traffic, or is dropped when the outbound policy is REGISTRY_ONLY (then the finding is an error). inject does not edit it, because the change would apply to the whole mesh; it is only reported.",
        fix: "Give the workload's namespace a Sidecar of its own whose egress imports \"speedscale/*\" (it then replaces the mesh-wide default there), or add \"speedscale/*\" to the mesh-wide Sidecar's listener for the forwarder's port if every namespace may reach Speedscale.",
        helpURI: DocumentLink.istioSidecar,
        triggeringExamples: [
            .mesh(RuleExample.sidecar(namespace: "istio-system", spec: "egress:\n- hosts:\n  ↓- \"./*\"\n  - \"istio-system/*\"")),
            .mesh(RuleExample.sidecar(namespace: "istio-system", spec: "outboundTrafficPolicy:\n  mode: REGISTRY_ONLY\negress:\n- hosts:\n  ↓- \"./*\""), severity: .error),
            .mesh(
                RuleExample.sidecar(namespace: "istio-config", spec: "egress:\n↓- port:\n    number: 9080\n    protocol: HTTP\n  hosts:\n  - \"*/*\""),
                settings: .with { $0.rootNamespace = "istio-config" }),
        ],
        nonTriggeringExamples: [
            .mesh(RuleExample.sidecar(namespace: "istio-system", spec: "egress:\n- hosts:\n  - \"./*\"\n  - \"speedscale/*\"")),
            // The namespace's own Sidecar replaces the mesh-wide one (IST003 looks at it).
            .mesh(RuleExample.sidecar(namespace: "istio-system", spec: "egress:\n- hosts:\n  - \"./*\"") + "---\n" + RuleExample.sidecar(hosts: "- \"./*\"")),
            // Not the root namespace.
            .mesh(RuleExample.sidecar(namespace: "istio-system", spec: "egress:\n- hosts:\n  - \"./*\""), settings: .with { $0.rootNamespace = "istio-config" }),
            // A Sidecar with a selector is not the mesh-wide default.
            .mesh(RuleExample.sidecar(namespace: "istio-system", spec: "workloadSelector:\n  labels:\n    app: web\negress:\n- hosts:\n  - \"./*\"")),
            // REGISTRY_ONLY alone, without egress listeners, imports every service, the forwarder too.
            .mesh(RuleExample.sidecar(namespace: "istio-system", spec: "outboundTrafficPolicy:\n  mode: REGISTRY_ONLY")),
        ])

    package init() {}

    package func check(_ context: MeshContext) -> [LocatedFinding] {
        let audit = context.sidecarEgress
        return audit.gaps.filter { $0.scope == .meshWide }.map { entry in
            entry.finding(
                Self.description,
                "Sidecar \(entry.name) is the mesh-wide default and applies to \(entry.workloadNames), which runs the Speedscale sidecar and has no Sidecar of its namespace, but \(entry.reach.problem(audit.forwarder)), or give the namespace its own Sidecar that does (inject does not change mesh-wide Sidecars)",
                forwarder: audit.forwarder)
        }
    }
}

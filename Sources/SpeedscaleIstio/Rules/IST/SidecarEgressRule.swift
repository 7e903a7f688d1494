import KubeManifests

/// IST003: an Istio `Sidecar` that restricts the egress of a namespace running the
/// Speedscale sidecar must let it reach the Speedscale namespace (D7).
package struct SidecarEgressRule: MeshRule {
    package static let description = RuleDescription(
        id: "IST003", title: "Sidecar egress does not reach Speedscale", severity: .warning,
        summary: "A custom Istio Sidecar that lists egress hosts scopes what the pods of its namespace reach; without the Speedscale namespace the sidecar cannot forward captured traffic (blocked outright when the outbound policy is REGISTRY_ONLY, so the finding is then an error).",
        fix: "Add \"speedscale/*\" (your Speedscale namespace) to the hosts of the Sidecar's first egress listener.",
        helpURI: DocumentLink.istioSidecar,
        triggeringExamples: [
            .mesh(RuleExample.sidecar(hosts: "↓- \"./*\"\n- \"istio-system/*\"")),
            .mesh(RuleExample.sidecar(hosts: "↓- \"./*\""), severity: .error, settings: .with { $0.registryOnly = true }),
            .mesh(RuleExample.sidecar(hosts: "↓- \"./*\"", extraSpec: "  outboundTrafficPolicy:\n    mode: REGISTRY_ONLY"), severity: .error),
        ],
        nonTriggeringExamples: [
            .mesh(RuleExample.sidecar(hosts: "- \"./*\"\n- \"speedscale/*\"")),
            .mesh(RuleExample.sidecar(hosts: "- \"*/*\"")),
            .mesh(RuleExample.sidecar(hosts: "- \"./*\"\n- \"capture/*\""), settings: .with { $0.speedscaleNamespace = "capture" }),
        ],
        corrections: [
            RuleCorrection(
                RuleExample.mesh(RuleExample.sidecar(hosts: "- \"./*\"\n- \"istio-system/*\"")).text, .injecting { $0.mode = .transparent },
                after: RuleExample.mesh(RuleExample.sidecar(hosts: "- \"./*\"\n- \"istio-system/*\"\n- \"speedscale/*\"")).text),
        ])

    package init() {}

    package func check(_ context: MeshContext) -> [LocatedFinding] {
        let namespace = context.settings.speedscaleNamespace
        let wanted = "\(namespace)/*"
        var findings: [LocatedFinding] = []
        for (input, object) in context.objects {
            guard let sidecar = IstioSidecar(object), context.injectedNamespaces.contains(sidecar.namespace) else { continue }
            let listeners = sidecar.egress
            guard let first = listeners.first else { continue }
            let hosts = listeners.flatMap(\.hosts)
            if hosts.contains("*/*") || hosts.contains(wanted) { continue }
            let registryOnly = context.meshIsRegistryOnly || sidecar.outboundTrafficPolicy == "REGISTRY_ONLY"
            var finding = Finding(
                Self.description,
                "Sidecar \(sidecar.namespace.map { "\($0)/" } ?? "")\(object.name ?? "") limits egress without \"\(wanted)\"; the Speedscale sidecar cannot reach \(namespace)",
                at: (first.hostsNode ?? first.node).range,
                fixes: [.upsert([.key("spec"), .key("egress"), .index(first.index), .key("hosts"), .scalar(wanted)], .text(wanted))])
            if registryOnly { finding.severity = .error }
            findings.append(LocatedFinding(input: input, object: object, finding: finding))
        }
        return findings
    }
}

import KubeManifests

/// IST018: a user Sidecar that selects a workload whose Speedscale sidecar runs a reverse proxy.
package struct SidecarSelectsReverseProxyRule: MeshRule {
    package static let description = RuleDescription(
        id: "IST018", title: "User Sidecar selects a dual or reverse workload", severity: .info,
        summary: "For dual and reverse mode inside Istio, the 2022 Speedscale operator created its own Istio Sidecar that selects the workload, to send inbound traffic to the reverse proxy. A user Sidecar whose workloadSelector matches the same pods would then be a second selecting Sidecar, and Istio's behaviour is undefined (IST0110). Whether current operators still create that Sidecar is not documented. Reported as info, not the warning of the rule catalogue: inject writes dual mode, so a warning would fire on inject's own output for every workload a user Sidecar selects.",
        fix: "Check whether the operator created a Sidecar for the workload (kubectl get sidecars); if it did, merge the two or narrow the user Sidecar's workloadSelector. Transparent mode avoids the question.",
        helpURI: DocumentLink.istioAnalysisConflictingSelectors,
        triggeringExamples: [
            .mesh(RuleExample.selectingSidecar(name: "web", labels: "↓app: web"), workloadAnnotations: RuleExample.dualAnnotations),
        ],
        nonTriggeringExamples: [
            .mesh(RuleExample.selectingSidecar(name: "web", labels: "app: web")),
            .mesh(RuleExample.sidecar(hosts: "- \"./*\""), workloadAnnotations: RuleExample.dualAnnotations),
            .mesh(RuleExample.selectingSidecar(name: "api", labels: "app: api"), workloadAnnotations: RuleExample.dualAnnotations),
        ],
        corrections: [
            RuleCorrection(
                RuleExample.mesh(RuleExample.selectingSidecar(name: "web", labels: "app: web"), workloadAnnotations: RuleExample.dualAnnotations).text,
                .injecting { $0.mode = .transparent },
                after: RuleExample.mesh(RuleExample.selectingSidecar(name: "web", labels: "app: web")).text),
        ])

    package init() {}

    package func check(_ context: MeshContext) -> [LocatedFinding] {
        let sidecars = context.objects.compactMap { input, object in IstioSidecar(object).map { (input: input, sidecar: $0) } }
        guard !sidecars.isEmpty else { return [] }
        let index = SidecarIndex(sidecars, rootNamespace: context.settings.rootNamespace)
        return context.workloadContexts.flatMap { _, workload -> [LocatedFinding] in
            let config = workload.sidecar
            guard config.isInjected, let type = config.proxyType, type.usesReverseProxy, workload.isInMesh else { return [] }
            let object = workload.workload.object
            let labels = workload.workload.podLabels
            return index.selecting(labels, in: object.namespace).map { entry in
                let sidecar = entry.sidecar
                let anchor = sidecar.object.node.lookup(["spec", "workloadSelector", "labels"]) ?? sidecar.object.node
                return LocatedFinding(input: entry.input, object: sidecar.object, finding: Finding(
                    Self.description,
                    "Sidecar \(sidecar.object.name ?? "") selects \(workload.workload.kind.rawValue) \(object.name ?? ""), whose Speedscale sidecar runs proxy-type \"\(type.rawValue)\"; if the operator also creates a Sidecar for it, two Sidecars select the same pods and Istio's behaviour is undefined",
                    at: anchor.range))
            }
        }
    }
}

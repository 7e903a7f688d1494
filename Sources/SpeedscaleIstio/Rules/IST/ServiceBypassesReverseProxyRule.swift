import KubeManifests

/// IST019: a Service that sends inbound traffic straight to the app port of a dual or reverse workload.
package struct ServiceBypassesReverseProxyRule: MeshRule {
    package static let description = RuleDescription(
        id: "IST019", title: "Service targets the app port, not the reverse proxy", severity: .info,
        summary: "In dual and reverse mode the Speedscale sidecar receives inbound traffic on proxy-in-port (4143) and forwards it to proxy-port, the app's port. A Service whose targetPort is the app port sends traffic around the reverse proxy, so inbound calls are not captured unless the operator reroutes them (the legacy Istio flow used an Istio Sidecar for that); whether it does today is not documented.",
        fix: "Check that inbound calls are captured; if they are not, point the Service's targetPort at proxy-in-port, or use transparent mode.",
        helpURI: DocumentLink.speedscaleProxyModes,
        triggeringExamples: [
            RuleExample.mesh("", workloadAnnotations: RuleExample.dualAnnotations).marking("targetPort: 8080", at: "8080"),
        ],
        nonTriggeringExamples: [
            .mesh(""),
            RuleExample(RuleExample.mesh("", workloadAnnotations: RuleExample.dualAnnotations).manifest.replacing("targetPort: 8080", with: "targetPort: 4143")),
        ])

    package init() {}

    /// The port a Service's `targetPort` reaches in `workload`: the number, or the
    /// `containerPort` of that name.
    static func resolve(_ targetPort: String, in workload: Workload) -> Int? {
        if let number = PortNumber.parse(targetPort) { return number }
        return workload.containers.flatMap(\.ports).first { $0.name == targetPort }?.number
    }

    package func check(_ context: MeshContext) -> [LocatedFinding] {
        let services = context.objects.compactMap { input, object in KubeService(object).map { (input: input, service: $0) } }
        guard !services.isEmpty else { return [] }
        return context.workloadContexts.flatMap { _, workload -> [LocatedFinding] in
            let config = workload.sidecar
            guard config.isInjected, let type = config.proxyType, type.usesReverseProxy,
                  let appPort = config.port(SpeedscaleAnnotation.proxyPort, default: 80), let inPort = config.inPort, appPort != inPort else { return [] }
            let target = workload.workload
            let selecting = services.filter { $0.service.namespace == target.object.namespace && $0.service.selects(target.podLabels) }
            return selecting.flatMap { input, service in
                service.ports.compactMap { port -> LocatedFinding? in
                    guard let targetPort = port.targetPort, Self.resolve(targetPort, in: target) == appPort else { return nil }
                    return LocatedFinding(input: input, object: service.object, finding: Finding(
                        Self.description,
                        "Service \(service.name ?? "") sends port \(port.port.map(String.init) ?? "?") to targetPort \(targetPort), the app port (proxy-port \(appPort)) of \(target.kind.rawValue) \(target.object.name ?? ""), not the reverse proxy's proxy-in-port \(inPort); inbound calls bypass capture unless the operator reroutes them",
                        at: (port.targetPortNode ?? port.node).range))
                }
            }
        }
    }
}

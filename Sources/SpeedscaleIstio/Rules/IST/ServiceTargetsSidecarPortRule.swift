import KubeManifests
import SpliceYAML

/// IST019: a Service that sends traffic to the Speedscale sidecar's inbound port of pods that
/// do not run the sidecar, where nothing listens on it.
package struct ServiceTargetsSidecarPortRule: MeshRule {
    package static let description = RuleDescription(
        id: "IST019", title: "Service targets the Speedscale inbound port without the sidecar", severity: .warning,
        summary: "Services keep targeting the app's own port: in dual and reverse mode inside Istio the Speedscale operator routes inbound traffic to its sidecar itself (Speedscale's Istio page; it used an Istio Sidecar for that), and in transparent mode iptables do. A Service whose targetPort is the sidecar's inbound port (proxy-in-port, 4143 unless changed) works only while the sidecar runs; on pods without it nothing listens there and every call to the Service fails, as after uninject or with the sidecar turned off. Reported only then, when no container of the pods declares that port.",
        fix: "Point the Service's targetPort at the app's port.",
        helpURI: DocumentLink.speedscaleIstio,
        triggeringExamples: [
            RuleExample(RuleExample.mesh("", workloadAnnotations: "team: shop").manifest.replacing("targetPort: 8080", with: "targetPort: ↓4143")),
            // Without targetPort, the Service's port is the target.
            RuleExample(RuleExample.mesh("", workloadAnnotations: "team: shop").manifest.replacing("  - port: 80\n    targetPort: 8080", with: "  - port: ↓4143")),
        ],
        nonTriggeringExamples: [
            .mesh(""),
            .mesh("", workloadAnnotations: RuleExample.dualAnnotations),
            // The sidecar runs and listens on 4143.
            RuleExample(RuleExample.mesh("", workloadAnnotations: RuleExample.dualAnnotations).manifest.replacing("targetPort: 8080", with: "targetPort: 4143")),
            // The app itself listens on 4143.
            RuleExample(RuleExample.mesh("", workloadAnnotations: "team: shop").manifest
                .replacing("targetPort: 8080", with: "targetPort: 4143").replacing("- containerPort: 8080", with: "- containerPort: 4143")),
        ],
        corrections: [
            RuleCorrection(
                RuleExample.mesh("", workloadAnnotations: "team: shop").manifest.replacing("targetPort: 8080", with: "targetPort: 4143"), .byHand,
                after: RuleExample.mesh("", workloadAnnotations: "team: shop").text),
        ])

    package init() {}

    /// The Speedscale sidecar's inbound port, when `workload` does not run the sidecar, none
    /// of its containers declares that port (so a Service that targets it reaches nothing),
    /// and a Service of the run that selects it may target that port: a target port is that
    /// number, or one is written in a way that falls back to the Service's own port. The
    /// Services are asked first: most workloads have none such.
    private static func exposedInPort(of workload: WorkloadContext) -> Int? {
        let config = workload.sidecar
        let target = workload.workload
        guard !config.isInjected, let inPort = config.port(SpeedscaleAnnotation.proxyInPort, default: SpeedscaleAnnotation.defaultInPort),
              workload.services.contains(where: { service in
                  service.hasUnreadTargetPort || service.targetPorts.contains { PortNumber.parse($0) == inPort }
              }),
              target.object.node.string(at: ["metadata", "labels", "sidecar.speedscale.com/injected"]) != "true"
        else { return nil }
        return target.containers.flatMap(\.ports).compactMap(\.number).contains(inPort) ? nil : inPort
    }

    /// Whether a Service that selects `workload` may target its unserved inbound port: the
    /// Service may be in another window, where the finding belongs.
    package func mayMissAcrossWindows(_ workload: WorkloadContext) -> Bool {
        Self.exposedInPort(of: workload) != nil
    }

    package func check(_ context: MeshContext) -> [LocatedFinding] {
        // The Services' summaries rule out most workloads before any Service is read.
        let exposed = context.workloadContexts.compactMap { _, workload in
            Self.exposedInPort(of: workload).map { (workload, $0) }
        }
        guard !exposed.isEmpty else { return [] }
        // The Services of the run with their inputs, by namespace and name (a workload's facts
        // tell which Services select it, but not which input holds them).
        var services: [ServiceKey: [(input: Int, service: KubeService)]] = [:]
        for (input, object) in context.objects {
            guard let service = KubeService(object), let name = service.name else { continue }
            services[ServiceKey(name: name, namespace: service.namespace), default: []].append((input, service))
        }
        return exposed.flatMap { workload, inPort -> [LocatedFinding] in
            let target = workload.workload
            let appPorts = workload.appContainer.value?.ports.compactMap(\.number) ?? []
            let appPort = appPorts.count == 1 ? appPorts.first : nil
            var names: Set<String> = []
            let podLabels = target.podLabels
            let selecting = workload.services.compactMap(\.name)
            let held = selecting.filter { names.insert($0).inserted }.flatMap { services[ServiceKey(name: $0, namespace: target.object.namespace)] ?? [] }
            return held.filter { $0.service.selects(podLabels) }.flatMap { input, service -> [LocatedFinding] in
                service.ports.enumerated().compactMap { position, port -> LocatedFinding? in
                    guard let targetPort = port.targetPort ?? port.port.map(String.init), PortNumber.parse(targetPort) == inPort else { return nil }
                    let path: YAMLPath = [.key("spec"), .key("ports"), .index(position), .key("targetPort")]
                    return LocatedFinding(input: input, object: service.object, finding: Finding(
                        Self.description,
                        "Service \(service.name ?? "") sends port \(port.port.map(String.init) ?? "?") to \(inPort), the Speedscale sidecar's inbound port, but \(target.kind.rawValue) \(target.object.name ?? "") does not run the Speedscale sidecar and none of its containers listens on \(inPort), so calls to the Service fail; point targetPort at the app's port\(appPort.map { " (\($0))" } ?? "")",
                        at: (port.targetPortNode ?? port.node["port"] ?? port.node).range,
                        fixes: appPort.map { [.upsert(path, .integer($0))] } ?? []))
                }
            }
        }
    }
}

/// IST012: Envoy's outbound exclusions need not list the Speedscale sidecar's ports.
package struct ExcludedSidecarPortRule: WorkloadRule {
    package static let description = RuleDescription(
        id: "IST012", title: "Speedscale port in excludeOutboundPorts", severity: .info,
        summary: "traffic.sidecar.istio.io/excludeOutboundPorts keeps Envoy from redirecting outbound connections to the listed ports. The app reaches the Speedscale sidecar on the loopback address, which Envoy's iptables rules never redirect, so listing the sidecar's ports (proxy-out-port 4140, proxy-in-port 4143 unless changed) there is unnecessary.",
        fix: "Remove the Speedscale ports from traffic.sidecar.istio.io/excludeOutboundPorts.",
        helpURI: DocumentLink.istioAnnotations,
        triggeringExamples: [
            .deployment(
                annotations: "sidecar.speedscale.com/inject: \"true\"",
                podAnnotations: "traffic.sidecar.istio.io/excludeOutboundPorts: ↓\"5432,4140\""),
        ],
        nonTriggeringExamples: [
            .deployment(
                annotations: "sidecar.speedscale.com/inject: \"true\"",
                podAnnotations: "traffic.sidecar.istio.io/excludeOutboundPorts: \"5432\""),
            .deployment(podAnnotations: "traffic.sidecar.istio.io/excludeOutboundPorts: \"4140\""),
        ])

    static let key = "traffic.sidecar.istio.io/excludeOutboundPorts"

    package init() {}

    package func check(_ context: WorkloadContext) -> [Finding] {
        let sidecar = context.sidecar
        guard sidecar.isInjected else { return [] }
        let listeners = [(sidecar.outPort, "outbound"), (sidecar.inPort, "inbound")].compactMap { port, direction in port.map { ($0, direction) } }
        return context.podAnnotationEntries.filter { $0.key == Self.key }.compactMap { entry in
            guard let text = entry.text else { return nil }
            let excluded = text.split(separator: ",").compactMap { PortNumber.parse(String($0).trimmingSpaces) }
            let named = listeners.filter { excluded.contains($0.0) }.map { "\($0.0) (the sidecar's \($0.1) port)" }
            guard !named.isEmpty else { return nil }
            // The fix keeps the other ports; with none left the annotation itself should go, which is advice.
            let kept = text.split(separator: ",").map { String($0).trimmingSpaces }
                .filter { port in !listeners.contains { PortNumber.parse(port) == $0.0 } }
            let path = context.workload.podAnnotationsPath.appending(.key(entry.key))
            return Finding(
                Self.description,
                "\(entry.key) lists \(named.joined(separator: ", ")); the app reaches the Speedscale sidecar over loopback, which Envoy never redirects, so excluding it is unnecessary",
                at: entry.valueNode.range, fixes: kept.isEmpty ? [] : [.upsert(path, .string(kept.joined(separator: ",")))])
        }
    }
}

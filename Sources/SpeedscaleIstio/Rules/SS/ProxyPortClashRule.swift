import KubeManifests

/// SS013: port annotations must be port numbers, and the sidecar's listeners must not clash
/// with each other, with `proxy-port`, or with the ports the pod's containers listen on.
package struct ProxyPortClashRule: WorkloadRule {
    package static let description = RuleDescription(
        id: "SS013", title: "Port annotation invalid or clashing", severity: .error,
        summary: "proxy-port, proxy-in-port and proxy-out-port must be integers from 1 to 65535. The sidecar listens on proxy-in-port (4143) and proxy-out-port (4140): they must differ, proxy-port must be neither, and no container of the pod may listen on them.",
        fix: "Use distinct free ports; point proxy-port at the app's own port.",
        helpURI: DocumentLink.speedscaleAnnotations,
        triggeringExamples: [
            .deployment(annotations: "sidecar.speedscale.com/proxy-in-port: ↓\"70000\"\nsidecar.speedscale.com/proxy-port: ↓\"http\""),
            .deployment(annotations: "sidecar.speedscale.com/inject: \"true\"\nsidecar.speedscale.com/proxy-type: \"dual\"\nsidecar.speedscale.com/proxy-port: ↓\"4143\"", env: RuleExample.dualEnv),
            .deployment(annotations: "sidecar.speedscale.com/inject: \"true\"\nsidecar.speedscale.com/proxy-out-port: ↓\"4143\""),
            .deployment(
                annotations: "sidecar.speedscale.com/inject: \"true\"",
                container: "- name: web\n  ports:\n  - containerPort: ↓4140"),
            .deployment(
                annotations: "sidecar.speedscale.com/inject: \"true\"\nsidecar.speedscale.com/proxy-in-port: ↓\"8080\""),
        ],
        nonTriggeringExamples: [
            .dual(),
            .deployment(annotations: "sidecar.speedscale.com/inject: \"true\"\nsidecar.speedscale.com/proxy-in-port: \"5143\"\nsidecar.speedscale.com/proxy-out-port: \"5140\""),
            .deployment(annotations: "sidecar.speedscale.com/inject: \"false\"", container: "- name: web\n  ports:\n  - containerPort: 4140"),
        ])

    static let portKeys = [SpeedscaleAnnotation.proxyPort, SpeedscaleAnnotation.proxyInPort, SpeedscaleAnnotation.proxyOutPort]

    package init() {}

    package func check(_ context: WorkloadContext) -> [Finding] {
        let sidecar = context.sidecar
        var findings: [Finding] = []
        for entry in sidecar.annotations.all where Self.portKeys.contains(entry.key) {
            guard entry.text.flatMap(PortNumber.parse) == nil else { continue }
            findings.append(Finding(Self.description, "\(entry.key) is \(Self.shown(entry)), which is not a port number (1-65535)", at: entry.valueNode.range))
        }
        guard sidecar.isInjected, findings.isEmpty, let inPort = sidecar.inPort, let outPort = sidecar.outPort else { return findings }
        let listeners = [(SpeedscaleAnnotation.proxyInPort, inPort, "inbound"), (SpeedscaleAnnotation.proxyOutPort, outPort, "outbound")]
        if inPort == outPort {
            let entry = sidecar.annotations.entry(SpeedscaleAnnotation.proxyOutPort) ?? sidecar.annotations.entry(SpeedscaleAnnotation.proxyInPort)
            if let entry {
                findings.append(Finding(Self.description, "proxy-in-port and proxy-out-port are both \(inPort); the sidecar's two listeners need different ports", at: entry.valueNode.range))
            }
        }
        if sidecar.proxyType?.usesReverseProxy == true, let entry = sidecar.annotations.entry(SpeedscaleAnnotation.proxyPort),
           let port = sidecar.port(SpeedscaleAnnotation.proxyPort, default: nil),
           let (key, _, direction) = listeners.first(where: { $0.1 == port }) {
            findings.append(Finding(
                Self.description,
                "proxy-port \"\(port)\" is the sidecar's own \(direction) port (\(key.dropFirst(SpeedscaleAnnotation.prefix.count))), so inbound traffic would loop back into the sidecar; set it to the app's port",
                at: entry.valueNode.range))
        }
        for container in context.workload.containers where !AppContainer.isKnownSidecar(container) {
            for port in container.ports {
                guard let number = port.number, let (key, _, direction) = listeners.first(where: { $0.1 == number }) else { continue }
                let name = key.dropFirst(SpeedscaleAnnotation.prefix.count)
                let message = "container \"\(container.name ?? "")\" listens on \(number), the sidecar's \(direction) port (\(name)); give \(key) a free port"
                findings.append(Finding(Self.description, message, at: (sidecar.annotations.entry(key)?.valueNode ?? port.node).range))
            }
        }
        return findings
    }

    static func shown(_ entry: AnnotationEntry) -> String {
        entry.text.map { "\"\($0)\"" } ?? "not a single value"
    }
}

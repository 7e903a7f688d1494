/// SS012: `proxy-port` should be a port the app container declares.
package struct ProxyPortNotDeclaredRule: WorkloadRule {
    package static let description = RuleDescription(
        id: "SS012", title: "proxy-port is not a containerPort of the app", severity: .warning,
        summary: "The reverse proxy forwards inbound traffic to proxy-port; when the app container declares its ports and proxy-port is not among them, it is most likely the wrong port (containerPorts are optional, so this is a warning).",
        fix: "Set proxy-port to the port the app listens on.",
        helpURI: DocumentLink.speedscaleAnnotations,
        triggeringExamples: [
            .deployment(annotations: "sidecar.speedscale.com/inject: \"true\"\nsidecar.speedscale.com/proxy-type: \"dual\"\nsidecar.speedscale.com/proxy-port: ↓\"8081\"", env: RuleExample.dualEnv),
        ],
        nonTriggeringExamples: [
            .dual(),
            .deployment(
                annotations: "sidecar.speedscale.com/inject: \"true\"\nsidecar.speedscale.com/proxy-type: \"reverse\"\nsidecar.speedscale.com/proxy-port: \"9000\"",
                container: "- name: web\n  image: example/web:1.0"),
        ])

    package init() {}

    package func check(_ context: WorkloadContext) -> [Finding] {
        let sidecar = context.sidecar
        guard sidecar.isInjected, sidecar.proxyType?.usesReverseProxy == true,
              let entry = sidecar.annotations.entry(SpeedscaleAnnotation.proxyPort), let text = entry.text, let port = PortNumber.parse(text),
              let app = context.appContainer.value else { return [] }
        let declared = app.ports.compactMap(\.number)
        guard !declared.isEmpty, !declared.contains(port) else { return [] }
        return [Finding(
            Self.description,
            "proxy-port \"\(text)\" is not a containerPort of container \"\(app.name ?? "app")\", which declares \(declared.map(String.init).joined(separator: ", "))",
            at: entry.valueNode.range)]
    }
}

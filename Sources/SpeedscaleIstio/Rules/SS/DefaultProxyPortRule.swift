/// SS011: a reverse or dual proxy without `proxy-port` forwards inbound traffic to port 80.
package struct DefaultProxyPortRule: WorkloadRule {
    package static let description = RuleDescription(
        id: "SS011", title: "proxy-port defaults to 80", severity: .warning,
        summary: "In reverse and dual mode the sidecar forwards inbound traffic to proxy-host:proxy-port; proxy-port defaults to 80, which is wrong for an app that does not listen on 80.",
        fix: "Add sidecar.speedscale.com/proxy-port with the app's port, quoted.",
        helpURI: DocumentLink.speedscaleAnnotations,
        triggeringExamples: [
            .deployment(annotations: "sidecar.speedscale.com/inject: \"true\"\nsidecar.speedscale.com/proxy-type: ↓\"dual\""),
        ],
        nonTriggeringExamples: [
            .dual(),
            .deployment(
                annotations: "sidecar.speedscale.com/inject: \"true\"\nsidecar.speedscale.com/proxy-type: \"reverse\"",
                container: "- name: web\n  ports:\n  - containerPort: 80"),
        ],
        corrections: [
            RuleCorrection(
                RuleExample.deployment(annotations: "sidecar.speedscale.com/inject: \"true\"\nsidecar.speedscale.com/proxy-type: \"dual\"").text,
                after: RuleExample.deployment(
                    annotations: """
                        sidecar.speedscale.com/inject: "true"
                        sidecar.speedscale.com/proxy-type: "dual"
                        sidecar.speedscale.com/capture-mode: "proxy"
                        sidecar.speedscale.com/proxy-protocol: "tcp:http"
                        sidecar.speedscale.com/proxy-host: "localhost"
                        sidecar.speedscale.com/proxy-port: "8080"
                        """,
                    env: RuleExample.injectedEnv).text),
        ])

    package init() {}

    package func check(_ context: WorkloadContext) -> [Finding] {
        let sidecar = context.sidecar
        guard sidecar.isInjected, let type = sidecar.proxyType, type.usesReverseProxy,
              sidecar.annotations.entry(SpeedscaleAnnotation.proxyPort) == nil,
              let typeEntry = sidecar.annotations.entry(SpeedscaleAnnotation.proxyType) else { return [] }
        let app = context.appContainer.value
        let ports = app?.ports.compactMap(\.number) ?? []
        if ports.contains(80) { return [] }
        let listens = ports.isEmpty ? "declares no port 80" : "listens on \(ports.map(String.init).joined(separator: ", "))"
        let suggestion = ports.count == 1 ? "add sidecar.speedscale.com/proxy-port: \"\(ports[0])\"" : "add sidecar.speedscale.com/proxy-port with the app's port"
        return [Finding(
            Self.description,
            "proxy-type \"\(type.rawValue)\" forwards inbound traffic to proxy-port, which is unset and defaults to 80, but container \"\(app?.name ?? "app")\" \(listens); \(suggestion)",
            at: typeEntry.valueNode.range)]
    }
}

import KubeManifests

/// ENV018: proxy variables that point at the sidecar's forward proxy on a workload that does
/// not run the sidecar.
package struct ProxyWithoutSidecarRule: WorkloadRule {
    package static let description = RuleDescription(
        id: "ENV018", title: "Proxy variables without the sidecar", severity: .error,
        summary: "The app sends its outbound traffic to the Speedscale sidecar's forward proxy on localhost, but the workload does not ask for the sidecar (sidecar.speedscale.com/inject missing or \"false\"), or the operator skips it: nothing listens there, and every outbound call fails.",
        fix: "Remove the proxy variables (kubectl speedscale-istio uninject does), or add the sidecar; with --env-via annotation the variables are added only together with the sidecar.",
        helpURI: DocumentLink.speedscaleProxyModes,
        triggeringExamples: [
            .deployment(env: "- name: HTTP_PROXY\n  value: ↓http://localhost:4140\n- name: HTTPS_PROXY\n  value: ↓http://localhost:4140"),
            .deployment(annotations: "sidecar.speedscale.com/inject: \"false\"", env: "- name: HTTPS_PROXY\n  value: ↓socks5://127.0.0.1:4140"),
            .deployment(annotations: "capture.speedscale.com/enabled: \"true\"", env: "- name: ALL_PROXY\n  value: ↓http://localhost:4140"),
        ],
        nonTriggeringExamples: [
            .dual(),
            .deployment(env: "- name: HTTP_PROXY\n  value: http://corp-proxy.example:3128"),
            .deployment(env: "- name: HTTP_PROXY\n  value: http://localhost:8888"),
            .deployment(annotations: "sidecar.speedscale.com/inject: \"true\"", env: "- name: HTTP_PROXY\n  value: http://localhost:4140"),
        ],
        corrections: [
            RuleCorrection(
                RuleExample.deployment(annotations: "sidecar.speedscale.com/inject: \"false\"", env: "- name: HTTP_PROXY\n  value: http://localhost:4140\n- name: NO_PROXY\n  value: localhost,127.0.0.1").text,
                .uninject,
                after: RuleExample.deployment(annotations: "sidecar.speedscale.com/inject: \"false\"").text),
        ])

    package init() {}

    package func check(_ context: WorkloadContext) -> [Finding] {
        guard !context.declared.runsSidecar || context.workload.kind == .replicationController else { return [] }
        let outPort = context.sidecar.outPort ?? SpeedscaleAnnotation.defaultOutPort
        let workloadState = context.declared == .optedOut ? "sidecar.speedscale.com/inject is \"false\"" : "it does not run the Speedscale sidecar"
        return context.workload.containers.filter { !AppContainer.isKnownSidecar($0) }.flatMap { container in
            ProxyEnvironment(container).endpoints().filter { $0.form == .url && $0.hostIsLoopback && $0.port == outPort }.map { endpoint in
                Finding(
                    Self.description,
                    "container \"\(container.name ?? "")\" sends its traffic to the sidecar's forward proxy (\(endpoint.shown)), but \(workloadState): nothing listens on \(outPort), so outbound calls fail",
                    at: endpoint.node.range)
            }
        }
    }
}

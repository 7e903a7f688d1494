/// ENV003: the proxy host must be the pod itself.
package struct ProxyHostNotLoopbackRule: WorkloadRule {
    package static let description = RuleDescription(
        id: "ENV003", title: "Proxy host is not loopback", severity: .error,
        summary: "The Speedscale sidecar shares the pod's network namespace and its forward proxy listens there; the app must reach it on localhost, 127.0.0.1 or ::1.",
        fix: "Use localhost or 127.0.0.1 as the proxy host.",
        helpURI: DocumentLink.speedscaleProxyConfig,
        triggeringExamples: [
            .dual(env: "- name: HTTP_PROXY\n  value: ↓http://proxy.corp.example:4140\n- name: HTTPS_PROXY\n  value: http://localhost:4140"),
            .dual(env: "- name: JAVA_TOOL_OPTIONS\n  value: ↓-Dhttp.proxyHost=speedscale -Dhttp.proxyPort=4140"),
        ],
        nonTriggeringExamples: [
            .dual(),
            .dual(env: "- name: HTTP_PROXY\n  value: http://127.0.0.1:4140\n- name: HTTPS_PROXY\n  value: http://[::1]:4140"),
        ])

    package init() {}

    package func check(_ context: WorkloadContext) -> [Finding] {
        context.forwardProxyEndpoints.compactMap { endpoint in
            guard !endpoint.host.isEmpty, !endpoint.hostIsLoopback else { return nil }
            return Finding(
                Self.description,
                "\(endpoint.shown) points at \(endpoint.host); the Speedscale forward proxy listens inside the pod, on localhost or 127.0.0.1",
                at: endpoint.node.range)
        }
    }
}

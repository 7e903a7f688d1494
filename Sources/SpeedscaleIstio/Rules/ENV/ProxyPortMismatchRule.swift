/// ENV002: the proxy URL (or JVM flag) port must be the sidecar's outbound port.
package struct ProxyPortMismatchRule: WorkloadRule {
    package static let description = RuleDescription(
        id: "ENV002", title: "Proxy port is not the sidecar's outbound port", severity: .error,
        summary: "The forward proxy listens on proxy-out-port (4140 by default); \"if you changed proxy-out-port, use that port in the runtime configuration too\". Any other port reaches nothing.",
        fix: "Use the sidecar's outbound port in the proxy URL, e.g. http://localhost:4140.",
        helpURI: DocumentLink.speedscaleProxyModes,
        triggeringExamples: [
            .dual(env: "- name: HTTP_PROXY\n  value: ↓http://localhost:4141\n- name: HTTPS_PROXY\n  value: http://localhost:4140"),
            .dual(
                env: "- name: HTTP_PROXY\n  value: ↓http://localhost:4140\n- name: HTTPS_PROXY\n  value: ↓http://localhost:4140",
                extra: "sidecar.speedscale.com/proxy-out-port: \"5000\""),
            .dual(env: "- name: HTTP_PROXY\n  value: ↓http://127.0.0.1\n- name: HTTPS_PROXY\n  value: http://127.0.0.1:4140"),
        ],
        nonTriggeringExamples: [
            .dual(),
            .dual(env: "- name: HTTP_PROXY\n  value: http://localhost:5000\n- name: HTTPS_PROXY\n  value: http://localhost:5000", extra: "sidecar.speedscale.com/proxy-out-port: \"5000\""),
            // A JVM told by flags where the proxy is does not read HTTP_PROXY.
            .dual(env: "- name: HTTP_PROXY\n  value: 127.0.0.1:15002\n- name: JAVA_TOOL_OPTIONS\n  value: -Dhttp.proxyHost=localhost -Dhttp.proxyPort=4140 -Dhttps.proxyHost=localhost -Dhttps.proxyPort=4140"),
        ])

    package init() {}

    package func check(_ context: WorkloadContext) -> [Finding] {
        guard let outPort = context.sidecar.outPort else { return [] }
        return context.forwardProxyEndpoints.compactMap { endpoint in
            guard endpoint.port != outPort else { return nil }
            let uses = endpoint.hasExplicitPort
                ? "uses port \(endpoint.port.map(String.init) ?? "that is not a number")"
                : "has no port, so clients use \(endpoint.port.map(String.init) ?? "a default")"
            return Finding(
                Self.description, "\(endpoint.shown) \(uses), but the sidecar's forward proxy listens on \(outPort) (proxy-out-port)",
                at: endpoint.node.range)
        }
    }
}

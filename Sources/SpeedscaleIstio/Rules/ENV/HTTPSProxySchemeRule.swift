/// ENV005: proxy URLs use `http://`, even in `HTTPS_PROXY`.
package struct HTTPSProxySchemeRule: WorkloadRule {
    package static let description = RuleDescription(
        id: "ENV005", title: "Proxy URL uses https://", severity: .warning,
        summary: "The forward proxy speaks plain HTTP and tunnels https requests with CONNECT. An https:// proxy URL makes clients open TLS to the proxy itself, which fails.",
        fix: "Use http://localhost:4140 in HTTPS_PROXY too.",
        helpURI: DocumentLink.speedscaleProxyConfig,
        triggeringExamples: [
            .dual(env: "- name: HTTP_PROXY\n  value: http://localhost:4140\n- name: HTTPS_PROXY\n  value: ↓https://localhost:4140"),
        ],
        nonTriggeringExamples: [
            .dual(),
        ])

    package init() {}

    package func check(_ context: WorkloadContext) -> [Finding] {
        context.forwardProxyEndpoints.compactMap { endpoint in
            guard endpoint.form == .url, endpoint.scheme == "https" else { return nil }
            let fixed = "http://" + endpoint.value.dropFirst("https://".count)
            return Finding(
                Self.description,
                "\(endpoint.shown) makes clients open TLS to the proxy, which speaks plain HTTP; use \(fixed)",
                at: endpoint.node.range)
        }
    }
}

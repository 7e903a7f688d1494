/// ENV015: Node's global-agent needs an HTTP forward proxy.
package struct GlobalAgentWithSocksRule: WorkloadRule {
    package static let description = RuleDescription(
        id: "ENV015", title: "GLOBAL_AGENT_* with a SOCKS proxy protocol", severity: .warning,
        summary: "Node's global-agent sends requests to an HTTP proxy only; Speedscale: \"you need to set proxy-protocol to http or tcp:http\". With socks or tcp:socks the forward proxy speaks SOCKS and global-agent's requests fail.",
        fix: "Set proxy-protocol to tcp:http (dual) or http (forward) with http:// proxy URLs, or route Node through a SOCKS agent in code instead of global-agent.",
        helpURI: DocumentLink.speedscaleProxyConfig,
        triggeringExamples: [
            .deployment(
                annotations: RuleExample.dualAnnotations.replacing("tcp:http", with: "tcp:socks"),
                env: "- name: HTTP_PROXY\n  value: socks5://localhost:4140\n- name: GLOBAL_AGENT_HTTP_PROXY\n  value: ↓socks5://localhost:4140\n- name: GLOBAL_AGENT_NO_PROXY\n  value: \"*127.0.0.1:12557\""),
        ],
        nonTriggeringExamples: [
            .dual(env: RuleExample.dualEnv + "\n- name: GLOBAL_AGENT_HTTP_PROXY\n  value: http://localhost:4140"),
            .deployment(
                annotations: RuleExample.dualAnnotations.replacing("tcp:http", with: "tcp:socks"),
                env: "- name: HTTP_PROXY\n  value: socks5://localhost:4140\n- name: HTTPS_PROXY\n  value: socks5://localhost:4140"),
        ])

    package init() {}

    /// Whether `name` routes global-agent through a proxy (`GLOBAL_AGENT_HTTP_PROXY`, `GLOBAL_AGENT_HTTPS_PROXY`).
    static func routesGlobalAgent(_ name: String) -> Bool {
        name.hasPrefix("GLOBAL_AGENT_") && name.hasSuffix("_PROXY") && name != "GLOBAL_AGENT_NO_PROXY"
    }

    package func check(_ context: WorkloadContext) -> [Finding] {
        guard let configured = context.sidecar.proxyProtocol, configured.forwardProtocol == .socks else { return [] }
        return context.forwardProxyEnvironments.flatMap { environment in
            environment.variables.values.filter { Self.routesGlobalAgent($0.name) }.sorted { $0.node.start < $1.node.start }.map { variable in
                Finding(
                    Self.description,
                    "container \"\(environment.container.name ?? "")\" sets \(variable.name), but global-agent speaks only HTTP to its proxy and proxy-protocol \"\(configured.rawValue)\" makes the forward proxy speak SOCKS",
                    at: (variable.valueNode ?? variable.node).range)
            }
        }
    }
}

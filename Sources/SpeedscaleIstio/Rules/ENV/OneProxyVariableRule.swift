/// ENV006: set both HTTP_PROXY and HTTPS_PROXY.
package struct OneProxyVariableRule: WorkloadRule {
    package static let description = RuleDescription(
        id: "ENV006", title: "Only one of HTTP_PROXY and HTTPS_PROXY", severity: .warning,
        summary: "Go and most runtimes use HTTPS_PROXY for https requests and HTTP_PROXY for http requests; with only one set, the other kind of request goes out directly and is not captured.",
        fix: "Set both HTTP_PROXY and HTTPS_PROXY to the same http://localhost:4140 URL.",
        helpURI: DocumentLink.goProxy,
        triggeringExamples: [
            .dual(env: "- ↓name: HTTP_PROXY\n  value: http://localhost:4140"),
            .dual(env: "- ↓name: https_proxy\n  value: http://localhost:4140"),
        ],
        nonTriggeringExamples: [
            .dual(),
            .dual(env: "- name: http_proxy\n  value: http://localhost:4140\n- name: HTTPS_PROXY\n  value: http://localhost:4140"),
            // A JVM told by flags where the proxy is does not read HTTP_PROXY.
            .dual(env: "- name: HTTP_PROXY\n  value: 127.0.0.1:15002\n- name: JAVA_TOOL_OPTIONS\n  value: -Dhttp.proxyHost=localhost -Dhttp.proxyPort=4140 -Dhttps.proxyHost=localhost -Dhttps.proxyPort=4140"),
        ],
        corrections: [
            RuleCorrection(RuleExample.dual(env: "- name: HTTP_PROXY\n  value: http://localhost:4140").text, after: RuleExample.dual(env: RuleExample.injectedEnv).text),
        ])

    package init() {}

    package func check(_ context: WorkloadContext) -> [Finding] {
        context.proxyVariableEnvironments.compactMap { environment in
            let http = ["HTTP_PROXY", "http_proxy"].compactMap { environment.variables[$0] }.first
            let https = ["HTTPS_PROXY", "https_proxy"].compactMap { environment.variables[$0] }.first
            let container = environment.container.name ?? ""
            switch (http, https) {
            case (let only?, nil):
                return Finding(
                    Self.description,
                    "container \"\(container)\" sets \(only.name) but not HTTPS_PROXY; most clients then send https requests directly, and they are not captured",
                    at: only.node.start..<only.node.start)
            case (nil, let only?):
                return Finding(
                    Self.description,
                    "container \"\(container)\" sets \(only.name) but not HTTP_PROXY; plain http requests then go out directly, and they are not captured",
                    at: only.node.start..<only.node.start)
            default:
                return nil
            }
        }
    }
}

/// ENV004: the app must speak the forward proxy's protocol (HTTP or SOCKS).
package struct ProxySchemeMismatchRule: WorkloadRule {
    package static let description = RuleDescription(
        id: "ENV004", title: "Proxy scheme does not match proxy-protocol", severity: .error,
        summary: "With proxy-protocol http or tcp:http the forward proxy speaks HTTP (http:// URLs, -Dhttp(s).proxyHost); with socks or tcp:socks it speaks SOCKS (socks5:// URLs, -DsocksProxyHost). A mismatch fails the handshake.",
        fix: "Make the URL scheme (or JVM flag) and proxy-protocol agree.",
        helpURI: DocumentLink.speedscaleProxyConfig,
        triggeringExamples: [
            .dual(env: "- name: HTTP_PROXY\n  value: ↓socks5://localhost:4140\n- name: HTTPS_PROXY\n  value: ↓socks5://localhost:4140"),
            .deployment(
                annotations: RuleExample.dualAnnotations.replacing("tcp:http", with: "tcp:socks"),
                env: RuleExample.dualEnv.replacing("value: http", with: "value: ↓http")),
            .dual(env: "- name: JAVA_TOOL_OPTIONS\n  value: ↓-DsocksProxyHost=localhost -DsocksProxyPort=4140"),
        ],
        nonTriggeringExamples: [
            .dual(),
            .deployment(
                annotations: RuleExample.dualAnnotations.replacing("tcp:http", with: "tcp:socks"),
                env: RuleExample.dualEnv.replacing("http://", with: "socks5://")),
        ])

    package init() {}

    package func check(_ context: WorkloadContext) -> [Finding] {
        guard let configured = context.sidecar.proxyProtocol else { return [] }
        let speaks = configured.forwardProtocol
        guard speaks == .http || speaks == .socks else { return [] }
        let wantsSocks = speaks == .socks
        return context.forwardProxyEndpoints.compactMap { endpoint in
            let scheme = endpoint.effectiveScheme
            if scheme == "https" { return nil }
            let known = scheme == "http" || endpoint.speaksSocks
            guard !known || endpoint.speaksSocks != wantsSocks else { return nil }
            let clientSpeaks = !known ? "uses the scheme \(scheme)://, which is neither HTTP nor SOCKS" : (endpoint.speaksSocks ? "speaks SOCKS" : "speaks HTTP")
            let advice = wantsSocks ? "use socks5:// (or -DsocksProxyHost)" : "use http:// (or -Dhttp.proxyHost/-Dhttps.proxyHost)"
            return Finding(
                Self.description,
                "\(endpoint.shown) \(clientSpeaks), but proxy-protocol \"\(configured.rawValue)\" makes the forward proxy speak \(wantsSocks ? "SOCKS" : "HTTP"); \(advice), or change proxy-protocol",
                at: endpoint.node.range)
        }
    }
}

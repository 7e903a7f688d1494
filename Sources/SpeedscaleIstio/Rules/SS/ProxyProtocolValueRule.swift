/// SS008: `sidecar.speedscale.com/proxy-protocol` is tcp, http, socks, tcp:http or tcp:socks.
package struct ProxyProtocolValueRule: WorkloadRule {
    package static let description = RuleDescription(
        id: "SS008", title: "Invalid proxy-protocol", severity: .error,
        summary: "proxy-protocol takes tcp, http, socks, tcp:http or tcp:socks. \"socks\" covers SOCKS4 and SOCKS5; in tcp:X the left part is the inbound protocol and the right part the outbound one.",
        fix: "Write one of the documented values: \"socks\" for socks4/socks5, \"tcp:socks\" for tcp:socks5.",
        helpURI: DocumentLink.speedscaleProxyModes,
        triggeringExamples: [
            .deployment(annotations: "sidecar.speedscale.com/proxy-type: \"forward\"\nsidecar.speedscale.com/proxy-protocol: ↓\"socks5\""),
            .deployment(annotations: "sidecar.speedscale.com/proxy-type: \"dual\"\nsidecar.speedscale.com/proxy-protocol: ↓\"tcp:socks5\""),
        ],
        nonTriggeringExamples: [
            .deployment(annotations: "sidecar.speedscale.com/proxy-type: \"dual\"\nsidecar.speedscale.com/proxy-protocol: \"tcp:socks\""),
        ])

    static let socks = "use \"socks\" (it covers SOCKS4 and SOCKS5)"
    static let tcpSocks = "use \"tcp:socks\" (it covers SOCKS4 and SOCKS5)"
    static let check = AllowedValues(key: SpeedscaleAnnotation.proxyProtocol, allowed: ProxyProtocolValue.allCases.map(\.rawValue), advice: [
        "socks5": socks, "socks4": socks, "socks5h": socks, "tcp:socks5": tcpSocks, "tcp:socks4": tcpSocks,
        "https": "use \"http\" (the forward proxy speaks plain HTTP and tunnels https with CONNECT)",
        "tcp:https": "use \"tcp:http\" (the forward proxy speaks plain HTTP and tunnels https with CONNECT)",
    ])

    package init() {}

    package func check(_ context: WorkloadContext) -> [Finding] {
        Self.check.check(context, rule: Self.description)
    }
}

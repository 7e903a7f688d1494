/// SS009: the proxy-protocol must suit the proxy-type (the matrix of spec §3.2).
package struct ProxyProtocolMatrixRule: WorkloadRule {
    package static let description = RuleDescription(
        id: "SS009", title: "proxy-protocol does not suit proxy-type", severity: .error,
        summary: "tcp applies only to the reverse proxy; the forward proxy must always speak a proxy protocol (http or socks); tcp:http and tcp:socks are for dual mode only.",
        fix: "Pick a protocol valid for the proxy type: reverse tcp/http/socks, forward http/socks, dual http/socks/tcp:http/tcp:socks.",
        helpURI: DocumentLink.speedscaleProxyModes,
        triggeringExamples: [
            .deployment(annotations: "sidecar.speedscale.com/proxy-type: \"dual\"\nsidecar.speedscale.com/proxy-protocol: ↓\"tcp\""),
            .deployment(annotations: "sidecar.speedscale.com/proxy-type: \"forward\"\nsidecar.speedscale.com/proxy-protocol: ↓\"tcp:http\""),
            .deployment(annotations: "sidecar.speedscale.com/proxy-type: \"reverse\"\nsidecar.speedscale.com/proxy-protocol: ↓\"tcp:socks\""),
        ],
        nonTriggeringExamples: [
            .deployment(annotations: "sidecar.speedscale.com/proxy-type: \"reverse\"\nsidecar.speedscale.com/proxy-protocol: \"tcp\""),
            .deployment(annotations: "sidecar.speedscale.com/proxy-type: \"dual\"\nsidecar.speedscale.com/proxy-protocol: \"tcp:socks\""),
            .deployment(annotations: "sidecar.speedscale.com/proxy-protocol: \"tcp\""),
        ])

    package init() {}

    package func check(_ context: WorkloadContext) -> [Finding] {
        let sidecar = context.sidecar
        guard let entry = sidecar.annotations.entry(SpeedscaleAnnotation.proxyProtocol), let value = sidecar.proxyProtocol,
              let type = sidecar.proxyType, !value.isValid(with: type) else { return [] }
        let why: String
        switch (type, value) {
        case (.dual, .tcp): why = "tcp applies only to the reverse proxy; use \"tcp:http\" or \"tcp:socks\" (inbound tcp, outbound http or socks)"
        case (.forward, .tcp): why = "the forward proxy needs a proxy protocol; use \"http\" or \"socks\""
        default:
            let valid = ProxyProtocolValue.valid(with: type).map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
            why = "\(value.rawValue) is for proxy-type dual only; with \(type.rawValue) use \(valid)"
        }
        return [Finding(Self.description, "proxy-protocol \"\(value.rawValue)\" does not suit proxy-type \"\(type.rawValue)\": \(why)", at: entry.valueNode.range)]
    }
}

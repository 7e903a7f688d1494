/// IST010: the sidecar's ports must stay clear of the ports Istio reserves for Envoy.
package struct IstioReservedPortRule: WorkloadRule {
    package static let description = RuleDescription(
        id: "IST010", title: "Port reserved by Istio", severity: .error,
        summary: "Istio's Envoy sidecar uses 15000, 15001, 15002, 15004, 15006, 15008, 15020, 15021, 15053 and 15090 in every meshed pod; a Speedscale listener or proxy-port on one of them clashes with Envoy.",
        fix: "Move proxy-in-port, proxy-out-port or proxy-port to a port Istio does not reserve.",
        helpURI: DocumentLink.istioApplicationRequirements,
        triggeringExamples: [
            .deployment(annotations: "sidecar.speedscale.com/inject: \"true\"\nsidecar.speedscale.com/proxy-out-port: ↓\"15001\""),
        ],
        nonTriggeringExamples: [
            .dual(),
            .deployment(
                annotations: "sidecar.speedscale.com/inject: \"true\"\nsidecar.speedscale.com/proxy-out-port: \"15001\"",
                podLabels: "app: web\nsidecar.istio.io/inject: \"false\""),
        ],
        corrections: [
            RuleCorrection(
                RuleExample.deployment(annotations: "sidecar.speedscale.com/inject: \"true\"\nsidecar.speedscale.com/proxy-out-port: \"15001\"").text, .byHand,
                after: RuleExample.deployment(annotations: "sidecar.speedscale.com/inject: \"true\"\nsidecar.speedscale.com/proxy-out-port: \"4141\"").text),
        ])

    /// The ports Envoy uses (Istio application requirements).
    package static let reservedPorts: Set<Int> = [15000, 15001, 15002, 15004, 15006, 15008, 15020, 15021, 15053, 15090]

    package init() {}

    package func check(_ context: WorkloadContext) -> [Finding] {
        let sidecar = context.sidecar
        guard sidecar.isInjected, context.isInMesh else { return [] }
        return ProxyPortClashRule.portKeys.compactMap { key in
            guard let entry = sidecar.annotations.entry(key), let text = entry.text, let port = PortNumber.parse(text),
                  Self.reservedPorts.contains(port) else { return nil }
            return Finding(Self.description, "\(key) \"\(text)\" is reserved by Istio: Envoy uses it in every meshed pod; pick another port", at: entry.valueNode.range)
        }
    }
}

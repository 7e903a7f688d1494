/// SS007: `sidecar.speedscale.com/proxy-type` is transparent, reverse, forward or dual.
package struct ProxyTypeValueRule: WorkloadRule {
    package static let description = RuleDescription(
        id: "SS007", title: "Invalid proxy-type", severity: .error,
        summary: "proxy-type selects how the sidecar captures traffic: transparent (the default), reverse (inbound), forward (outbound) or dual (both).",
        fix: "Write one of \"transparent\", \"reverse\", \"forward\" or \"dual\".",
        helpURI: DocumentLink.speedscaleProxyModes,
        triggeringExamples: [
            .deployment(annotations: "sidecar.speedscale.com/proxy-type: ↓\"duel\""),
            .deployment(annotations: "sidecar.speedscale.com/proxy-type: ↓\"both\""),
        ],
        nonTriggeringExamples: [
            .deployment(annotations: "sidecar.speedscale.com/proxy-type: \"forward\""),
        ])

    static let check = AllowedValues(key: SpeedscaleAnnotation.proxyType, allowed: ProxyType.allCases.map(\.rawValue), advice: [
        "inbound": "use \"reverse\" for inbound capture", "outbound": "use \"forward\" for outbound capture",
        "both": "use \"dual\" for inbound and outbound capture",
    ])

    package init() {}

    package func check(_ context: WorkloadContext) -> [Finding] {
        Self.check.check(context, rule: Self.description)
    }
}

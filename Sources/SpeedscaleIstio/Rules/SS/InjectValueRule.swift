/// SS005: `sidecar.speedscale.com/inject` is `"true"` or `"false"`.
package struct InjectValueRule: WorkloadRule {
    package static let description = RuleDescription(
        id: "SS005", title: "Invalid inject value", severity: .error,
        summary: "sidecar.speedscale.com/inject takes \"true\" (add the sidecar) or \"false\" (remove it); any other value is invalid.",
        fix: "Write \"true\" or \"false\", double-quoted.",
        helpURI: DocumentLink.speedscaleAnnotations,
        triggeringExamples: [
            .deployment(annotations: "sidecar.speedscale.com/inject: ↓\"yes\""),
            .deployment(annotations: "sidecar.speedscale.com/inject: ↓\"True\""),
            .deployment(podAnnotations: "sidecar.speedscale.com/inject: ↓enabled"),
        ],
        nonTriggeringExamples: [
            .deployment(annotations: "sidecar.speedscale.com/inject: \"true\""),
            .deployment(annotations: "sidecar.speedscale.com/inject: \"false\""),
        ])

    static let truthy = "use \"true\" to add the sidecar"
    static let falsy = "use \"false\" to remove the sidecar"
    static let check = AllowedValues(key: SpeedscaleAnnotation.inject, allowed: ["true", "false"], advice: [
        "yes": truthy, "y": truthy, "on": truthy, "1": truthy, "enabled": truthy, "enable": truthy,
        "no": falsy, "n": falsy, "off": falsy, "0": falsy, "disabled": falsy, "disable": falsy,
    ])

    package init() {}

    package func check(_ context: WorkloadContext) -> [Finding] {
        Self.check.check(context, rule: Self.description)
    }
}

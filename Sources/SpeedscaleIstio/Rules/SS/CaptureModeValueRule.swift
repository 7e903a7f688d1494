/// SS006: `sidecar.speedscale.com/capture-mode` is `"proxy"`, the only mode left.
package struct CaptureModeValueRule: WorkloadRule {
    package static let description = RuleDescription(
        id: "SS006", title: "Invalid capture-mode", severity: .error,
        summary: "The only supported capture-mode is \"proxy\"; the Envoy-based modes \"wasm\" and \"istio\" were removed in July 2022.",
        fix: "Write capture-mode: \"proxy\", or remove the annotation (proxy is the default).",
        helpURI: DocumentLink.speedscaleAnnotations,
        triggeringExamples: [
            .deployment(annotations: "sidecar.speedscale.com/inject: \"true\"\nsidecar.speedscale.com/capture-mode: ↓\"istio\""),
            .deployment(annotations: "sidecar.speedscale.com/capture-mode: ↓wasm"),
        ],
        nonTriggeringExamples: [
            .deployment(annotations: "sidecar.speedscale.com/inject: \"true\"\nsidecar.speedscale.com/capture-mode: \"proxy\""),
        ])

    static let removed = "that mode was removed in July 2022; the only value is \"proxy\""
    static let check = AllowedValues(key: SpeedscaleAnnotation.captureMode, allowed: ["proxy"], advice: ["wasm": removed, "istio": removed])

    package init() {}

    package func check(_ context: WorkloadContext) -> [Finding] {
        Self.check.check(context, rule: Self.description)
    }
}

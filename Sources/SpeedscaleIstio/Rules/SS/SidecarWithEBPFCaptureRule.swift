/// SS015: the sidecar and the eBPF collector exclude each other.
package struct SidecarWithEBPFCaptureRule: WorkloadRule {
    package static let description = RuleDescription(
        id: "SS015", title: "Sidecar and eBPF capture together", severity: .error,
        summary: "capture.speedscale.com/enabled and capture.speedscale.com/java-agent (eBPF collection) are mutually exclusive with sidecar.speedscale.com/inject; the operator's webhook rejects a workload that asks for both.",
        fix: "Choose one: remove sidecar.speedscale.com/inject, or the capture.speedscale.com annotation.",
        helpURI: DocumentLink.speedscaleJava,
        triggeringExamples: [
            .deployment(annotations: "sidecar.speedscale.com/inject: \"true\"\n↓capture.speedscale.com/enabled: \"true\""),
            .deployment(annotations: "↓capture.speedscale.com/java-agent: \"true\"\nsidecar.speedscale.com/inject: \"true\""),
        ],
        nonTriggeringExamples: [
            .deployment(annotations: "capture.speedscale.com/enabled: \"true\""),
            .deployment(annotations: "sidecar.speedscale.com/inject: \"true\"\ncapture.speedscale.com/enabled: \"false\""),
        ],
        corrections: [
            RuleCorrection(
                RuleExample.deployment(annotations: "sidecar.speedscale.com/inject: \"true\"\ncapture.speedscale.com/enabled: \"true\"").text,
                .injecting { $0.mode = .ebpf }, after: RuleExample.deployment(annotations: "capture.speedscale.com/enabled: \"true\"").text),
        ])

    package init() {}

    package func check(_ context: WorkloadContext) -> [Finding] {
        let sidecar = context.sidecar
        guard sidecar.isInjected else { return [] }
        return [SpeedscaleAnnotation.captureEnabled, SpeedscaleAnnotation.captureJavaAgent].compactMap { key in
            guard sidecar.annotations.isTrue(key), let entry = sidecar.annotations.entry(key) else { return nil }
            return Finding(
                Self.description,
                "\(key): \"true\" (eBPF capture) cannot be combined with sidecar.speedscale.com/inject: \"true\"; the operator rejects the workload",
                at: entry.keyNode.range)
        }
    }
}

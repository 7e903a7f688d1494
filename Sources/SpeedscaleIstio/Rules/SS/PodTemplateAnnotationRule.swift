/// SS002: Speedscale sidecar annotations belong on the workload, not only on its pod template.
package struct PodTemplateAnnotationRule: WorkloadRule {
    package static let description = RuleDescription(
        id: "SS002", title: "Speedscale annotation only on the pod template", severity: .warning,
        summary: "Speedscale documents its sidecar annotations on the workload's own metadata.annotations (a CronJob's job template); putting them on the pod template is \"the wrong place\" on most of its pages.",
        fix: "Move the annotation to the workload's metadata.annotations.",
        helpURI: DocumentLink.speedscaleTLS,
        triggeringExamples: [
            .deployment(podAnnotations: "↓sidecar.speedscale.com/inject: \"true\""),
            .deployment(annotations: "sidecar.speedscale.com/inject: \"true\"", podAnnotations: "↓sidecar.speedscale.com/tls-out: \"true\""),
        ],
        nonTriggeringExamples: [
            .deployment(annotations: "sidecar.speedscale.com/inject: \"true\"", podAnnotations: "sidecar.istio.io/rewriteAppHTTPProbers: \"true\""),
            .deployment(annotations: "sidecar.speedscale.com/inject: \"true\"", podAnnotations: "sidecar.speedscale.com/inject: \"true\""),
        ])

    package init() {}

    package func check(_ context: WorkloadContext) -> [Finding] {
        let annotations = context.sidecar.annotations
        let onWorkload = Set(annotations.workloadEntries.map(\.key))
        let place = context.workload.kind == .cronJob ? "spec.jobTemplate.metadata.annotations" : "metadata.annotations"
        return annotations.podTemplateEntries.filter { $0.key.hasPrefix(SpeedscaleAnnotation.prefix) && !onWorkload.contains($0.key) }.map { entry in
            Finding(
                Self.description,
                "\(entry.key) is on the pod template only; Speedscale reads it from the \(context.workload.kind.rawValue)'s \(place)",
                at: entry.keyNode.range)
        }
    }
}

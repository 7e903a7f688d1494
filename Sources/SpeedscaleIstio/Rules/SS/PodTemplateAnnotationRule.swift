/// SS002: Speedscale sidecar annotations only on the pod template, not where inject writes them.
package struct PodTemplateAnnotationRule: WorkloadRule {
    package static let description = RuleDescription(
        id: "SS002", title: "Speedscale annotation only on the pod template", severity: .info,
        summary: "Most Speedscale pages put the sidecar annotations on the workload's own metadata.annotations (a CronJob's job template), where inject writes them; some, such as the EKS Auto Mode page, put them on the pod template. Both placements are in Speedscale's documentation, so this is only info: keeping one place lets inject, uninject and readers agree.",
        fix: "If you want one place, move the annotation to the workload's metadata.annotations.",
        helpURI: DocumentLink.speedscaleTLS,
        triggeringExamples: [
            .deployment(podAnnotations: "↓sidecar.speedscale.com/inject: \"true\""),
            .deployment(annotations: "sidecar.speedscale.com/inject: \"true\"", podAnnotations: "↓sidecar.speedscale.com/tls-out: \"true\""),
        ],
        nonTriggeringExamples: [
            .deployment(annotations: "sidecar.speedscale.com/inject: \"true\"", podAnnotations: "sidecar.istio.io/rewriteAppHTTPProbers: \"true\""),
            .deployment(annotations: "sidecar.speedscale.com/inject: \"true\"", podAnnotations: "sidecar.speedscale.com/inject: \"true\""),
        ],
        corrections: [
            RuleCorrection(
                RuleExample.deployment(podAnnotations: "sidecar.speedscale.com/inject: \"true\"").text, .byHand,
                after: RuleExample.deployment(annotations: "sidecar.speedscale.com/inject: \"true\"").text),
        ])

    package init() {}

    package func check(_ context: WorkloadContext) -> [Finding] {
        let annotations = context.sidecar.annotations
        let onWorkload = Set(annotations.workloadEntries.map(\.key))
        let place = context.workload.kind == .cronJob ? "spec.jobTemplate.metadata.annotations" : "metadata.annotations"
        return annotations.podTemplateEntries.filter { $0.key.hasPrefix(SpeedscaleAnnotation.prefix) && !onWorkload.contains($0.key) }.map { entry in
            Finding(
                Self.description,
                "\(entry.key) is only on the pod template; inject and most Speedscale pages use the \(context.workload.kind.rawValue)'s \(place)",
                at: entry.keyNode.range)
        }
    }
}

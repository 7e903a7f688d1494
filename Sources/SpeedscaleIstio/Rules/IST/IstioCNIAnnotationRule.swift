/// IST002: with Istio's CNI agent, injected workloads must carry `istio-cni: "true"`.
package struct IstioCNIAnnotationRule: WorkloadRule {
    package static let description = RuleDescription(
        id: "IST002", title: "istio-cni annotation missing", severity: .warning,
        summary: "When Istio runs with its CNI agent (pods have no istio-init container), Speedscale's Istio page says you \"must\" annotate workloads with sidecar.speedscale.com/istio-cni: \"true\" (operator v2.2.342 and later). Manifests do not show whether the CNI agent is used, so this rule runs only with the setting istioCNI: true, and only for workloads in the mesh.",
        fix: "Add sidecar.speedscale.com/istio-cni: \"true\" to the workload's metadata.annotations (inject --istio-cni writes it).",
        helpURI: DocumentLink.speedscaleIstio,
        triggeringExamples: [
            .deployment(annotations: "↓sidecar.speedscale.com/inject: \"true\"", settings: .with { $0.istioCNI = true }),
            .deployment(
                annotations: "sidecar.speedscale.com/inject: \"true\"\nsidecar.speedscale.com/istio-cni: ↓\"false\"",
                settings: .with { $0.istioCNI = true }),
        ],
        nonTriggeringExamples: [
            .deployment(
                annotations: "sidecar.speedscale.com/inject: \"true\"\nsidecar.speedscale.com/istio-cni: \"true\"",
                settings: .with { $0.istioCNI = true }),
            .deployment(annotations: "sidecar.speedscale.com/inject: \"true\""),
            .deployment(
                annotations: "sidecar.speedscale.com/inject: \"true\"", podLabels: "app: web\nsidecar.istio.io/inject: \"false\"",
                settings: .with { $0.istioCNI = true }),
        ],
        corrections: [
            RuleCorrection(
                RuleExample.deployment(annotations: "sidecar.speedscale.com/inject: \"true\"").text,
                .injecting { $0.mode = .transparent; $0.istioCNI = true }, after: RuleExample.deployment(annotations: "sidecar.speedscale.com/inject: \"true\"\nsidecar.speedscale.com/istio-cni: \"true\"").text, settings: .with { $0.istioCNI = true }),
        ])

    package init() {}

    package func check(_ context: WorkloadContext) -> [Finding] {
        let sidecar = context.sidecar
        guard context.settings.istioCNI, sidecar.isInjected, context.isInMesh,
              !sidecar.annotations.isTrue(SpeedscaleAnnotation.istioCNI) else { return [] }
        if let entry = sidecar.annotations.entry(SpeedscaleAnnotation.istioCNI) {
            let shown = entry.text.map { "\"\($0)\"" } ?? "not a single value"
            return [Finding(
                Self.description,
                "\(entry.key) is \(shown); with Istio's CNI agent (istioCNI: true) it must be \"true\"",
                at: entry.valueNode.range)]
        }
        guard let inject = sidecar.annotations.entry(SpeedscaleAnnotation.inject) else { return [] }
        return [Finding(
            Self.description,
            "workload runs the Speedscale sidecar in a mesh with Istio's CNI agent (istioCNI: true) but has no \(SpeedscaleAnnotation.istioCNI): \"true\"",
            at: inject.keyNode.range)]
    }
}

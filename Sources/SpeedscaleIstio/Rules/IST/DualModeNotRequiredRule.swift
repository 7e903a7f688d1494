/// IST001: dual mode is no longer needed to run the Speedscale sidecar inside Istio (D1).
package struct DualModeNotRequiredRule: WorkloadRule {
    package static let description = RuleDescription(
        id: "IST001", title: "Dual mode no longer required in Istio", severity: .info,
        summary: "Since operator v1.4.227 (January 2024) the Speedscale sidecar runs transparently beside Istio's Envoy; dual mode still works, but it is no longer required, and it needs proxy variables in the app. Reported only for workloads the manifests show in the mesh: sidecar.istio.io/inject: \"true\" or istio.io/rev on the pod, or a Namespace in the run with istio-injection: enabled, istio.io/rev or ambient mode.",
        fix: "Consider transparent mode: kubectl speedscale-istio inject --mode transparent (only sidecar.speedscale.com/inject: \"true\").",
        helpURI: DocumentLink.speedscaleIstio,
        triggeringExamples: [
            meshed.marking("proxy-type: \"dual\"", at: "\"dual\""),
            RuleExample(
                AmbientNamespaceSidecarRule.namespace("istio-injection: enabled") + "---\n"
                    + RuleExample.dual().manifest.replacing("  name: web\n", with: "  name: web\n  namespace: shop\n")).marking("proxy-type: \"dual\"", at: "\"dual\""),
        ],
        nonTriggeringExamples: [
            .deployment(annotations: "sidecar.speedscale.com/inject: \"true\"", podLabels: "app: web\nsidecar.istio.io/inject: \"true\""),
            .deployment(annotations: RuleExample.dualAnnotations, podLabels: "app: web\nsidecar.istio.io/inject: \"false\"", env: RuleExample.dualEnv),
            // Nothing shows the workload in the mesh.
            .dual(),
        ],
        corrections: [
            RuleCorrection(
                meshed.text, .injecting { $0.mode = .transparent },
                after: RuleExample.deployment(annotations: "sidecar.speedscale.com/inject: \"true\"", podLabels: meshedLabels).text),
        ])

    /// The pod labels of a workload that shows it is in the mesh.
    static let meshedLabels = "app: web\nsidecar.istio.io/inject: \"true\""
    /// A dual-mode workload in the mesh.
    static let meshed = RuleExample.deployment(annotations: RuleExample.dualAnnotations, podLabels: meshedLabels, env: RuleExample.dualEnv)

    package init() {}

    package func check(_ context: WorkloadContext) -> [Finding] {
        let sidecar = context.sidecar
        guard sidecar.isInjected, sidecar.proxyType == .dual, context.meshMembership == true,
              let entry = sidecar.annotations.entry(SpeedscaleAnnotation.proxyType) else { return [] }
        return [Finding(
            Self.description,
            "proxy-type \"dual\" is no longer required in Istio with Speedscale operator v1.4.227 and later; transparent mode works beside Envoy (inject --mode transparent)",
            at: entry.valueNode.range)]
    }
}

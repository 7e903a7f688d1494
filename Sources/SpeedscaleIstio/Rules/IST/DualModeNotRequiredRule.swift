/// IST001: dual mode is no longer needed to run the Speedscale sidecar inside Istio (D1).
package struct DualModeNotRequiredRule: WorkloadRule {
    package static let description = RuleDescription(
        id: "IST001", title: "Dual mode no longer required in Istio", severity: .info,
        summary: "Since operator v1.4.227 (January 2024) the Speedscale sidecar runs transparently beside Istio's Envoy; dual mode still works, but it is no longer required, and it needs proxy variables in the app.",
        fix: "Consider transparent mode: kubectl speedscale-istio inject --mode transparent (only sidecar.speedscale.com/inject: \"true\").",
        helpURI: DocumentLink.speedscaleIstio,
        triggeringExamples: [
            .dual().marking("proxy-type: \"dual\"", at: "\"dual\""),
        ],
        nonTriggeringExamples: [
            .deployment(annotations: "sidecar.speedscale.com/inject: \"true\""),
            .deployment(annotations: RuleExample.dualAnnotations, podLabels: "app: web\nsidecar.istio.io/inject: \"false\"", env: RuleExample.dualEnv),
            .dual(settings: .with { $0.meshedByDefault = false }),
        ])

    package init() {}

    package func check(_ context: WorkloadContext) -> [Finding] {
        let sidecar = context.sidecar
        guard sidecar.isInjected, sidecar.proxyType == .dual, context.isInMesh,
              let entry = sidecar.annotations.entry(SpeedscaleAnnotation.proxyType) else { return [] }
        return [Finding(
            Self.description,
            "proxy-type \"dual\" is no longer required in Istio with Speedscale operator v1.4.227 and later; transparent mode works beside Envoy (inject --mode transparent)",
            at: entry.valueNode.range)]
    }
}

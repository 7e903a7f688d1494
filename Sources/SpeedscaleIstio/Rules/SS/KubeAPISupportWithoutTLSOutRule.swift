/// SS016: `kube-api-support` needs `tls-out`.
package struct KubeAPISupportWithoutTLSOutRule: WorkloadRule {
    package static let description = RuleDescription(
        id: "SS016", title: "kube-api-support without tls-out", severity: .warning,
        summary: "kube-api-support requires outbound TLS interception (tls-out); without it the annotation does nothing.",
        fix: "Add sidecar.speedscale.com/tls-out: \"true\" (or set assumeTLSOut when the operator turns it on for every workload).",
        helpURI: DocumentLink.speedscaleAnnotations,
        triggeringExamples: [
            .deployment(annotations: "sidecar.speedscale.com/inject: \"true\"\n↓sidecar.speedscale.com/kube-api-support: \"true\""),
        ],
        nonTriggeringExamples: [
            .deployment(annotations: "sidecar.speedscale.com/inject: \"true\"\nsidecar.speedscale.com/tls-out: \"true\"\nsidecar.speedscale.com/kube-api-support: \"true\""),
            .deployment(
                annotations: "sidecar.speedscale.com/inject: \"true\"\nsidecar.speedscale.com/kube-api-support: \"true\"",
                settings: .with { $0.assumeTLSOut = true }),
        ])

    package init() {}

    package func check(_ context: WorkloadContext) -> [Finding] {
        let sidecar = context.sidecar
        guard !sidecar.tlsOut, sidecar.annotations.isTrue(SpeedscaleAnnotation.kubeAPISupport),
              let entry = sidecar.annotations.entry(SpeedscaleAnnotation.kubeAPISupport) else { return [] }
        return [Finding(Self.description, "\(entry.key): \"true\" has no effect without sidecar.speedscale.com/tls-out: \"true\"", at: entry.keyNode.range)]
    }
}

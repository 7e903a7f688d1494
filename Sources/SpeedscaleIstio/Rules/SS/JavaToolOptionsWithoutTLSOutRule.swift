/// SS017: `tls-java-tool-options(-value)` is only used with `tls-out`.
package struct JavaToolOptionsWithoutTLSOutRule: WorkloadRule {
    package static let description = RuleDescription(
        id: "SS017", title: "tls-java-tool-options without tls-out", severity: .warning,
        summary: "The operator writes JAVA_TOOL_OPTIONS from tls-java-tool-options or tls-java-tool-options-value \"only when tls-out is enabled\"; without tls-out the JVM gets neither the truststore nor the flags.",
        fix: "Add sidecar.speedscale.com/tls-out: \"true\" (or set assumeTLSOut when the operator turns it on for every workload).",
        helpURI: DocumentLink.speedscaleAnnotations,
        triggeringExamples: [
            .deployment(annotations: "sidecar.speedscale.com/inject: \"true\"\n↓sidecar.speedscale.com/tls-java-tool-options: \"true\""),
            .deployment(annotations: "sidecar.speedscale.com/inject: \"true\"\n↓sidecar.speedscale.com/tls-java-tool-options-value: \"-Xmx512m\""),
        ],
        nonTriggeringExamples: [
            .deployment(annotations: "sidecar.speedscale.com/inject: \"true\"\nsidecar.speedscale.com/tls-out: \"true\"\nsidecar.speedscale.com/tls-java-tool-options: \"true\""),
            .deployment(annotations: "sidecar.speedscale.com/inject: \"true\"\nsidecar.speedscale.com/tls-java-tool-options: \"false\""),
        ])

    package init() {}

    package func check(_ context: WorkloadContext) -> [Finding] {
        let sidecar = context.sidecar
        guard !sidecar.tlsOut else { return [] }
        var findings: [Finding] = []
        if sidecar.annotations.isTrue(SpeedscaleAnnotation.tlsJavaToolOptions), let entry = sidecar.annotations.entry(SpeedscaleAnnotation.tlsJavaToolOptions) {
            findings.append(Finding(Self.description, "\(entry.key): \"true\" is only used when tls-out is enabled; add sidecar.speedscale.com/tls-out: \"true\"", at: entry.keyNode.range))
        }
        if let entry = sidecar.annotations.entry(SpeedscaleAnnotation.tlsJavaToolOptionsValue) {
            findings.append(Finding(Self.description, "\(entry.key) is only used when tls-out is enabled; add sidecar.speedscale.com/tls-out: \"true\"", at: entry.keyNode.range))
        }
        return findings
    }
}

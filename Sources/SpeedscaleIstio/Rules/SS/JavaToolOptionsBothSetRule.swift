/// SS018: `tls-java-tool-options-value` wins over `tls-java-tool-options`.
package struct JavaToolOptionsBothSetRule: WorkloadRule {
    package static let description = RuleDescription(
        id: "SS018", title: "Both tls-java-tool-options annotations", severity: .info,
        summary: "When both are set, tls-java-tool-options-value replaces the JAVA_TOOL_OPTIONS that tls-java-tool-options would write; it must then carry the truststore flags itself.",
        fix: "Keep one: the -value annotation with the complete flag string, or tls-java-tool-options: \"true\".",
        helpURI: DocumentLink.speedscaleAnnotations,
        triggeringExamples: [
            .deployment(annotations: """
                sidecar.speedscale.com/tls-out: "true"
                sidecar.speedscale.com/tls-java-tool-options: "true"
                ↓sidecar.speedscale.com/tls-java-tool-options-value: "-Djavax.net.ssl.trustStore=/etc/ssl/speedscale/jks/cacerts.jks"
                """),
        ],
        nonTriggeringExamples: [
            .deployment(annotations: "sidecar.speedscale.com/tls-out: \"true\"\nsidecar.speedscale.com/tls-java-tool-options: \"true\""),
        ])

    package init() {}

    package func check(_ context: WorkloadContext) -> [Finding] {
        let annotations = context.sidecar.annotations
        guard annotations.isTrue(SpeedscaleAnnotation.tlsJavaToolOptions), let entry = annotations.entry(SpeedscaleAnnotation.tlsJavaToolOptionsValue) else {
            return []
        }
        return [Finding(Self.description, "\(entry.key) replaces what tls-java-tool-options: \"true\" would write; it must carry the truststore flags itself", at: entry.keyNode.range)]
    }
}

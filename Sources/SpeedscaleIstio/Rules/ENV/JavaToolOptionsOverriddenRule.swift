/// ENV013: the container sets `JAVA_TOOL_OPTIONS` while the operator writes its own.
package struct JavaToolOptionsOverriddenRule: WorkloadRule {
    package static let description = RuleDescription(
        id: "ENV013", title: "JAVA_TOOL_OPTIONS beside tls-java-tool-options", severity: .warning,
        summary: "With tls-out, tls-java-tool-options: \"true\" or tls-java-tool-options-value makes the operator write JAVA_TOOL_OPTIONS on the app container, overriding the container's own; the flags set there (proxy settings, memory, agents) may be lost. How the two are merged is not documented.",
        fix: "Merge the container's JAVA_TOOL_OPTIONS into sidecar.speedscale.com/tls-java-tool-options-value, together with the truststore flags, and remove it from the container.",
        helpURI: DocumentLink.speedscaleAnnotations,
        triggeringExamples: [
            .deployment(
                annotations: "sidecar.speedscale.com/inject: \"true\"\nsidecar.speedscale.com/tls-out: \"true\"\nsidecar.speedscale.com/tls-java-tool-options: \"true\"",
                env: "- ↓name: JAVA_TOOL_OPTIONS\n  value: -Xmx512m"),
        ],
        nonTriggeringExamples: [
            .deployment(
                annotations: "sidecar.speedscale.com/inject: \"true\"\nsidecar.speedscale.com/tls-out: \"true\"\nsidecar.speedscale.com/tls-java-tool-options-value: \"-Xmx512m -Djavax.net.ssl.trustStore=/etc/ssl/speedscale/jks/cacerts.jks -Djavax.net.ssl.trustStorePassword=changeit\""),
            .deployment(
                annotations: "sidecar.speedscale.com/inject: \"true\"\nsidecar.speedscale.com/tls-java-tool-options: \"true\"",
                env: "- name: JAVA_TOOL_OPTIONS\n  value: -Xmx512m"),
        ])

    package init() {}

    package func check(_ context: WorkloadContext) -> [Finding] {
        let sidecar = context.sidecar
        let annotations = sidecar.annotations
        guard sidecar.isInjected, sidecar.tlsOut else { return [] }
        let key: String
        if annotations.entry(SpeedscaleAnnotation.tlsJavaToolOptionsValue) != nil {
            key = SpeedscaleAnnotation.tlsJavaToolOptionsValue
        } else if annotations.isTrue(SpeedscaleAnnotation.tlsJavaToolOptions) {
            key = SpeedscaleAnnotation.tlsJavaToolOptions
        } else {
            return []
        }
        return context.checkedContainers.compactMap { container in
            guard let variable = ProxyEnvironment(container).variables["JAVA_TOOL_OPTIONS"] else { return nil }
            return Finding(
                Self.description,
                "container \"\(container.name ?? "")\" sets JAVA_TOOL_OPTIONS, which the operator overrides because of \(key); merge its flags into \(SpeedscaleAnnotation.tlsJavaToolOptionsValue)",
                at: variable.node.range)
        }
    }
}

/// ENV013: the container sets `JAVA_TOOL_OPTIONS` while the operator writes its own.
package struct JavaToolOptionsOverriddenRule: WorkloadRule {
    package static let description = RuleDescription(
        id: "ENV013", title: "JAVA_TOOL_OPTIONS beside tls-java-tool-options", severity: .warning,
        summary: "With tls-out, tls-java-tool-options: \"true\" or tls-java-tool-options-value makes the operator write JAVA_TOOL_OPTIONS on the app container, overriding the container's own; the flags set there (proxy settings, memory, agents) and not repeated in tls-java-tool-options-value may be lost. How the two are merged is not documented.",
        fix: "Merge the container's JAVA_TOOL_OPTIONS into sidecar.speedscale.com/tls-java-tool-options-value, together with the truststore flags (kubectl speedscale-istio inject --tls-out does, for Java), or remove it from the container.",
        helpURI: DocumentLink.speedscaleAnnotations,
        triggeringExamples: [
            .deployment(
                annotations: "sidecar.speedscale.com/inject: \"true\"\nsidecar.speedscale.com/tls-out: \"true\"\nsidecar.speedscale.com/tls-java-tool-options: \"true\"",
                env: "- ↓name: JAVA_TOOL_OPTIONS\n  value: -Xmx512m"),
            .deployment(
                annotations: "sidecar.speedscale.com/inject: \"true\"\nsidecar.speedscale.com/tls-out: \"true\"\nsidecar.speedscale.com/tls-java-tool-options-value: \"-Xmx512m -Djavax.net.ssl.trustStore=/etc/ssl/speedscale/jks/cacerts.jks\"",
                env: "- ↓name: JAVA_TOOL_OPTIONS\n  value: -Xmx512m -javaagent:/otel.jar"),
        ],
        nonTriggeringExamples: [
            .deployment(
                annotations: "sidecar.speedscale.com/inject: \"true\"\nsidecar.speedscale.com/tls-out: \"true\"\nsidecar.speedscale.com/tls-java-tool-options-value: \"-Xmx512m -Djavax.net.ssl.trustStore=/etc/ssl/speedscale/jks/cacerts.jks -Djavax.net.ssl.trustStorePassword=changeit\""),
            .deployment(
                annotations: "sidecar.speedscale.com/inject: \"true\"\nsidecar.speedscale.com/tls-java-tool-options: \"true\"",
                env: "- name: JAVA_TOOL_OPTIONS\n  value: -Xmx512m"),
            // Every option of the container's is in the annotation, or set there anew.
            .deployment(
                annotations: "sidecar.speedscale.com/inject: \"true\"\nsidecar.speedscale.com/tls-out: \"true\"\nsidecar.speedscale.com/tls-java-tool-options-value: \"-Xmx512m -Dhttp.proxyHost=localhost -Djavax.net.ssl.trustStore=/etc/ssl/speedscale/jks/cacerts.jks\"",
                env: "- name: JAVA_TOOL_OPTIONS\n  value: -Xmx512m -Dhttp.proxyHost=corp-proxy"),
        ],
        corrections: [
            RuleCorrection(
                RuleExample.deployment(
                    annotations: "sidecar.speedscale.com/inject: \"true\"\nsidecar.speedscale.com/tls-out: \"true\"\nsidecar.speedscale.com/tls-java-tool-options: \"true\"",
                    container: "- name: web\n  image: eclipse-temurin:21\n  env:\n  - name: JAVA_TOOL_OPTIONS\n    value: -Xmx512m").text,
                after: RuleExample.deployment(
                    annotations: "sidecar.speedscale.com/inject: \"true\"\nsidecar.speedscale.com/tls-out: \"true\"\nsidecar.speedscale.com/tls-java-tool-options: \"true\"\nsidecar.speedscale.com/tls-java-tool-options-value: \"-Xmx512m -Djavax.net.ssl.trustStore=/etc/ssl/speedscale/jks/cacerts.jks -Djavax.net.ssl.trustStorePassword=changeit\"",
                    container: "- name: web\n  image: eclipse-temurin:21\n  env:\n  - name: JAVA_TOOL_OPTIONS\n    value: -Xmx512m").text),
        ])

    package init() {}

    package func check(_ context: WorkloadContext) -> [Finding] {
        let sidecar = context.sidecar
        let annotations = sidecar.annotations
        guard sidecar.isInjected, sidecar.tlsOut else { return [] }
        let value = annotations.entry(SpeedscaleAnnotation.tlsJavaToolOptionsValue)?.text
        let key: String
        if value != nil {
            key = SpeedscaleAnnotation.tlsJavaToolOptionsValue
        } else if annotations.isTrue(SpeedscaleAnnotation.tlsJavaToolOptions) {
            key = SpeedscaleAnnotation.tlsJavaToolOptions
        } else {
            return []
        }
        // The operator's value replaces the container's: an option of the container's is kept
        // only when the annotation repeats it, or sets the same property anew.
        let written = JavaOptionsText.words(value ?? "")
        let writtenProperties = Set(written.compactMap(JavaOptionsText.propertyName(of:)))
        return context.checkedContainers.compactMap { container in
            guard let variable = ProxyEnvironment(container).variables[JavaTrustStore.toolOptionsVariable] else { return nil }
            let lost = JavaOptionsText.words(variable.value ?? "").filter { option in
                !written.contains(option) && !(JavaOptionsText.propertyName(of: option).map(writtenProperties.contains) ?? false)
            }
            guard !lost.isEmpty || variable.hasValueFrom else { return nil }
            let what = variable.hasValueFrom ? "sets JAVA_TOOL_OPTIONS through valueFrom" : "sets JAVA_TOOL_OPTIONS with \(lost.joined(separator: " "))"
            return Finding(
                Self.description,
                "container \"\(container.name ?? "")\" \(what), which the operator overrides because of \(key); merge its flags into \(SpeedscaleAnnotation.tlsJavaToolOptionsValue)",
                at: variable.node.range)
        }
    }
}

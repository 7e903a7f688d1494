/// TLS002: with tls-out, a JVM truststore other than the Speedscale JKS must hold the Speedscale CA.
package struct CustomTrustStoreRule: WorkloadRule {
    package static let description = RuleDescription(
        id: "TLS002", title: "Custom JVM truststore with tls-out", severity: .warning,
        summary: "With tls-out the operator mounts the speedscale-jks truststore (the Speedscale CA plus the JDK's default CAs) at /etc/ssl/speedscale/jks/cacerts.jks. A -Djavax.net.ssl.trustStore that points elsewhere makes the JVM trust only that store, which must then include the Speedscale CA, or TLS calls fail with PKIX errors and are not decrypted.",
        fix: "Use -Djavax.net.ssl.trustStore=/etc/ssl/speedscale/jks/cacerts.jks, or import the Speedscale CA into the custom truststore (keytool -importcert -alias speedscale-root ...).",
        helpURI: DocumentLink.speedscaleTLS,
        triggeringExamples: [
            .deployment(
                annotations: "sidecar.speedscale.com/inject: \"true\"\nsidecar.speedscale.com/tls-out: \"true\"",
                env: "- name: JAVA_TOOL_OPTIONS\n  value: ↓-Djavax.net.ssl.trustStore=/opt/app/truststore.jks -Djavax.net.ssl.trustStorePassword=secret"),
            .deployment(annotations: """
                sidecar.speedscale.com/inject: "true"
                sidecar.speedscale.com/tls-out: "true"
                sidecar.speedscale.com/tls-java-tool-options-value: ↓"-Djavax.net.ssl.trustStore=/etc/ssl/certs/java/cacerts"
                """),
        ],
        nonTriggeringExamples: [
            .deployment(
                annotations: "sidecar.speedscale.com/inject: \"true\"\nsidecar.speedscale.com/tls-out: \"true\"",
                env: "- name: JAVA_TOOL_OPTIONS\n  value: -Djavax.net.ssl.trustStore=/etc/ssl/speedscale/jks/cacerts.jks -Djavax.net.ssl.trustStorePassword=changeit"),
            .deployment(
                annotations: "sidecar.speedscale.com/inject: \"true\"",
                env: "- name: JAVA_TOOL_OPTIONS\n  value: -Djavax.net.ssl.trustStore=/opt/app/truststore.jks"),
        ])

    package init() {}

    package func check(_ context: WorkloadContext) -> [Finding] {
        let sidecar = context.sidecar
        guard sidecar.isInjected, sidecar.tlsOut else { return [] }
        return context.javaOptionSources.compactMap { source in
            guard let path = source.options[JVMOptions.trustStore], path != JVMOptions.speedscaleTrustStore,
                  !JVMOptions.isExpanded(path) else { return nil }
            return Finding(
                Self.description,
                "-D\(JVMOptions.trustStore)=\(path) \(source.place) is not the Speedscale JKS (\(JVMOptions.speedscaleTrustStore)); with tls-out this truststore must include the Speedscale CA",
                at: source.node.range)
        }
    }
}

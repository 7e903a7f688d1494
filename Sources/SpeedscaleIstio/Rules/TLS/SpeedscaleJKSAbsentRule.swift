import KubeManifests

/// TLS007: the Speedscale truststore in use while the operator's chart does not create it.
package struct SpeedscaleJKSAbsentRule: WorkloadRule {
    package static let description = RuleDescription(
        id: "TLS007", title: "Speedscale JKS used while the chart does not create it", severity: .info,
        summary: "The operator's Helm chart creates the speedscale-jks secret (the Speedscale CA and the JDK's default CAs) only with createJKS: true, its default. With createJKS: false (settings.createJKS: false in the configuration file), /etc/ssl/speedscale/jks/cacerts.jks does not exist, and a JVM told to use it cannot open its truststore.",
        fix: "Install the chart with createJKS: true, or import the Speedscale CA into a truststore of your own (keytool -importcert -alias speedscale-root ...) and point -Djavax.net.ssl.trustStore at it.",
        helpURI: DocumentLink.speedscaleTLS,
        triggeringExamples: [
            .deployment(
                annotations: "sidecar.speedscale.com/inject: \"true\"\nsidecar.speedscale.com/tls-out: \"true\"\nsidecar.speedscale.com/tls-java-tool-options: ↓\"true\"",
                container: "- name: web\n  image: eclipse-temurin:21", settings: .with { $0.createJKS = false }),
            .deployment(
                annotations: "sidecar.speedscale.com/inject: \"true\"\nsidecar.speedscale.com/tls-out: \"true\"",
                container: "- name: web\n  image: eclipse-temurin:21\n  env:\n  - name: JAVA_TOOL_OPTIONS\n    value: ↓-Djavax.net.ssl.trustStore=/etc/ssl/speedscale/jks/cacerts.jks",
                settings: .with { $0.createJKS = false }),
        ],
        nonTriggeringExamples: [
            .deployment(
                annotations: "sidecar.speedscale.com/inject: \"true\"\nsidecar.speedscale.com/tls-out: \"true\"\nsidecar.speedscale.com/tls-java-tool-options: \"true\"",
                container: "- name: web\n  image: eclipse-temurin:21"),
            .deployment(
                annotations: "sidecar.speedscale.com/inject: \"true\"\nsidecar.speedscale.com/tls-out: \"true\"",
                container: "- name: web\n  image: eclipse-temurin:21\n  env:\n  - name: JAVA_TOOL_OPTIONS\n    value: -Djavax.net.ssl.trustStore=/opt/app/truststore.jks",
                settings: .with { $0.createJKS = false }),
            .deployment(
                annotations: "sidecar.speedscale.com/inject: \"true\"\nsidecar.speedscale.com/tls-java-tool-options: \"true\"",
                container: "- name: web\n  image: eclipse-temurin:21", settings: .with { $0.createJKS = false }),
        ])

    package init() {}

    package func check(_ context: WorkloadContext) -> [Finding] {
        let sidecar = context.sidecar
        guard !context.settings.createJKS, sidecar.isInjected, sidecar.tlsOut else { return [] }
        let message = "the Speedscale truststore \(JVMOptions.speedscaleTrustStore) is in use, but the chart does not create the speedscale-jks secret (createJKS: false), so it will not exist"
        if let entry = sidecar.annotations.entry(SpeedscaleAnnotation.tlsJavaToolOptions), entry.text == "true",
           sidecar.annotations.entry(SpeedscaleAnnotation.tlsJavaToolOptionsValue) == nil {
            return [Finding(Self.description, "\(SpeedscaleAnnotation.tlsJavaToolOptions) points the JVM at \(message.dropFirst(4))", at: entry.valueNode.range)]
        }
        return context.javaOptionSources.filter { $0.options[JVMOptions.trustStore] == JVMOptions.speedscaleTrustStore }.map { source in
            Finding(Self.description, "-D\(JVMOptions.trustStore) \(source.place): \(message)", at: source.node.range)
        }
    }
}

/// TLS003: the Speedscale JKS opens with the password `changeit`.
package struct TrustStorePasswordRule: WorkloadRule {
    package static let description = RuleDescription(
        id: "TLS003", title: "Wrong password for the Speedscale JKS", severity: .warning,
        summary: "The speedscale-jks truststore at /etc/ssl/speedscale/jks/cacerts.jks has the password changeit; with another -Djavax.net.ssl.trustStorePassword the JVM cannot open it, and TLS calls fail.",
        fix: "Use -Djavax.net.ssl.trustStorePassword=changeit with the Speedscale JKS.",
        helpURI: DocumentLink.speedscaleTLS,
        triggeringExamples: [
            .deployment(
                annotations: "sidecar.speedscale.com/inject: \"true\"\nsidecar.speedscale.com/tls-out: \"true\"",
                env: "- name: JAVA_TOOL_OPTIONS\n  value: ↓-Djavax.net.ssl.trustStore=/etc/ssl/speedscale/jks/cacerts.jks -Djavax.net.ssl.trustStorePassword=password"),
        ],
        nonTriggeringExamples: [
            .deployment(
                annotations: "sidecar.speedscale.com/inject: \"true\"\nsidecar.speedscale.com/tls-out: \"true\"",
                env: "- name: JAVA_TOOL_OPTIONS\n  value: -Djavax.net.ssl.trustStore=/etc/ssl/speedscale/jks/cacerts.jks -Djavax.net.ssl.trustStorePassword=changeit"),
            .deployment(
                annotations: "sidecar.speedscale.com/inject: \"true\"\nsidecar.speedscale.com/tls-out: \"true\"",
                env: "- name: JAVA_TOOL_OPTIONS\n  value: -Djavax.net.ssl.trustStore=/opt/app/truststore.jks -Djavax.net.ssl.trustStorePassword=password"),
        ])

    package init() {}

    package func check(_ context: WorkloadContext) -> [Finding] {
        guard context.sidecar.isInjected else { return [] }
        return context.javaOptionSources.compactMap { source in
            guard source.options[JVMOptions.trustStore] == JVMOptions.speedscaleTrustStore,
                  let password = source.options[JVMOptions.trustStorePassword], password != JVMOptions.speedscaleTrustStorePassword,
                  !JVMOptions.isExpanded(password) else { return nil }
            return Finding(
                Self.description,
                "-D\(JVMOptions.trustStorePassword)=\(password) \(source.place) does not open the Speedscale JKS, whose password is \(JVMOptions.speedscaleTrustStorePassword)",
                at: source.node.range)
        }
    }
}

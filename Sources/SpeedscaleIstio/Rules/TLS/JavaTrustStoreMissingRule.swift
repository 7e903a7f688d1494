import KubeManifests

/// TLS001: with tls-out, a JVM trusts the Speedscale CA only through a truststore flag.
package struct JavaTrustStoreMissingRule: WorkloadRule {
    package static let description = RuleDescription(
        id: "TLS001", title: "Java app without a truststore with tls-out", severity: .error,
        summary: "With tls-out the sidecar re-signs outbound TLS with the Speedscale CA. A JVM does not read the CA variables the operator sets for other runtimes; it trusts the Speedscale CA only through the speedscale-jks truststore (-Djavax.net.ssl.trustStore=/etc/ssl/speedscale/jks/cacerts.jks, password changeit), given by tls-java-tool-options: \"true\", tls-java-tool-options-value or JAVA_TOOL_OPTIONS. Without it, TLS calls fail with PKIX errors and are not decrypted.",
        fix: "Run kubectl speedscale-istio inject --tls-out (it detects Java, or pass --runtime java): it writes the truststore flags, with the proxy flags and the container's own JAVA_TOOL_OPTIONS, into sidecar.speedscale.com/tls-java-tool-options-value. Or add sidecar.speedscale.com/tls-java-tool-options: \"true\".",
        helpURI: DocumentLink.speedscaleJava,
        triggeringExamples: [
            .deployment(
                annotations: "sidecar.speedscale.com/inject: \"true\"\nsidecar.speedscale.com/tls-out: \"true\"",
                container: "- ↓name: web\n  image: eclipse-temurin:21\n  ports:\n  - containerPort: 8080"),
            .deployment(
                annotations: RuleExample.dualAnnotations + "\nsidecar.speedscale.com/tls-out: \"true\"",
                container: "- ↓name: web\n  image: example/orders:1.0\n  env:\n  - name: JAVA_TOOL_OPTIONS\n    value: -Dhttp.proxyHost=localhost -Dhttp.proxyPort=4140 -Dhttps.proxyHost=localhost -Dhttps.proxyPort=4140"),
        ],
        nonTriggeringExamples: [
            .deployment(
                annotations: "sidecar.speedscale.com/inject: \"true\"\nsidecar.speedscale.com/tls-out: \"true\"\nsidecar.speedscale.com/tls-java-tool-options: \"true\"",
                container: "- name: web\n  image: eclipse-temurin:21"),
            .deployment(
                annotations: "sidecar.speedscale.com/inject: \"true\"\nsidecar.speedscale.com/tls-out: \"true\"\nsidecar.speedscale.com/tls-java-tool-options-value: \"-Xmx1g -Djavax.net.ssl.trustStore=/etc/ssl/speedscale/jks/cacerts.jks -Djavax.net.ssl.trustStorePassword=changeit\"",
                container: "- name: web\n  image: eclipse-temurin:21"),
            .deployment(
                annotations: "sidecar.speedscale.com/inject: \"true\"\nsidecar.speedscale.com/tls-out: \"true\"",
                container: "- name: web\n  image: eclipse-temurin:21\n  command: [\"sh\", \"-c\", \"exec java $JAVA_OPTS -jar /app.jar\"]\n  env:\n  - name: JAVA_OPTS\n    value: -Djavax.net.ssl.trustStore=/etc/ssl/speedscale/jks/cacerts.jks"),
            .deployment(annotations: "sidecar.speedscale.com/inject: \"true\"", container: "- name: web\n  image: eclipse-temurin:21"),
            .deployment(annotations: "sidecar.speedscale.com/inject: \"true\"\nsidecar.speedscale.com/tls-out: \"true\"", container: "- name: web\n  image: python:3.12"),
        ],
        corrections: [
            RuleCorrection(
                RuleExample.deployment(
                    annotations: "sidecar.speedscale.com/inject: \"true\"\nsidecar.speedscale.com/tls-out: \"true\"",
                    container: "- name: web\n  image: eclipse-temurin:21\n  ports:\n  - containerPort: 8080").text,
                after: RuleExample.deployment(
                    annotations: "sidecar.speedscale.com/inject: \"true\"\nsidecar.speedscale.com/tls-out: \"true\"\nsidecar.speedscale.com/tls-java-tool-options-value: \"-Djavax.net.ssl.trustStore=/etc/ssl/speedscale/jks/cacerts.jks -Djavax.net.ssl.trustStorePassword=changeit\"",
                    container: "- name: web\n  image: eclipse-temurin:21\n  ports:\n  - containerPort: 8080").text),
        ])

    package init() {}

    package func check(_ context: WorkloadContext) -> [Finding] {
        let sidecar = context.sidecar
        guard sidecar.isInjected, sidecar.tlsOut, !sidecar.annotations.isTrue(SpeedscaleAnnotation.tlsJavaToolOptions) else { return [] }
        return context.checkedContainers.compactMap { container in
            let runtime = context.runtime(of: container)
            guard runtime.runtime == .java else { return nil }
            if context.javaOptions(reaching: container).contains(where: { $0[JVMOptions.trustStore] != nil }) { return nil }
            return Finding(
                Self.description,
                "container \"\(container.name ?? "")\" runs Java (\(runtime.reason)) with tls-out, but nothing gives its JVM the Speedscale truststore (-D\(JVMOptions.trustStore)=\(JVMOptions.speedscaleTrustStore)); its TLS calls will fail with PKIX errors",
                at: container.node.start..<container.node.start)
        }
    }
}

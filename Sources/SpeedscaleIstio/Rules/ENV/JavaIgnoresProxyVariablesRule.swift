import KubeManifests

/// ENV011: a JVM with the proxy variables and no JVM proxy flags sends nothing to the sidecar.
package struct JavaIgnoresProxyVariablesRule: WorkloadRule {
    package static let description = RuleDescription(
        id: "ENV011", title: "Java app with only the proxy variables", severity: .error,
        summary: "The JVM does not read HTTP_PROXY or HTTPS_PROXY (a JDK 17 HttpClient was measured ignoring them); it uses a proxy only when told with -Dhttp.proxyHost/-Dhttp.proxyPort and -Dhttps.proxyHost/-Dhttps.proxyPort (or -DsocksProxyHost) in JAVA_TOOL_OPTIONS. A Java container with only the proxy variables sends its outbound traffic past the sidecar: injection succeeds, outbound capture stays empty.",
        fix: "Run kubectl speedscale-istio inject (it detects Java, or pass --runtime java): it writes the JVM proxy flags into JAVA_TOOL_OPTIONS, or with tls-out into sidecar.speedscale.com/tls-java-tool-options-value.",
        helpURI: DocumentLink.speedscaleJava,
        triggeringExamples: [
            .deployment(
                annotations: RuleExample.dualAnnotations,
                container: "- name: web\n  image: eclipse-temurin:21\n  ports:\n  - containerPort: 8080\n  env:\n  - name: HTTP_PROXY\n    value: ↓http://localhost:4140\n  - name: HTTPS_PROXY\n    value: http://localhost:4140"),
            .deployment(
                annotations: RuleExample.dualAnnotations,
                container: "- name: web\n  image: example/orders:1.0\n  command: [\"java\", \"-jar\", \"/app.jar\"]\n  env:\n  - name: HTTPS_PROXY\n    value: ↓http://localhost:4140\n  - name: JAVA_OPTS\n    value: -Dhttp.proxyHost=localhost"),
        ],
        nonTriggeringExamples: [
            .deployment(
                annotations: RuleExample.dualAnnotations,
                container: "- name: web\n  image: eclipse-temurin:21\n  env:\n  - name: JAVA_TOOL_OPTIONS\n    value: -Dhttp.proxyHost=localhost -Dhttp.proxyPort=4140 -Dhttps.proxyHost=localhost -Dhttps.proxyPort=4140"),
            .deployment(
                annotations: RuleExample.dualAnnotations + "\nsidecar.speedscale.com/tls-out: \"true\"\nsidecar.speedscale.com/tls-java-tool-options-value: \"-Dhttp.proxyHost=localhost -Dhttp.proxyPort=4140 -Dhttps.proxyHost=localhost -Dhttps.proxyPort=4140\"",
                container: "- name: web\n  image: eclipse-temurin:21\n  env:\n  - name: HTTP_PROXY\n    value: http://localhost:4140"),
            .deployment(
                annotations: RuleExample.dualAnnotations,
                container: "- name: web\n  image: example/orders:1.0\n  command: [\"sh\", \"-c\", \"exec java $JAVA_OPTS -jar /app.jar\"]\n  env:\n  - name: HTTPS_PROXY\n    value: http://localhost:4140\n  - name: JAVA_OPTS\n    value: -Dhttps.proxyHost=localhost -Dhttps.proxyPort=4140"),
            .dual(),
            .deployment(annotations: "sidecar.speedscale.com/inject: \"true\"", container: "- name: web\n  image: eclipse-temurin:21\n  env:\n  - name: HTTP_PROXY\n    value: http://corp-proxy:3128"),
        ],
        corrections: [
            RuleCorrection(
                RuleExample.deployment(
                    annotations: RuleExample.dualAnnotations,
                    container: "- name: web\n  image: eclipse-temurin:21\n  ports:\n  - containerPort: 8080\n  env:\n  - name: HTTP_PROXY\n    value: http://localhost:4140\n  - name: HTTPS_PROXY\n    value: http://localhost:4140\n  - name: NO_PROXY\n    value: localhost,127.0.0.1").text,
                after: RuleExample.deployment(
                    annotations: RuleExample.dualAnnotations,
                    container: "- name: web\n  image: eclipse-temurin:21\n  ports:\n  - containerPort: 8080\n  env:\n  - name: JAVA_TOOL_OPTIONS\n    value: -Dhttp.proxyHost=localhost -Dhttp.proxyPort=4140 -Dhttps.proxyHost=localhost -Dhttps.proxyPort=4140 -Dhttp.nonProxyHosts=localhost|127.0.0.1").text),
        ])

    package init() {}

    package func check(_ context: WorkloadContext) -> [Finding] {
        context.forwardProxyEnvironments.compactMap { environment in
            let container = environment.container
            let runtime = context.runtime(of: container)
            guard runtime.runtime == .java, !context.javaProxyFlags(reaching: container) else { return nil }
            guard let first = environment.endpoints().first(where: { $0.form == .url }) else { return nil }
            return Finding(
                Self.description,
                "container \"\(container.name ?? "")\" runs Java (\(runtime.reason)), and the JVM does not read \(first.name); without -Dhttp.proxyHost/-Dhttps.proxyHost and their ports in JAVA_TOOL_OPTIONS its outbound traffic bypasses the sidecar and is not captured",
                at: first.node.range)
        }
    }
}

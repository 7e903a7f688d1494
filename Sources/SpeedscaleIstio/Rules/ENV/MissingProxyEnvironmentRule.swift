import KubeManifests

/// ENV001: in forward and dual mode the app itself must send outbound traffic to the sidecar.
package struct MissingProxyEnvironmentRule: WorkloadRule {
    package static let description = RuleDescription(
        id: "ENV001", title: "App has no proxy configuration", severity: .error,
        summary: "forward and dual modes do not reconfigure the application: \"sidecar injection can succeed while outbound capture stays empty\" unless the app sends its traffic to the forward proxy (HTTP_PROXY/HTTPS_PROXY, ALL_PROXY, GLOBAL_AGENT_*, or JVM proxy flags).",
        fix: "Set HTTP_PROXY and HTTPS_PROXY to http://localhost:4140 on the app container (kubectl speedscale-istio inject does this), or JVM -Dhttp(s).proxyHost/Port flags for Java.",
        helpURI: DocumentLink.speedscaleProxyModes,
        triggeringExamples: [
            .deployment(
                annotations: RuleExample.dualAnnotations,
                container: "- ↓name: web\n  image: example/web:1.0\n  ports:\n  - containerPort: 8080\n  env:\n  - name: LOG_LEVEL\n    value: info"),
            .deployment(
                annotations: "sidecar.speedscale.com/inject: \"true\"\nsidecar.speedscale.com/proxy-type: \"forward\"",
                container: "- ↓name: web\n  image: example/web:1.0"),
        ],
        nonTriggeringExamples: [
            .dual(),
            .dual(env: "- name: JAVA_TOOL_OPTIONS\n  value: -Dhttp.proxyHost=127.0.0.1 -Dhttp.proxyPort=4140 -Dhttps.proxyHost=127.0.0.1 -Dhttps.proxyPort=4140"),
            .deployment(annotations: "sidecar.speedscale.com/inject: \"true\""),
            .deployment(annotations: RuleExample.dualAnnotations + "\nsidecar.speedscale.com/extra-container-env-vars: \"JAVA_TOOL_OPTIONS=-Dhttp.proxyHost=localhost -Dhttp.proxyPort=4140\""),
        ],
        corrections: [
            RuleCorrection(RuleExample.deployment(annotations: RuleExample.dualAnnotations).text, after: RuleExample.dual(env: RuleExample.injectedEnv).text),
        ])

    /// Variables that route a runtime through a proxy.
    static let routingVariables = ProxyEnvironment.urlVariables

    package init() {}

    package func check(_ context: WorkloadContext) -> [Finding] {
        let environments = context.forwardProxyEnvironments
        guard !environments.isEmpty else { return [] }
        let sidecar = context.sidecar
        let extra = sidecar.annotations.value(SpeedscaleAnnotation.extraContainerEnvVars) ?? ""
        if Self.routingVariables.contains(where: { extra.contains($0 + "=") }) || !context.extraJavaEndpoints.isEmpty { return [] }
        let javaOptions = sidecar.annotations.entry(SpeedscaleAnnotation.tlsJavaToolOptionsValue)
        let configured = environments.contains { environment in
            environment.container.hasEnvFrom
                || Self.routingVariables.contains(where: environment.isSet)
                || !environment.endpoints(javaOptionsAnnotation: javaOptions).isEmpty
        }
        guard !configured, let first = environments.first else { return [] }
        let type = sidecar.proxyType?.rawValue ?? ""
        let names = environments.map { "\"\($0.container.name ?? "")\"" }.joined(separator: ", ")
        let anchor = environments.count == 1 ? first.container.node : (context.workload.podSpec?["containers"] ?? first.container.node)
        return [Finding(
            Self.description,
            "proxy-type \"\(type)\" needs the app to send outbound traffic to the forward proxy, but container \(names) sets no HTTP_PROXY, HTTPS_PROXY or JVM proxy flags; outbound capture will stay empty",
            at: anchor.start..<anchor.start)]
    }
}

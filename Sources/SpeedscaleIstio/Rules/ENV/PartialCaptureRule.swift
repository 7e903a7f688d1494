import KubeManifests

/// ENV017: of several app containers, only some send their traffic to the forward proxy.
package struct PartialCaptureRule: WorkloadRule {
    package static let description = RuleDescription(
        id: "ENV017", title: "Only some app containers use the forward proxy", severity: .warning,
        summary: "In forward and dual mode each container must send its own outbound traffic to the sidecar. When the pod has several app containers and nothing tells which one is the app, and only some of them carry proxy configuration, the others' outbound calls go out directly: capture is partial.",
        fix: "Give every app container the proxy configuration (inject --env-via annotation puts it in extra-container-env-vars, which the operator applies to every container), or name the app container (inject --container, or container: in the configuration file) when the others make no calls worth capturing.",
        helpURI: DocumentLink.speedscaleProxyModes,
        triggeringExamples: [
            .deployment(annotations: forwardAnnotations, container: containers(api: proxied, worker: nil, workerMarker: "↓")),
        ],
        nonTriggeringExamples: [
            .deployment(annotations: forwardAnnotations, container: containers(api: proxied, worker: proxied)),
            // One container declares the app port: it is the app, the other a helper.
            .deployment(annotations: RuleExample.dualAnnotations, container: containers(api: proxied, worker: nil, workerPort: nil)),
            .deployment(
                annotations: forwardAnnotations + "\nsidecar.speedscale.com/extra-container-env-vars: \"HTTPS_PROXY=http://localhost:4140\"",
                container: containers(api: nil, worker: nil)),
        ])

    /// The `env` lines that send a container's traffic to the forward proxy.
    static let proxied = "- name: HTTPS_PROXY\n  value: http://localhost:4140"

    /// Two containers, `api` on 8080 and `worker` (on `workerPort`, with `workerMarker` before
    /// its name), each with the `env` lines given.
    static func containers(api: String?, worker: String?, workerPort: Int? = 9090, workerMarker: String = "") -> String {
        func container(_ name: String, port: Int?, env: String?, marker: String) -> String {
            var text = "- \(marker)name: \(name)\n  image: example/\(name):1.0\n"
            if let port { text += "  ports:\n  - containerPort: \(port)\n" }
            if let env { text += "  env:\n" + RuleExample.indent(env, by: 2) }
            return text
        }
        return container("api", port: 8080, env: api, marker: "") + container("worker", port: workerPort, env: worker, marker: workerMarker)
    }

    /// The annotations of a workload in forward mode (no app port to tell the app container by).
    static let forwardAnnotations = "sidecar.speedscale.com/inject: \"true\"\nsidecar.speedscale.com/capture-mode: \"proxy\"\nsidecar.speedscale.com/proxy-type: \"forward\"\nsidecar.speedscale.com/proxy-protocol: \"http\""

    package init() {}

    package func check(_ context: WorkloadContext) -> [Finding] {
        let environments = context.forwardProxyEnvironments
        guard environments.count > 1 else { return [] }
        let extra = context.sidecar.annotations.value(SpeedscaleAnnotation.extraContainerEnvVars) ?? ""
        if MissingProxyEnvironmentRule.routingVariables.contains(where: { extra.contains($0 + "=") }) { return [] }
        let javaOptions = context.sidecar.annotations.entry(SpeedscaleAnnotation.tlsJavaToolOptionsValue)
        let routed = environments.map { environment in
            environment.container.hasEnvFrom || !environment.endpoints(javaOptionsAnnotation: javaOptions).isEmpty
                || context.javaProxyFlags(reaching: environment.container)
        }
        guard let configured = zip(environments, routed).first(where: { $0.1 })?.0.container else { return [] }
        return zip(environments, routed).filter { !$0.1 }.map { environment, _ in
            let container = environment.container
            return Finding(
                Self.description,
                "container \"\(container.name ?? "")\" has no proxy configuration while \"\(configured.name ?? "")\" sends its traffic to the forward proxy; the outbound calls of \"\(container.name ?? "")\" are not captured",
                at: container.node.start..<container.node.start)
        }
    }
}

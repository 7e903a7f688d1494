/// TLS004: CA bundle variables the container points away from the Speedscale CA.
package struct CABundleVariableRule: WorkloadRule {
    package static let description = RuleDescription(
        id: "TLS004", title: "CA bundle variable outside Speedscale's with tls-out", severity: .warning,
        summary: "With tls-out the operator sets SSL_CERT_FILE and NODE_EXTRA_CA_CERTS on the app container to the Speedscale CA, mounted under /etc/ssl/speedscale/. A value the container sets itself to another path (also REQUESTS_CA_BUNDLE, which Python's requests reads instead of the system store) either overrides the operator's, so the app does not trust the Speedscale CA, or is overridden; which one wins is not documented.",
        fix: "Remove the variable and let the operator set it, or point it at a bundle under /etc/ssl/speedscale/ (or one that includes the Speedscale CA).",
        helpURI: DocumentLink.speedscaleTLS,
        triggeringExamples: [
            .deployment(
                annotations: "sidecar.speedscale.com/inject: \"true\"\nsidecar.speedscale.com/tls-out: \"true\"",
                env: "- name: SSL_CERT_FILE\n  value: ↓/etc/ssl/certs/corp-ca.pem\n- name: REQUESTS_CA_BUNDLE\n  value: ↓/app/ca.pem"),
        ],
        nonTriggeringExamples: [
            .deployment(
                annotations: "sidecar.speedscale.com/inject: \"true\"\nsidecar.speedscale.com/tls-out: \"true\"",
                env: "- name: NODE_EXTRA_CA_CERTS\n  value: /etc/ssl/speedscale/tls.crt"),
            .deployment(annotations: "sidecar.speedscale.com/inject: \"true\"", env: "- name: SSL_CERT_FILE\n  value: /etc/ssl/certs/corp-ca.pem"),
        ])

    /// The variables that tell runtimes which CA bundle to trust.
    static let variables = ["SSL_CERT_FILE", "NODE_EXTRA_CA_CERTS", "REQUESTS_CA_BUNDLE"]
    /// Where the operator mounts the Speedscale CA (`speedscale-certs`).
    static let speedscaleDirectory = "/etc/ssl/speedscale/"

    package init() {}

    package func check(_ context: WorkloadContext) -> [Finding] {
        let sidecar = context.sidecar
        guard sidecar.isInjected, sidecar.tlsOut else { return [] }
        return context.checkedContainers.flatMap { container in
            let environment = ProxyEnvironment(container)
            return Self.variables.compactMap { name -> Finding? in
                guard let value = environment.value(name), !value.isEmpty, !JVMOptions.isExpanded(value),
                      !value.hasPrefix(Self.speedscaleDirectory), let node = environment.variables[name]?.valueNode else { return nil }
                return Finding(
                    Self.description,
                    "container \"\(container.name ?? "")\" sets \(name)=\(value), outside \(Self.speedscaleDirectory); with tls-out the app must trust the Speedscale CA, and this value may override, or be overridden by, the one the operator sets",
                    at: node.range)
            }
        }
    }
}

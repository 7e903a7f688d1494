import KubeManifests

/// TLS005: Python's requests trusts the Speedscale CA only through REQUESTS_CA_BUNDLE.
package struct PythonCABundleRule: WorkloadRule {
    package static let description = RuleDescription(
        id: "TLS005", title: "Python app without REQUESTS_CA_BUNDLE with tls-out", severity: .info,
        summary: "With tls-out the sidecar re-signs outbound TLS with the Speedscale CA. Python's requests uses its own CA bundle (certifi), not SSL_CERT_FILE, and trusts another CA only through REQUESTS_CA_BUNDLE, which Speedscale documents for Python but does not say the operator sets. Without it, requests made with requests fail certificate verification.",
        fix: "Set REQUESTS_CA_BUNDLE on the container to the Speedscale CA certificate the operator mounts with tls-out.",
        helpURI: DocumentLink.speedscaleTLS,
        triggeringExamples: [
            .deployment(
                annotations: "sidecar.speedscale.com/inject: \"true\"\nsidecar.speedscale.com/tls-out: \"true\"",
                container: "- ↓name: web\n  image: python:3.12-slim"),
        ],
        nonTriggeringExamples: [
            .deployment(
                annotations: "sidecar.speedscale.com/inject: \"true\"\nsidecar.speedscale.com/tls-out: \"true\"",
                container: "- name: web\n  image: python:3.12-slim\n  env:\n  - name: REQUESTS_CA_BUNDLE\n    value: /etc/ssl/speedscale/tls.crt"),
            .deployment(annotations: "sidecar.speedscale.com/inject: \"true\"", container: "- name: web\n  image: python:3.12-slim"),
            .deployment(annotations: "sidecar.speedscale.com/inject: \"true\"\nsidecar.speedscale.com/tls-out: \"true\"", container: "- name: web\n  image: node:22"),
        ])

    /// The variable requests reads its CA bundle from.
    static let variable = "REQUESTS_CA_BUNDLE"

    package init() {}

    package func check(_ context: WorkloadContext) -> [Finding] {
        let sidecar = context.sidecar
        guard sidecar.isInjected, sidecar.tlsOut else { return [] }
        let extra = sidecar.annotations.value(SpeedscaleAnnotation.extraContainerEnvVars).map(ExtraEnvironment.init)
        if extra?.value(Self.variable) != nil { return [] }
        return context.checkedContainers.compactMap { container in
            let runtime = context.runtime(of: container)
            guard runtime.runtime == .python, !ProxyEnvironment(container).isSet(Self.variable) else { return nil }
            return Finding(
                Self.description,
                "container \"\(container.name ?? "")\" runs Python (\(runtime.reason)) with tls-out and sets no \(Self.variable); requests will not trust the Speedscale CA",
                at: container.node.start..<container.node.start)
        }
    }
}

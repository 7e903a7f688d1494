import KubeManifests

/// ENV019: Go does not read `socks4://` proxy URLs.
package struct Socks4WithGoRule: WorkloadRule {
    package static let description = RuleDescription(
        id: "ENV019", title: "socks4:// proxy URL for a Go app", severity: .warning,
        summary: "Go's net/http (ProxyFromEnvironment) accepts http, https and socks5 proxy URLs and rejects socks4:// (measured): a Go app with HTTP_PROXY=socks4://... fails its requests or sends them directly. Speedscale documents socks5:// for Go; the sidecar's SOCKS listener speaks SOCKS4 and SOCKS5.",
        fix: "Use socks5:// in the proxy URLs (kubectl speedscale-istio inject writes socks5:// for Go and .NET even with --protocol socks4).",
        helpURI: DocumentLink.goProxy,
        triggeringExamples: [
            .deployment(
                annotations: RuleExample.dualAnnotations.replacing("tcp:http", with: "tcp:socks"),
                container: "- name: web\n  image: golang:1.23\n  ports:\n  - containerPort: 8080\n  env:\n  - name: HTTP_PROXY\n    value: ↓socks4://localhost:4140\n  - name: HTTPS_PROXY\n    value: ↓socks4://localhost:4140"),
        ],
        nonTriggeringExamples: [
            .deployment(
                annotations: RuleExample.dualAnnotations.replacing("tcp:http", with: "tcp:socks"),
                container: "- name: web\n  image: golang:1.23\n  env:\n  - name: HTTPS_PROXY\n    value: socks5://localhost:4140"),
            // .NET (6 and later) reads socks4:// proxy URLs.
            .deployment(
                annotations: RuleExample.dualAnnotations.replacing("tcp:http", with: "tcp:socks"),
                container: "- name: web\n  image: mcr.microsoft.com/dotnet/aspnet:8.0\n  env:\n  - name: HTTPS_PROXY\n    value: socks4://localhost:4140"),
            .deployment(
                annotations: RuleExample.dualAnnotations.replacing("tcp:http", with: "tcp:socks"),
                container: "- name: web\n  image: example/web:1.0\n  env:\n  - name: HTTPS_PROXY\n    value: socks4://localhost:4140"),
        ],
        corrections: [
            RuleCorrection(
                RuleExample.deployment(
                    annotations: RuleExample.dualAnnotations.replacing("tcp:http", with: "tcp:socks"),
                    container: "- name: web\n  image: golang:1.23\n  ports:\n  - containerPort: 8080\n  env:\n  - name: HTTP_PROXY\n    value: socks4://localhost:4140\n  - name: HTTPS_PROXY\n    value: socks4://localhost:4140\n  - name: NO_PROXY\n    value: localhost,127.0.0.1").text,
                after: RuleExample.deployment(
                    annotations: RuleExample.dualAnnotations.replacing("tcp:http", with: "tcp:socks"),
                    container: "- name: web\n  image: golang:1.23\n  ports:\n  - containerPort: 8080\n  env:\n  - name: HTTP_PROXY\n    value: socks5://localhost:4140\n  - name: HTTPS_PROXY\n    value: socks5://localhost:4140\n  - name: NO_PROXY\n    value: localhost,127.0.0.1").text),
        ])

    package init() {}

    package func check(_ context: WorkloadContext) -> [Finding] {
        context.proxyVariableEnvironments.flatMap { environment -> [Finding] in
            let container = environment.container
            let runtime = context.runtime(of: container)
            guard runtime.runtime == .go else { return [] }
            return environment.endpoints().filter { $0.form == .url && ($0.scheme == "socks4" || $0.scheme == "socks4a") }.map { endpoint in
                Finding(
                    Self.description,
                    "container \"\(container.name ?? "")\" runs Go (\(runtime.reason)), whose ProxyFromEnvironment rejects \(endpoint.scheme ?? "socks4")://; use socks5:// in \(endpoint.name)",
                    at: endpoint.node.range)
            }
        }
    }
}

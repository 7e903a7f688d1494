import KubeManifests

/// ENV010: with tls-out, an app that calls the Kubernetes API through the forward proxy gets a
/// Speedscale-signed certificate its Kubernetes client does not trust.
package struct KubernetesAPIThroughProxyRule: WorkloadRule {
    package static let description = RuleDescription(
        id: "ENV010", title: "Kubernetes API calls through the forward proxy with tls-out", severity: .warning,
        summary: "A pod that runs under its own service account, with its token mounted, most likely calls the Kubernetes API. With tls-out and the forward proxy, those calls reach the sidecar, which presents a Speedscale-signed certificate; Kubernetes clients trust only the cluster's CA (the service account's ca.crt), so the calls fail. In-cluster clients reach the API at the kubernetes Service's IP (KUBERNETES_SERVICE_HOST), so NO_PROXY needs that address or its range, not only the name.",
        fix: "Add the API server's address and name to NO_PROXY: inject --no-proxy kubernetes.default.svc,<IP> (the IP from kubectl get service kubernetes -n default -o jsonpath='{.spec.clusterIP}'); or set sidecar.speedscale.com/kube-api-support: \"true\" if capturing the API calls is intended; or automountServiceAccountToken: false when the app does not call the API.",
        helpURI: DocumentLink.speedscaleTLS,
        triggeringExamples: [
            RuleExample(apiServicePod(noProxy: "↓localhost,127.0.0.1")),
            RuleExample(apiServicePod(noProxy: nil, marker: "↓")),
        ],
        nonTriggeringExamples: [
            RuleExample(apiServicePod(noProxy: "localhost,127.0.0.1,kubernetes.default.svc,10.96.0.1")),
            RuleExample(apiServicePod(noProxy: "localhost,127.0.0.1,.svc,10.0.0.0/8")),
            RuleExample(apiServicePod(noProxy: "localhost,127.0.0.1").replacing("serviceAccountName: operator-bot", with: "serviceAccountName: operator-bot\n      automountServiceAccountToken: false")),
            RuleExample(apiServicePod(noProxy: "localhost,127.0.0.1").replacing("serviceAccountName: operator-bot", with: "serviceAccountName: default")),
            RuleExample(apiServicePod(noProxy: "localhost,127.0.0.1").replacing("sidecar.speedscale.com/tls-out: \"true\"", with: "sidecar.speedscale.com/tls-out: \"true\"\n    sidecar.speedscale.com/kube-api-support: \"true\"")),
            RuleExample(apiServicePod(noProxy: "localhost,127.0.0.1").replacing("    sidecar.speedscale.com/tls-out: \"true\"\n", with: "")),
        ],
        corrections: [
            RuleCorrection(
                apiServicePod(noProxy: "localhost,127.0.0.1"),
                .injecting { $0.noProxy = ["kubernetes.default.svc", "10.96.0.1"] },
                after: apiServicePod(noProxy: "localhost,127.0.0.1,kubernetes.default.svc,10.96.0.1")),
        ])

    /// A dual-mode Deployment with tls-out that runs under the service account `operator-bot`,
    /// with `NO_PROXY` set to `noProxy` (left out when nil), and `marker` before the value of
    /// `HTTP_PROXY`.
    static func apiServicePod(noProxy: String?, marker: String = "") -> String {
        var text = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  annotations:\n"
        text += RuleExample.indent(RuleExample.dualAnnotations + "\nsidecar.speedscale.com/tls-out: \"true\"", by: 4)
        text += "spec:\n  template:\n    spec:\n      serviceAccountName: operator-bot\n      containers:\n      - name: web\n"
        text += "        image: example/web:1.0\n        ports:\n        - containerPort: 8080\n        env:\n"
        text += "        - name: HTTP_PROXY\n          value: \(marker)http://localhost:4140\n        - name: HTTPS_PROXY\n          value: http://localhost:4140\n"
        if let noProxy { text += "        - name: NO_PROXY\n          value: \(noProxy)\n" }
        return text
    }

    /// The names in-cluster clients call the Kubernetes API by.
    static let apiHost = "kubernetes.default.svc.cluster.local"

    /// Whether a `NO_PROXY` (or `nonProxyHosts`) entry lets calls to the Kubernetes API bypass
    /// the proxy: an address or range other than loopback (taken to be the API server's), `*`,
    /// or a name or suffix that covers `kubernetes.default.svc`.
    static func bypassesAPI(_ entry: String) -> Bool {
        let trimmed = entry.lowercased()
        if trimmed == "*" { return true }
        if trimmed.first?.isNumber == true || trimmed.hasPrefix("[") || trimmed.contains("::") {
            return !trimmed.hasPrefix("127.") && !["::1", "[::1]"].contains(trimmed)
        }
        var name = trimmed
        while name.hasPrefix("*") { name.removeFirst() }
        if name.isEmpty { return false }
        if ["kubernetes", "kubernetes.default", "kubernetes.default.svc", apiHost].contains(name) { return true }
        let suffix = name.hasPrefix(".") ? name : "." + name
        return apiHost.hasSuffix(suffix) || "kubernetes.default.svc".hasSuffix(suffix)
    }

    package init() {}

    package func check(_ context: WorkloadContext) -> [Finding] {
        let sidecar = context.sidecar
        guard sidecar.needsProxyEnvironment, sidecar.tlsOut, !sidecar.annotations.isTrue(SpeedscaleAnnotation.kubeAPISupport),
              let podSpec = context.workload.podSpec, podSpec.string(at: ["automountServiceAccountToken"]) != "false",
              let account = podSpec.string(at: ["serviceAccountName"]) ?? podSpec.string(at: ["serviceAccount"]), account != "default" else { return [] }
        let javaOptions = sidecar.annotations.entry(SpeedscaleAnnotation.tlsJavaToolOptionsValue)
        return context.forwardProxyEnvironments.compactMap { environment -> Finding? in
            let container = environment.container
            let endpoints = environment.endpoints(javaOptionsAnnotation: javaOptions) + context.extraJavaEndpoints
            guard let first = endpoints.first else { return nil }
            let message = "pod runs as service account \"\(account)\" with its token mounted, so container \"\(container.name ?? "")\" likely calls the Kubernetes API; with tls-out those calls reach the forward proxy and get a Speedscale-signed certificate that Kubernetes clients reject"
            if first.form == .url {
                let lists = environment.noProxyLists
                if lists.contains(where: { $0.entries.contains(where: Self.bypassesAPI) }) { return nil }
                let anchor = lists.first?.node ?? first.node
                return Finding(Self.description, message + "; add the API server's address (and kubernetes.default.svc) to NO_PROXY", at: anchor.range)
            }
            let hosts = context.javaOptions(reaching: container).compactMap { $0[JavaProxyProperties.nonProxyHosts] }
                .flatMap { $0.split(separator: "|").map { String($0).trimmingSpaces } }
            if hosts.contains(where: Self.bypassesAPI) { return nil }
            return Finding(Self.description, message + "; add the API server's address (and kubernetes.default.svc) to -Dhttp.nonProxyHosts", at: first.node.range)
        }
    }
}

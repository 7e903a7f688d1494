import SpliceYAML

/// IST013: in dual mode, Istio's startup ordering does not wait for the Speedscale proxy.
/// Advice, so given only for workloads whose labels show they are in the mesh.
package struct ProxyStartupOrderRule: WorkloadRule {
    package static let description = RuleDescription(
        id: "IST013", title: "Startup order covers only Envoy", severity: .info,
        summary: "In dual mode the app sends outbound traffic to the Speedscale forward proxy on localhost. Istio's holdApplicationUntilProxyStarts (proxy.istio.io/config) delays the app only until Envoy is ready, not the Speedscale sidecar, so the first requests can fail while the Speedscale proxy starts, with or without that setting.",
        fix: "Make the app retry its first connections through the proxy (holdApplicationUntilProxyStarts alone does not cover the Speedscale sidecar), or use transparent mode, where the app does not call a proxy (inject --mode transparent).",
        helpURI: DocumentLink.istioProxyConfig,
        triggeringExamples: [
            RuleExample.deployment(annotations: RuleExample.dualAnnotations, podLabels: meshed, env: RuleExample.dualEnv)
                .marking("proxy-type: \"dual\"", at: "\"dual\""),
            RuleExample.deployment(
                annotations: RuleExample.dualAnnotations,
                podAnnotations: "proxy.istio.io/config: ↓'{ \"holdApplicationUntilProxyStarts\": true }'", podLabels: meshed,
                env: RuleExample.dualEnv),
        ],
        nonTriggeringExamples: [
            .deployment(annotations: "sidecar.speedscale.com/inject: \"true\"", podLabels: meshed),
            .dual(),
            .deployment(annotations: RuleExample.dualAnnotations, podLabels: "app: web\nsidecar.istio.io/inject: \"false\"", env: RuleExample.dualEnv),
        ],
        corrections: [
            RuleCorrection(
                RuleExample.deployment(annotations: RuleExample.dualAnnotations, podLabels: meshed, env: RuleExample.dualEnv).text,
                .injecting { $0.mode = .transparent },
                after: RuleExample.deployment(annotations: "sidecar.speedscale.com/inject: \"true\"", podLabels: meshed).text),
        ])

    /// Pod labels that put the example in the mesh (only then is the advice worth giving).
    static let meshed = "app: web\nsidecar.istio.io/inject: \"true\""

    static let proxyConfigKey = "proxy.istio.io/config"

    package init() {}

    /// Whether a `proxy.istio.io/config` value (YAML or JSON) sets `holdApplicationUntilProxyStarts: true`.
    static func holdsApplication(_ config: String) -> Bool {
        guard let stream = try? YAMLStream(parsing: YAMLSource(config)), let root = stream.documents.first?.root else { return false }
        return root.string(at: ["holdApplicationUntilProxyStarts"]) == "true"
    }

    package func check(_ context: WorkloadContext) -> [Finding] {
        let sidecar = context.sidecar
        guard sidecar.isInjected, sidecar.proxyType == .dual, context.meshMembership == true else { return [] }
        let port = sidecar.outPort.map(String.init) ?? "proxy-out-port"
        if let entry = context.podAnnotationEntries.last(where: { $0.key == Self.proxyConfigKey }), let text = entry.text, Self.holdsApplication(text) {
            return [Finding(
                Self.description,
                "\(entry.key) sets holdApplicationUntilProxyStarts, which holds the app only until Envoy is ready, not until the Speedscale forward proxy listens on \(port); the app should retry its first connections",
                at: entry.valueNode.range)]
        }
        guard let entry = sidecar.annotations.entry(SpeedscaleAnnotation.proxyType) else { return [] }
        return [Finding(
            Self.description,
            "in dual mode nothing holds the app until the Speedscale forward proxy listens on \(port) (Istio's holdApplicationUntilProxyStarts covers only Envoy); the app should retry its first connections",
            at: entry.valueNode.range)]
    }
}

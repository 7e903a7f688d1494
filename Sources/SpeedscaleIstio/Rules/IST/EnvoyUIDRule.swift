import KubeManifests

/// IST011: an app container that runs as Envoy's UID 1337.
package struct EnvoyUIDRule: WorkloadRule {
    package static let description = RuleDescription(
        id: "IST011", title: "App runs as Envoy's UID 1337", severity: .error,
        summary: "Istio reserves UID 1337 for Envoy: traffic from processes with that UID bypasses the sidecar's iptables redirection, so an app container running as 1337 in a meshed pod escapes Envoy and the capture that goes through it.",
        fix: "Run the app as another user (securityContext.runAsUser of the container or the pod).",
        helpURI: DocumentLink.istioApplicationRequirements,
        triggeringExamples: [
            .deployment(
                annotations: "sidecar.speedscale.com/inject: \"true\"",
                container: "- name: web\n  image: example/web:1.0\n  securityContext:\n    runAsUser: ↓1337"),
            RuleExample("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: web
                  annotations:
                    sidecar.speedscale.com/inject: "true"
                spec:
                  securityContext:
                    runAsUser: ↓1337
                  containers:
                  - name: web
                  - name: istio-proxy
                """),
        ],
        nonTriggeringExamples: [
            .deployment(
                annotations: "sidecar.speedscale.com/inject: \"true\"",
                container: "- name: web\n  image: example/web:1.0\n  securityContext:\n    runAsUser: 1000\n- name: istio-proxy\n  securityContext:\n    runAsUser: 1337"),
            .deployment(
                annotations: "sidecar.speedscale.com/inject: \"true\"", podLabels: "app: web\nsidecar.istio.io/inject: \"false\"",
                container: "- name: web\n  securityContext:\n    runAsUser: 1337"),
        ],
        corrections: [
            RuleCorrection(
                RuleExample.deployment(
                    annotations: "sidecar.speedscale.com/inject: \"true\"", container: "- name: web\n  image: example/web:1.0\n  securityContext:\n    runAsUser: 1337").text,
                .byHand,
                after: RuleExample.deployment(
                    annotations: "sidecar.speedscale.com/inject: \"true\"", container: "- name: web\n  image: example/web:1.0\n  securityContext:\n    runAsUser: 1000").text),
        ])

    /// Envoy's UID.
    static let envoyUID = "1337"

    package init() {}

    package func check(_ context: WorkloadContext) -> [Finding] {
        guard context.sidecar.isInjected, context.isInMesh else { return [] }
        let podUser = context.workload.podSpec?.lookup(["securityContext", "runAsUser"])
        var inheriting: [String] = []
        var findings: [Finding] = []
        for container in context.workload.containers where !AppContainer.isKnownSidecar(container) {
            let name = container.name ?? ""
            if let own = container.runAsUserNode {
                if own.kind == .scalar && own.value == Self.envoyUID {
                    findings.append(Finding(Self.description, "container \"\(name)\" runs as UID 1337, which Istio reserves for Envoy; its traffic bypasses the sidecar", at: own.range))
                }
            } else if let podUser, podUser.kind == .scalar, podUser.value == Self.envoyUID {
                inheriting.append("\"\(name)\"")
            }
        }
        if let podUser, !inheriting.isEmpty {
            findings.insert(Finding(
                Self.description,
                "the pod runs container \(inheriting.joined(separator: ", ")) as UID 1337, which Istio reserves for Envoy; its traffic bypasses the sidecar",
                at: podUser.range), at: 0)
        }
        return findings
    }
}

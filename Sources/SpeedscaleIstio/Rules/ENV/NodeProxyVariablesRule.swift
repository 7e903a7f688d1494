import KubeManifests

/// ENV014: Node's HTTP clients read the proxy variables only with NODE_USE_ENV_PROXY (or global-agent).
package struct NodeProxyVariablesRule: WorkloadRule {
    package static let description = RuleDescription(
        id: "ENV014", title: "Node.js app without NODE_USE_ENV_PROXY or global-agent", severity: .warning,
        summary: "Node's fetch and http ignore HTTP_PROXY and HTTPS_PROXY (Node 20 was measured ignoring them, even fetch); Node 22.21 and 24 read them with NODE_USE_ENV_PROXY=1, and older Node needs the global-agent package and its GLOBAL_AGENT_HTTP_PROXY / GLOBAL_AGENT_HTTPS_PROXY. With only the proxy variables, a Node app's outbound traffic bypasses the sidecar.",
        fix: "Add NODE_USE_ENV_PROXY=1 (kubectl speedscale-istio inject does, for Node) and run Node 22.21 or later; on older Node, add global-agent to the app (import 'global-agent/bootstrap') and set GLOBAL_AGENT_HTTP_PROXY and GLOBAL_AGENT_HTTPS_PROXY.",
        helpURI: DocumentLink.speedscaleNode,
        triggeringExamples: [
            .deployment(
                annotations: RuleExample.dualAnnotations,
                container: "- name: web\n  image: node:20-alpine\n  ports:\n  - containerPort: 8080\n  env:\n  - name: HTTP_PROXY\n    value: ↓http://localhost:4140\n  - name: HTTPS_PROXY\n    value: http://localhost:4140"),
            .deployment(
                annotations: RuleExample.dualAnnotations,
                container: "- name: web\n  image: example/web:1\n  command: [\"npm\", \"start\"]\n  env:\n  - name: HTTPS_PROXY\n    value: ↓http://localhost:4140\n  - name: NODE_USE_ENV_PROXY\n    value: \"0\""),
        ],
        nonTriggeringExamples: [
            .deployment(
                annotations: RuleExample.dualAnnotations,
                container: "- name: web\n  image: node:22\n  env:\n  - name: HTTP_PROXY\n    value: http://localhost:4140\n  - name: HTTPS_PROXY\n    value: http://localhost:4140\n  - name: NODE_USE_ENV_PROXY\n    value: \"1\""),
            .deployment(
                annotations: RuleExample.dualAnnotations,
                container: "- name: web\n  image: node:18\n  env:\n  - name: GLOBAL_AGENT_HTTP_PROXY\n    value: http://localhost:4140\n  - name: GLOBAL_AGENT_HTTPS_PROXY\n    value: http://localhost:4140"),
            .dual(),
            .deployment(annotations: "sidecar.speedscale.com/inject: \"true\"", container: "- name: web\n  image: node:22\n  env:\n  - name: HTTP_PROXY\n    value: http://corp-proxy:3128"),
        ],
        corrections: [
            RuleCorrection(
                RuleExample.deployment(
                    annotations: RuleExample.dualAnnotations,
                    container: "- name: web\n  image: node:22\n  ports:\n  - containerPort: 8080\n  env:\n  - name: HTTP_PROXY\n    value: http://localhost:4140\n  - name: HTTPS_PROXY\n    value: http://localhost:4140\n  - name: NO_PROXY\n    value: localhost,127.0.0.1").text,
                after: RuleExample.deployment(
                    annotations: RuleExample.dualAnnotations,
                    container: "- name: web\n  image: node:22\n  ports:\n  - containerPort: 8080\n  env:\n  - name: HTTP_PROXY\n    value: http://localhost:4140\n  - name: HTTPS_PROXY\n    value: http://localhost:4140\n  - name: NO_PROXY\n    value: localhost,127.0.0.1\n  - name: NODE_USE_ENV_PROXY\n    value: \"1\"").text),
        ])

    /// The variable that makes Node 22.21 and later read the proxy variables.
    static let nodeSwitch = RuntimeSwitches.nodeUseEnvProxy

    package init() {}

    package func check(_ context: WorkloadContext) -> [Finding] {
        let extra = context.sidecar.annotations.value(SpeedscaleAnnotation.extraContainerEnvVars).map(ExtraEnvironment.init)
        return context.proxyVariableEnvironments.compactMap { environment in
            let container = environment.container
            let runtime = context.runtime(of: container)
            guard runtime.runtime == .node else { return nil }
            let endpoints = environment.endpoints().filter { $0.form == .url }
            guard let first = endpoints.first(where: { !GlobalAgentWithSocksRule.routesGlobalAgent($0.name) }) else { return nil }
            if endpoints.contains(where: { GlobalAgentWithSocksRule.routesGlobalAgent($0.name) }) { return nil }
            if (environment.value(Self.nodeSwitch) ?? extra?.value(Self.nodeSwitch)) == "1" { return nil }
            return Finding(
                Self.description,
                "container \"\(container.name ?? "")\" runs Node.js (\(runtime.reason)), whose HTTP clients ignore \(first.name) unless \(Self.nodeSwitch)=1 is set (Node 22.21 or later) or global-agent is used; its outbound traffic bypasses the sidecar",
                at: first.node.range)
        }
    }
}

/// ENV016: a variable set twice in one container's `env`.
package struct DuplicateEnvRule: WorkloadRule {
    package static let description = RuleDescription(
        id: "ENV016", title: "Variable set twice", severity: .warning,
        summary: "When env names a variable twice, Kubernetes keeps the last value; the earlier one is dead and confusing, and tools that edit the first leave the last in force.",
        fix: "Keep one entry per variable.",
        helpURI: DocumentLink.kubernetesEnv,
        triggeringExamples: [
            .dual(env: RuleExample.dualEnv + "\n- ↓name: HTTP_PROXY\n  value: http://localhost:4140"),
        ],
        nonTriggeringExamples: [
            .dual(),
            .deployment(env: "- name: A\n  value: \"1\"\n- name: A\n  value: \"2\""),
        ])

    package init() {}

    package func check(_ context: WorkloadContext) -> [Finding] {
        context.forwardProxyEnvironments.flatMap { environment in
            var firstLine: [String: Int] = [:]
            return environment.container.env.compactMap { variable -> Finding? in
                let line = context.source.location(ofByte: variable.node.start).line
                guard let earlier = firstLine[variable.name] else {
                    firstLine[variable.name] = line
                    return nil
                }
                return Finding(
                    Self.description,
                    "container \"\(environment.container.name ?? "")\" sets \(variable.name) again (first on line \(earlier)); Kubernetes keeps this last value",
                    at: variable.node.range)
            }
        }
    }
}

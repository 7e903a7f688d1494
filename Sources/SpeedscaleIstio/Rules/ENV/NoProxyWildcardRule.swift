/// ENV008: `NO_PROXY=*` switches the proxy off.
package struct NoProxyWildcardRule: WorkloadRule {
    package static let description = RuleDescription(
        id: "ENV008", title: "NO_PROXY excludes every host", severity: .warning,
        summary: "A NO_PROXY (or no_proxy) entry of * disables proxying for every host, so no request reaches the forward proxy and nothing is captured.",
        fix: "List only the hosts that must bypass the proxy, e.g. localhost,127.0.0.1.",
        helpURI: DocumentLink.goProxy,
        triggeringExamples: [
            .dual(env: RuleExample.dualEnv + "\n- name: NO_PROXY\n  value: ↓\"*\""),
            .dual(env: RuleExample.dualEnv + "\n- name: no_proxy\n  value: ↓localhost, *"),
        ],
        nonTriggeringExamples: [
            .dual(env: RuleExample.dualEnv + "\n- name: NO_PROXY\n  value: localhost,127.0.0.1,*.internal"),
        ])

    package init() {}

    package func check(_ context: WorkloadContext) -> [Finding] {
        context.proxyVariableEnvironments.flatMap { environment in
            environment.noProxyLists.filter { $0.entries.contains("*") }.map { list in
                Finding(
                    Self.description,
                    "\(list.name)=\(environment.value(list.name) ?? "") contains *, which turns proxying off for every host; nothing reaches the forward proxy",
                    at: list.node.range)
            }
        }
    }
}

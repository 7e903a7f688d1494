/// ENV007: upper- and lower-case proxy variables must agree.
package struct CaseVariantsDisagreeRule: WorkloadRule {
    package static let description = RuleDescription(
        id: "ENV007", title: "Upper- and lower-case proxy variables differ", severity: .warning,
        summary: "Runtimes differ in which spelling they read (Go prefers HTTP_PROXY, curl and Ruby read http_proxy); when the two disagree, which proxy a request uses depends on the client.",
        fix: "Give both spellings the same value, or remove one.",
        helpURI: DocumentLink.goProxy,
        triggeringExamples: [
            .dual(env: RuleExample.dualEnv + "\n- name: http_proxy\n  value: ↓http://corp-proxy:3128"),
            .dual(env: RuleExample.dualEnv + "\n- name: NO_PROXY\n  value: localhost\n- name: no_proxy\n  value: ↓localhost,.svc"),
        ],
        nonTriggeringExamples: [
            .dual(env: RuleExample.dualEnv + "\n- name: http_proxy\n  value: http://localhost:4140\n- name: https_proxy\n  value: http://localhost:4140"),
        ])

    static let pairs = [("HTTP_PROXY", "http_proxy"), ("HTTPS_PROXY", "https_proxy"), ("NO_PROXY", "no_proxy"), ("ALL_PROXY", "all_proxy")]

    package init() {}

    package func check(_ context: WorkloadContext) -> [Finding] {
        context.proxyVariableEnvironments.flatMap { environment in
            Self.pairs.compactMap { upper, lower -> Finding? in
                guard let upperValue = environment.value(upper), let lowerValue = environment.value(lower), upperValue != lowerValue,
                      let node = environment.variables[lower]?.valueNode else { return nil }
                return Finding(
                    Self.description,
                    "\(lower)=\(lowerValue) differs from \(upper)=\(upperValue); which one a request uses depends on the runtime",
                    at: node.range)
            }
        }
    }
}

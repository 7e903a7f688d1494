/// IST004: Sidecar egress hosts must follow Istio's `namespace/dnsName` grammar.
package struct MalformedEgressHostRule: MeshRule {
    package static let description = RuleDescription(
        id: "IST004", title: "Malformed Sidecar egress host", severity: .error,
        summary: "Istio rejects a Sidecar whose egress hosts are not namespace/dnsName: the namespace is *, ., ~ or a namespace name; the dnsName is * or a fully qualified name, with a wildcard only as the whole left-most label.",
        fix: "Write the host as namespace/dnsName, e.g. \"speedscale/*\" or \"*/api.example.com\".",
        helpURI: DocumentLink.istioSidecar,
        triggeringExamples: [
            RuleExample(RuleExample.sidecar(hosts: "- ↓speedscale\n- ↓\"./reviews\"\n- ↓\"*/*foo.com\"\n- ↓\"Prod/*\"")),
            RuleExample(RuleExample.sidecar(hosts: "- ↓\"~prod/*\"")),
        ],
        nonTriggeringExamples: [
            RuleExample(RuleExample.sidecar(hosts: "- \"./*\"\n- \"istio-system/*\"\n- \"*/api.example.com\"\n- \"~/*\"\n- \"speedscale/*.speedscale.svc.cluster.local\"")),
            RuleExample(RuleExample.sidecar(hosts: "- \"~prod/*\""), settings: .with { $0.egressExclusions = true }),
        ],
        corrections: [
            RuleCorrection(
                RuleExample.sidecar(hosts: "- speedscale\n- \"./reviews\"\n- \"*/*foo.com\"\n- \"Prod/*\""), .byHand,
                after: RuleExample.sidecar(hosts: "- \"speedscale/*\"\n- \"./reviews.shop.svc.cluster.local\"\n- \"*/*.foo.com\"\n- \"prod/*\"")),
        ])

    package init() {}

    package func check(_ context: MeshContext) -> [LocatedFinding] {
        context.egressHostLists.flatMap { list in
            list.hosts.compactMap { item in
                let problem = item.kind == .scalar
                    ? EgressHostGrammar.problem(item.value, exclusions: context.settings.egressExclusions)
                    : "an egress host must be a string"
                return problem.map { list.finding(Self.description, "egress host \"\(item.value)\" of Sidecar \(list.object.name ?? ""): \($0)", at: item) }
            }
        }
    }
}

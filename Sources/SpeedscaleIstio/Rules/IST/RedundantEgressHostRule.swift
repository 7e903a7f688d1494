/// IST005: `*/*` beside other hosts, and duplicated hosts, in one egress listener.
package struct RedundantEgressHostRule: MeshRule {
    package static let description = RuleDescription(
        id: "IST005", title: "Redundant Sidecar egress host", severity: .warning,
        summary: "Istio warns that \"*/*\" selects everything, so no other host may sit beside it, and that a host listed twice is duplicated.",
        fix: "Remove the redundant host.",
        helpURI: DocumentLink.istioSidecar,
        triggeringExamples: [
            RuleExample(RuleExample.sidecar(hosts: "- \"*/*\"\n- ↓\"speedscale/*\"")),
            RuleExample(RuleExample.sidecar(hosts: "- \"./*\"\n- \"speedscale/*\"\n- ↓\"./*\"")),
        ],
        nonTriggeringExamples: [
            RuleExample(RuleExample.sidecar(hosts: "- \"./*\"\n- \"speedscale/*\"")),
        ],
        corrections: [
            RuleCorrection(RuleExample.sidecar(hosts: "- \"*/*\"\n- \"speedscale/*\""), .byHand, after: RuleExample.sidecar(hosts: "- \"*/*\"")),
        ])

    package init() {}

    package func check(_ context: MeshContext) -> [LocatedFinding] {
        context.egressHostLists.flatMap { list in
            let scalars = list.hosts.filter { $0.kind == .scalar }
            let hasEverything = scalars.contains { $0.value == "*/*" }
            var seen: Set<String> = []
            return scalars.compactMap { item in
                if !seen.insert(item.value).inserted {
                    return list.finding(Self.description, "egress host \"\(item.value)\" is listed twice", at: item)
                }
                if hasEverything && item.value != "*/*" {
                    return list.finding(Self.description, "egress host \"\(item.value)\" sits beside \"*/*\", which already selects every host", at: item)
                }
                return nil
            }
        }
    }
}

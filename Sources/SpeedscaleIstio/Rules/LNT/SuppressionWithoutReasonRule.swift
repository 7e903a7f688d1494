/// LNT001: a suppression annotation must say why.
package struct SuppressionWithoutReasonRule: MeshRule {
    package static let description = RuleDescription(
        id: "LNT001", title: "Suppression without a reason", severity: .warning,
        summary: "speedscale-istio.io/ignore-<ID> silences rule <ID> on a resource only when its value says why the finding does not apply; an empty value silences nothing.",
        fix: "Write the reason as the annotation's value.",
        helpURI: DocumentLink.kubernetesAnnotations,
        triggeringExamples: [
            .deployment(annotations: "speedscale-istio.io/ignore-SS012: ↓\"\""),
            .deployment(annotations: "↓speedscale-istio.io/ignore-ENV006:"),
        ],
        nonTriggeringExamples: [
            .deployment(annotations: "speedscale-istio.io/ignore-SS012: \"the app listens on a port it does not declare\""),
        ])

    package init() {}

    package func check(_ context: MeshContext) -> [LocatedFinding] {
        context.objects.flatMap { input, object in
            Suppression.all(on: object).filter { !$0.isEffective }.map { suppression in
                LocatedFinding(input: input, object: object, finding: Finding(
                    Self.description,
                    "\(suppression.entry.key) gives no reason, so it silences nothing; say why \(suppression.ruleID) does not apply",
                    at: (suppression.entry.valueNode.isNull ? suppression.entry.keyNode : suppression.entry.valueNode).range))
            }
        }
    }
}

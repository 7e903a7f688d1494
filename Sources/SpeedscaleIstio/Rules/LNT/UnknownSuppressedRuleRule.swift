/// LNT002: a suppression annotation must name a rule of the catalogue.
package struct UnknownSuppressedRuleRule: MeshRule {
    package static let description = RuleDescription(
        id: "LNT002", title: "Suppression names no known rule", severity: .warning,
        summary: "speedscale-istio.io/ignore-<ID> silences nothing when <ID> is not a rule of the catalogue, most often because of a typo.",
        fix: "Use an ID that lint --list-rules prints.",
        helpURI: DocumentLink.kubernetesAnnotations,
        triggeringExamples: [
            .deployment(annotations: "↓speedscale-istio.io/ignore-SS120: \"port declared elsewhere\""),
        ],
        nonTriggeringExamples: [
            .deployment(annotations: "speedscale-istio.io/ignore-SS012: \"port declared elsewhere\""),
        ])

    package init() {}

    package func check(_ context: MeshContext) -> [LocatedFinding] {
        let ids = RuleRegistry.ids
        return context.objects.flatMap { input, object in
            Suppression.all(on: object).filter { !ids.contains($0.ruleID.uppercased()) }.map { suppression in
                let hint = Suggestion.closest(to: suppression.ruleID, among: ids).map { "; did you mean \($0)?" } ?? ""
                return LocatedFinding(input: input, object: object, finding: Finding(
                    Self.description, "\(suppression.entry.key) names no known rule\(hint)", at: suppression.entry.keyNode.range))
            }
        }
    }
}

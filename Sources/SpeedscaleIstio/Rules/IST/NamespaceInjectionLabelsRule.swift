import KubeManifests

/// IST008: a Namespace with both `istio-injection` and `istio.io/rev`.
package struct NamespaceInjectionLabelsRule: MeshRule {
    package static let description = RuleDescription(
        id: "IST008", title: "Namespace has both injection labels", severity: .warning,
        summary: "When a Namespace has both istio-injection and istio.io/rev, istio-injection takes precedence and the revision label is ignored (Istio analysis IST0123), so pods may get another revision's sidecar than intended, or none.",
        fix: "Keep one label: remove istio.io/rev to use the default revision, or remove istio-injection to use the revision.",
        helpURI: DocumentLink.istioAnalysisInjectionLabels,
        triggeringExamples: [
            RuleExample(AmbientNamespaceSidecarRule.namespace("istio-injection: enabled\n↓istio.io/rev: canary")),
        ],
        nonTriggeringExamples: [
            RuleExample(AmbientNamespaceSidecarRule.namespace("istio.io/rev: canary")),
            RuleExample(AmbientNamespaceSidecarRule.namespace("istio-injection: enabled")),
        ],
        corrections: [
            RuleCorrection(
                AmbientNamespaceSidecarRule.namespace("istio-injection: enabled\nistio.io/rev: canary"), .byHand,
                after: AmbientNamespaceSidecarRule.namespace("istio-injection: enabled")),
        ])

    package init() {}

    package func check(_ context: MeshContext) -> [LocatedFinding] {
        context.objects.compactMap { input, object in
            guard object.kind == "Namespace" else { return nil }
            let labels = AnnotationEntry.entries(of: object.node.lookup(["metadata", "labels"]), onPodTemplate: false)
            guard let injection = labels.last(where: { $0.key == "istio-injection" }), let injectionValue = injection.text, !injectionValue.isEmpty,
                  let revision = labels.last(where: { $0.key == "istio.io/rev" }) else { return nil }
            return LocatedFinding(input: input, object: object, finding: Finding(
                Self.description,
                "Namespace \(object.name ?? "") has istio-injection=\(injectionValue) and istio.io/rev=\(revision.text ?? ""); istio-injection takes precedence, so the revision label is ignored",
                at: revision.keyNode.range))
        }
    }
}

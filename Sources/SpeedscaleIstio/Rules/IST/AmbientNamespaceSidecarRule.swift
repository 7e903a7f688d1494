import KubeManifests

/// IST007: a Sidecar in an ambient namespace has no effect.
package struct AmbientNamespaceSidecarRule: MeshRule {
    package static let description = RuleDescription(
        id: "IST007", title: "Sidecar in an ambient namespace", severity: .warning,
        summary: "Pods of a namespace labelled istio.io/dataplane-mode=ambient run without Envoy sidecars (ztunnel carries their traffic), so a Sidecar resource there has no effect; Istio's analyzer says \"namespace is in ambient mode, the policy has no impact\". A namespace that also has istio-injection=enabled or istio.io/rev keeps its sidecars.",
        fix: "Remove the Sidecar, or take the namespace out of ambient mode if its pods should keep Envoy sidecars.",
        helpURI: DocumentLink.istioLabels,
        triggeringExamples: [
            RuleExample(namespace("istio.io/dataplane-mode: ambient") + "---\n" + RuleExample.sidecar(hosts: "- \"./*\"").replacing("namespace: shop", with: "namespace: ↓shop")),
        ],
        nonTriggeringExamples: [
            RuleExample(namespace("istio.io/dataplane-mode: ambient\nistio-injection: enabled") + "---\n" + RuleExample.sidecar(hosts: "- \"./*\"")),
            RuleExample(namespace("istio-injection: enabled") + "---\n" + RuleExample.sidecar(hosts: "- \"./*\"")),
        ],
        corrections: [
            RuleCorrection(
                namespace("istio.io/dataplane-mode: ambient") + "---\n" + RuleExample.sidecar(hosts: "- \"./*\""), .byHand,
                after: namespace("istio.io/dataplane-mode: ambient")),
        ])

    /// A Namespace `shop` with `labels` (lines of its labels, unindented).
    static func namespace(_ labels: String) -> String {
        "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n  labels:\n"
            + labels.split(separator: "\n").map { "    \($0)\n" }.joined()
    }

    package init() {}

    package func check(_ context: MeshContext) -> [LocatedFinding] {
        let namespaces = context.index.namespaceLabels
        return context.objects.compactMap { input, object in
            guard let sidecar = IstioSidecar(object), let namespace = sidecar.namespace, let labels = namespaces[namespace],
                  AmbientMode.namespaceIsAmbient(labels) else { return nil }
            let anchor = object.node.lookup(["metadata", "namespace"]) ?? object.node
            return LocatedFinding(input: input, object: object, finding: Finding(
                Self.description,
                "Sidecar \(namespace)/\(object.name ?? "") is in namespace \(namespace), which is labelled istio.io/dataplane-mode=ambient; its pods have no Envoy sidecar, so the Sidecar has no effect",
                at: anchor.range))
        }
    }
}

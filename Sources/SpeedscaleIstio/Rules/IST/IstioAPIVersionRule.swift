import KubeManifests

/// IST016: Sidecar and VirtualService at an older Istio API version.
package struct IstioAPIVersionRule: MeshRule {
    package static let description = RuleDescription(
        id: "IST016", title: "Older Istio API version", severity: .info,
        summary: "Sidecar and VirtualService are served at networking.istio.io/v1 since Istio 1.22; v1alpha3 and v1beta1 still work, but v1 is the storage version and the one Istio's documentation uses.",
        fix: "Change apiVersion to networking.istio.io/v1 (Istio 1.22 or later).",
        helpURI: DocumentLink.istioV1APIs,
        triggeringExamples: [
            RuleExample(RuleExample.sidecar(hosts: "- \"./*\"").replacing("apiVersion: networking.istio.io/v1", with: "apiVersion: ↓networking.istio.io/v1beta1")),
            RuleExample("apiVersion: ↓networking.istio.io/v1alpha3\nkind: VirtualService\nmetadata:\n  name: web\nspec:\n  hosts:\n  - web.shop.svc.cluster.local\n"),
        ],
        nonTriggeringExamples: [
            RuleExample(RuleExample.sidecar(hosts: "- \"./*\"")),
            RuleExample("apiVersion: networking.istio.io/v1alpha3\nkind: DestinationRule\nmetadata:\n  name: web\n"),
        ])

    static let olderVersions: Set<String> = ["networking.istio.io/v1alpha3", "networking.istio.io/v1beta1"]
    /// The version the fix writes.
    static let currentVersion = "networking.istio.io/v1"

    package init() {}

    package func check(_ context: MeshContext) -> [LocatedFinding] {
        context.objects.compactMap { input, object in
            guard IstioSidecar(object) != nil || VirtualService(object) != nil, let version = object.apiVersion,
                  Self.olderVersions.contains(version), let node = object.node["apiVersion"] else { return nil }
            return LocatedFinding(input: input, object: object, finding: Finding(
                Self.description,
                "\(object.kind ?? "") \(object.name ?? "") uses \(version); networking.istio.io/v1 is served since Istio 1.22",
                at: node.range, fixes: [.upsert([.key("apiVersion")], .text(Self.currentVersion))]))
        }
    }
}

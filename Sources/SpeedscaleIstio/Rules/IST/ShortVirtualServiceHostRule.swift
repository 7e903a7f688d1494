import KubeManifests

/// IST014: VirtualService hosts should be fully qualified.
package struct ShortVirtualServiceHostRule: MeshRule {
    package static let description = RuleDescription(
        id: "IST014", title: "Short VirtualService host", severity: .warning,
        summary: "Istio expands a short host name (no dot) with the VirtualService's own namespace, not the Service's, so it can route to the wrong Service; Istio recommends fully qualified names.",
        fix: "Write the host as name.namespace.svc.cluster.local.",
        helpURI: DocumentLink.istioVirtualService,
        triggeringExamples: [
            RuleExample("""
                apiVersion: networking.istio.io/v1
                kind: VirtualService
                metadata:
                  name: reviews
                  namespace: shop
                spec:
                  hosts:
                  - ↓reviews
                  http:
                  - route:
                    - destination:
                        host: reviews
                """),
        ],
        nonTriggeringExamples: [
            RuleExample("""
                apiVersion: networking.istio.io/v1
                kind: VirtualService
                metadata:
                  name: reviews
                spec:
                  hosts:
                  - reviews.shop.svc.cluster.local
                  - "*"
                """),
        ])

    package init() {}

    package func check(_ context: MeshContext) -> [LocatedFinding] {
        context.objects.flatMap { input, object -> [LocatedFinding] in
            guard let virtualService = VirtualService(object), let hosts = virtualService.hostsNode, hosts.kind == .sequence else { return [] }
            let namespace = virtualService.namespace
            return hosts.items.filter { $0.kind == .scalar && !$0.value.contains(".") && $0.value != "*" && !$0.value.isEmpty }.map { item in
                let expanded = "\(item.value).\(namespace ?? "<namespace>").svc.cluster.local"
                return LocatedFinding(input: input, object: object, finding: Finding(
                    Self.description,
                    "host \"\(item.value)\" is a short name; Istio reads it as \(expanded) (the VirtualService's namespace), which may not be the Service you mean",
                    at: item.range))
            }
        }
    }
}

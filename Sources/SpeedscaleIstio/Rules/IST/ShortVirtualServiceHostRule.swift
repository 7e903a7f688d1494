import KubeManifests

/// IST014: VirtualService hosts should be fully qualified.
package struct ShortVirtualServiceHostRule: MeshRule {
    package static let description = RuleDescription(
        id: "IST014", title: "Short VirtualService host", severity: .info,
        summary: "Istio expands a short host name (no dot) with the VirtualService's own namespace, not the Service's, so it can name another Service than the one meant; Istio recommends fully qualified names. A short name is normal when a Service of that name is in the VirtualService's namespace (Istio's own samples do this), so it is not reported then; info otherwise.",
        fix: "Write the host as name.namespace.svc.cluster.local, with the namespace of the Service you mean.",
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
            // Listed spelled out too: the fix is to drop the short one.
            .mesh(GatewayVirtualServiceRule.virtualService(hosts: "- ↓reviews\n- reviews.shop.svc.cluster.local", gateways: "", destination: "web")),
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
            // The Service of that name is in the VirtualService's namespace.
            .mesh(GatewayVirtualServiceRule.virtualService(hosts: "- web", gateways: "", destination: "web")),
        ],
        corrections: [
            RuleCorrection(
                RuleExample.mesh(GatewayVirtualServiceRule.virtualService(hosts: "- reviews\n- reviews.shop.svc.cluster.local", gateways: "", destination: "web")).text,
                .byHand, after: RuleExample.mesh(GatewayVirtualServiceRule.virtualService(hosts: "- reviews.shop.svc.cluster.local", gateways: "", destination: "web")).text),
        ])

    package init() {}

    package func check(_ context: MeshContext) -> [LocatedFinding] {
        context.objects.flatMap { input, object -> [LocatedFinding] in
            guard let virtualService = VirtualService(object), let hosts = virtualService.hostsNode, hosts.kind == .sequence else { return [] }
            let namespace = virtualService.namespace
            return hosts.items.enumerated().compactMap { position, item -> LocatedFinding? in
                guard item.kind == .scalar, !item.value.isEmpty, !item.value.contains("."), item.value != "*",
                      context.index.service(named: item.value, in: namespace) == nil else { return nil }
                let expanded = "\(item.value).\(namespace ?? "<namespace>").svc.cluster.local"
                // The fix spells out the same expansion, when the namespace is known and the hosts do
                // not list it already (Istio rejects a host listed twice).
                let spelled = namespace != nil && !virtualService.hosts.contains(expanded)
                let fixes: [Fix] = spelled ? [.upsert([.key("spec"), .key("hosts"), .index(position)], .text(expanded))] : []
                return LocatedFinding(input: input, object: object, finding: Finding(
                    Self.description,
                    "host \"\(item.value)\" is a short name and no Service of that name is in the VirtualService's namespace; Istio reads it as \(expanded), which may not be the Service you mean",
                    at: item.range, fixes: fixes))
            }
        }
    }
}

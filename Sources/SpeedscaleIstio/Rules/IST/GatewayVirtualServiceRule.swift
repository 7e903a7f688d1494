import KubeManifests

/// IST015: a gateway-bound VirtualService that routes to an injected workload's Service
/// should also serve in-mesh traffic the same way (D8).
package struct GatewayVirtualServiceRule: MeshRule {
    package static let description = RuleDescription(
        id: "IST015", title: "Gateway-bound VirtualService lacks the in-mesh host", severity: .warning,
        summary: "Speedscale: \"if your service is accessible both outside and inside the cluster, make sure the Istio VirtualService contains the same host.\" A VirtualService bound to a gateway applies to in-mesh traffic (including replayed traffic) only with the mesh gateway and the Service's in-mesh name.",
        fix: "Add \"mesh\" to gateways and the Service's in-mesh name (name.namespace.svc.cluster.local) to hosts.",
        helpURI: DocumentLink.speedscaleIstio,
        triggeringExamples: [
            .mesh(virtualService(hosts: "↓- web.example.com", gateways: "↓- istio-system/public", destination: "web")),
        ],
        nonTriggeringExamples: [
            .mesh(virtualService(
                hosts: "- web.example.com\n- web.shop.svc.cluster.local", gateways: "- istio-system/public\n- mesh",
                destination: "web.shop.svc.cluster.local")),
        ])

    /// A VirtualService `web` in `shop` with `hosts` and `gateways` (lines of the lists) routing to `destination`.
    static func virtualService(hosts: String, gateways: String, destination: String) -> String {
        func list(_ lines: String) -> String { lines.split(separator: "\n").map { "  " + $0 }.joined(separator: "\n") }
        return """
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata:
              name: web
              namespace: shop
            spec:
              hosts:
            \(list(hosts))
              gateways:
            \(list(gateways))
              http:
              - route:
                - destination:
                    host: \(destination)
            """
    }

    package init() {}

    package func check(_ context: MeshContext) -> [LocatedFinding] {
        let injected = context.inputs.flatMap(\.workloads).filter { SidecarConfig($0, settings: context.settings).isInjected }
        let services = context.inputs.flatMap(\.services).filter { service in
            injected.contains { $0.object.namespace == service.namespace && service.selects($0.podLabels) }
        }
        guard !services.isEmpty else { return [] }
        return context.objects.flatMap { input, object -> [LocatedFinding] in
            guard let virtualService = VirtualService(object) else { return [] }
            return VirtualServiceCheck.problems(virtualService, services: services).map { problem in
                let node = (problem.missing == .meshGateway ? virtualService.gatewaysNode : virtualService.hostsNode) ?? object.node
                return LocatedFinding(input: input, object: object, finding: Finding(
                    Self.description, "VirtualService \(object.name ?? "") \(problem)", at: node.range))
            }
        }
    }
}

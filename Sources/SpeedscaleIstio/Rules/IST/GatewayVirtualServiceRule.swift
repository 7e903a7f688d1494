import KubeManifests

/// IST015: a gateway-bound VirtualService that routes to an injected workload's Service
/// should also serve in-mesh traffic the same way (D8).
package struct GatewayVirtualServiceRule: MeshRule {
    package static let description = RuleDescription(
        id: "IST015", title: "Gateway-bound VirtualService not served in the mesh", severity: .info,
        summary: "Speedscale: \"if your service is accessible both outside and inside the cluster, make sure the Istio VirtualService contains the same host.\" A VirtualService bound to a gateway routes in-mesh traffic (replayed traffic included) only when its gateways include mesh and its hosts include the Service's in-mesh name; otherwise in-mesh callers reach the Service without its routing. Manifests cannot show whether the service is also called inside the cluster, so this is info unless the setting inMeshCallers is true. It is reported once per VirtualService and Service, and not for a VirtualService whose hosts include \"*\" (Istio rejects \"*\" together with mesh) or a Service another VirtualService already serves to the mesh (a second one would clash with it).",
        fix: "If in-mesh callers use the service: add \"mesh\" to gateways and the Service's in-mesh name (name.namespace.svc.cluster.local) to hosts.",
        helpURI: DocumentLink.speedscaleIstio,
        triggeringExamples: [
            .mesh(virtualService(hosts: "- web.example.com", gateways: "- istio-system/public", destination: "↓web")),
            .mesh(
                virtualService(hosts: "- web.example.com", gateways: "- istio-system/public", destination: "↓web"),
                severity: .warning, settings: .with { $0.inMeshCallers = true }),
            .mesh(virtualService(hosts: "- web.example.com", gateways: "- istio-system/public\n- mesh", destination: "↓web.shop.svc.cluster.local")),
            // Two routes to the same Service: one finding.
            .mesh(virtualService(hosts: "- web.example.com", gateways: "- istio-system/public", destination: "↓web") + "\n  - route:\n    - destination:\n        host: web.shop"),
        ],
        nonTriggeringExamples: [
            .mesh(virtualService(
                hosts: "- web.example.com\n- web.shop.svc.cluster.local", gateways: "- istio-system/public\n- mesh",
                destination: "web.shop.svc.cluster.local")),
            // Bookinfo's gateway VirtualService: "*" cannot be served to the mesh.
            .mesh(virtualService(hosts: "- \"*\"", gateways: "- istio-system/public", destination: "web")),
            .mesh(virtualService(hosts: "- web.example.com\n- \"*.shop.svc.cluster.local\"", gateways: "- istio-system/public\n- mesh", destination: "web")),
            .mesh(virtualService(hosts: "- web", gateways: "- mesh", destination: "web")),
            // The destination is not the Service of a workload that runs the Speedscale sidecar.
            .mesh(virtualService(hosts: "- api.example.com", gateways: "- istio-system/public", destination: "api")),
            // Another VirtualService serves the Service to the mesh.
            .mesh(
                virtualService(hosts: "- web.example.com", gateways: "- istio-system/public", destination: "web") + "\n---\n"
                    + virtualService(hosts: "- web.shop.svc.cluster.local", gateways: "- mesh", destination: "web").replacing("name: web\n", with: "name: web-mesh\n")),
        ])

    /// A VirtualService `web` in `shop` with `hosts` and `gateways` (lines of the lists; no
    /// `gateways` when empty) routing to `destination`.
    static func virtualService(hosts: String, gateways: String, destination: String) -> String {
        func list(_ lines: String) -> String { lines.split(separator: "\n").map { "  " + $0 + "\n" }.joined() }
        return "apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  hosts:\n"
            + list(hosts) + (gateways.isEmpty ? "" : "  gateways:\n" + list(gateways))
            + "  http:\n  - route:\n    - destination:\n        host: \(destination)"
    }

    package init() {}

    package func check(_ context: MeshContext) -> [LocatedFinding] {
        let injected = context.workloadContexts.map(\.context).filter(\.sidecar.isInjected)
        return VirtualServiceAudit.gaps(inputs: context.inputs, index: context.index, workloads: injected).map { gap in
            let object = gap.virtualService.object
            let gateways = gap.virtualService.gateways.filter { $0 != "mesh" }.joined(separator: ", ")
            var finding = Finding(
                Self.description,
                "VirtualService \(object.name ?? "") is bound to gateway \(gateways) and routes to service \(gap.service.name ?? "") of \(gap.workloadNames), which runs the Speedscale sidecar, but \(gap.missing), so in-mesh callers (replayed traffic included) are not routed by it; if the service is also called inside the cluster, add them",
                at: gap.destination.range, fixes: gap.fixes)
            if context.settings.inMeshCallers { finding.severity = .warning }
            return LocatedFinding(input: gap.input, object: object, finding: finding)
        }
    }
}

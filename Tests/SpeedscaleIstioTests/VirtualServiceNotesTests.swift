import SpeedscaleIstio
import SpliceYAML
import Testing

/// inject's VirtualService notes: one per VirtualService and Service, naming the workloads
/// behind the Service, none for what lint does not report either.
@Suite struct VirtualServiceNotesTests {
    private func deployment(_ name: String, app: String) -> String {
        "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: \(name)\n  namespace: shop\nspec:\n  template:\n    metadata:\n      labels:\n        app: \(app)\n    spec:\n      containers:\n      - name: \(name)\n        image: x\n        ports:\n        - containerPort: 8080\n---\n"
    }

    private func service(_ name: String) -> String {
        "apiVersion: v1\nkind: Service\nmetadata:\n  name: \(name)\n  namespace: shop\nspec:\n  selector:\n    app: \(name)\n  ports:\n  - port: 80\n    targetPort: 8080\n---\n"
    }

    private func virtualService(hosts: String, routes: [String]) -> String {
        "apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: front\n  namespace: shop\nspec:\n  hosts: \(hosts)\n  gateways: [istio-system/public]\n  http:\n"
            + routes.map { "  - route:\n    - destination:\n        host: \($0)\n" }.joined()
    }

    private func notes(_ text: String) throws -> [String] {
        try Injector(options: InjectOptions()).inject(YAMLSource(text), file: "vs.yaml").notes
    }

    @Test func oneNotePerVirtualServiceAndServiceNamingItsWorkloads() throws {
        let text = deployment("web-v1", app: "web") + deployment("web-v2", app: "web") + deployment("api", app: "api")
            + service("web") + service("api")
            + virtualService(hosts: "[shop.example.com]", routes: ["web", "web.shop.svc.cluster.local", "api"])
        let found = try notes(text)
        #expect(found.count == 2, "\(found)")
        #expect(found.first?.hasPrefix("vs.yaml:76: virtualservice/front routes gateway traffic to service web of deployment/web-v1 and deployment/web-v2, but its gateways lack \"mesh\" and its hosts lack web.shop.svc.cluster.local;") == true, "\(found)")
        #expect(found.last?.contains("service api of deployment/api, but its gateways lack \"mesh\" and its hosts lack api.shop.svc.cluster.local;") == true, "\(found)")
    }

    @Test func noNoteForAWildcardHostOrAServiceServedToTheMeshElsewhere() throws {
        let base = deployment("web", app: "web") + service("web")
        #expect(try notes(base + virtualService(hosts: "[\"*\"]", routes: ["web"])) == [])
        let meshRoute = "---\napiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  hosts: [web]\n  http:\n  - route:\n    - destination:\n        host: web\n"
        #expect(try notes(base + virtualService(hosts: "[shop.example.com]", routes: ["web"]) + meshRoute) == [])
    }
}

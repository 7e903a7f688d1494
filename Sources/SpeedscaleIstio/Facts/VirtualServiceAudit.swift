import KubeManifests
import SpliceYAML

/// A gateway-bound VirtualService that routes to the Service of workloads running the
/// Speedscale sidecar, and that in-mesh callers (replayed traffic included) do not get,
/// because its `gateways` lack `mesh` or its `hosts` lack the Service's in-mesh name (D8).
/// Speedscale asks for both only "if your service is accessible both outside and inside the
/// cluster", which manifests cannot show.
struct VirtualServiceGap: Sendable {
    /// The input (file) that holds the VirtualService.
    let input: Int
    /// The VirtualService.
    let virtualService: VirtualService
    /// The Service it routes to.
    let service: ServiceSummary
    /// The workloads behind the Service that run the Speedscale sidecar.
    let workloads: [Workload]
    /// The first `destination.host` that routes to the Service.
    let destination: YAMLNode
    /// Whether `gateways` lacks `mesh`.
    let lacksMeshGateway: Bool
    /// The in-mesh name `hosts` lacks (`name.namespace.svc.cluster.local`), if it lacks one.
    let lacksHost: String?

    /// What is missing, in words: `its gateways lack "mesh" and its hosts lack web.shop.svc.cluster.local`.
    var missing: String {
        var parts: [String] = []
        if lacksMeshGateway { parts.append("its gateways lack \"mesh\"") }
        if let lacksHost { parts.append("its hosts lack \(lacksHost)") }
        return parts.joined(separator: " and ")
    }

    /// The workloads behind the Service: `deployment/web and deployment/web-canary`.
    var workloadNames: String {
        let names = workloads.map(\.displayName)
        return names.count <= 2 ? names.joined(separator: " and ") : names.dropLast().joined(separator: ", ") + " and " + (names.last ?? "")
    }

    /// The edits that let in-mesh callers get the VirtualService: `mesh` in `gateways`, the
    /// in-mesh name in `hosts`.
    var fixes: [Fix] {
        var fixes: [Fix] = []
        if lacksMeshGateway { fixes.append(.upsert([.key("spec"), .key("gateways"), .scalar("mesh")], .text("mesh"))) }
        if let lacksHost { fixes.append(.upsert([.key("spec"), .key("hosts"), .scalar(lacksHost)], .text(lacksHost))) }
        return fixes
    }
}

/// Finds the ``VirtualServiceGap``s of a run once, for lint (IST015) and inject's notes: one per
/// VirtualService and Service. Services are found through the ``MeshIndex``, so the cost grows
/// with the VirtualServices' routes and the workloads, not with their product.
enum VirtualServiceAudit {
    /// The gaps of the VirtualServices of `inputs` towards the Services of `workloads` (those
    /// that run the Speedscale sidecar). A VirtualService is passed over when it applies to the
    /// mesh already with the in-mesh name, when it has no hosts (a delegate) or the host `*`
    /// (Istio rejects `*` with `mesh`), and for a Service whose in-mesh name another
    /// VirtualService already serves to the mesh (adding it here would clash with that one).
    static func gaps(inputs: [ManifestStream], index: MeshIndex, workloads: [WorkloadContext]) -> [VirtualServiceGap] {
        let virtualServices = inputs.enumerated().flatMap { input, manifests in
            manifests.virtualServices.map { (input: input, virtualService: $0) }
        }
        // Without a VirtualService in the run there is nothing to note.
        guard !virtualServices.isEmpty else { return [] }
        var behind: [ServiceKey: (service: ServiceSummary, workloads: [Workload])] = [:]
        for context in workloads {
            let workload = context.workload
            for service in index.services(selecting: workload.podLabels, in: workload.object.namespace) {
                guard let name = service.name else { continue }
                behind[ServiceKey(name: name, namespace: service.namespace), default: (service, [])].workloads.append(workload)
            }
        }
        guard !behind.isEmpty else { return [] }
        var servedToMesh: Set<ServiceKey> = []
        for (_, virtualService) in virtualServices where virtualService.appliesToMesh {
            for host in virtualService.hosts {
                if let key = ServiceKey(host: host, viewedFrom: virtualService.namespace) { servedToMesh.insert(key) }
            }
        }
        var gaps: [VirtualServiceGap] = []
        for (input, virtualService) in virtualServices {
            let gateways = virtualService.gateways
            let hosts = virtualService.hosts
            guard !gateways.isEmpty, !hosts.isEmpty, !hosts.contains("*") else { continue }
            var seen: Set<ServiceKey> = []
            for destination in virtualService.destinationHostNodes {
                guard let key = ServiceKey(host: destination.value, viewedFrom: virtualService.namespace),
                      let target = behind[key], seen.insert(key).inserted else { continue }
                let lacksMesh = !gateways.contains("mesh")
                let servesHost = hosts.contains { host in
                    ServiceKey(host: host, viewedFrom: virtualService.namespace) == key || key.matchesWildcard(host)
                }
                guard lacksMesh || !servesHost, !servedToMesh.contains(key) else { continue }
                gaps.append(VirtualServiceGap(
                    input: input, virtualService: virtualService, service: target.service, workloads: target.workloads,
                    destination: destination, lacksMeshGateway: lacksMesh, lacksHost: servesHost ? nil : key.inMeshHost))
            }
        }
        return gaps
    }
}

/// A Service by namespace and name, as the hosts of a VirtualService name it in the mesh.
struct ServiceKey: Hashable, Sendable {
    /// The Service's name.
    let name: String
    /// Its namespace (nil when the manifest names none).
    let namespace: String?

    /// A key.
    init(name: String, namespace: String?) {
        self.name = name
        self.namespace = namespace
    }

    /// The Service an in-mesh host names, read as Istio reads a VirtualService's hosts and
    /// destinations: a short name in the VirtualService's namespace, or `name.namespace`,
    /// `name.namespace.svc` and `name.namespace.svc.cluster.local`. Nil for other names.
    init?(host: String, viewedFrom namespace: String?) {
        var name = Substring(host.lowercased())
        for suffix in [".svc.cluster.local", ".svc"] where name.hasSuffix(suffix) {
            name = name.dropLast(suffix.count)
            break
        }
        let labels = name.split(separator: ".", omittingEmptySubsequences: false)
        guard let first = labels.first, !first.isEmpty, !first.contains("*") else { return nil }
        switch labels.count {
        case 1: self.init(name: String(first), namespace: namespace)
        case 2 where !labels[1].isEmpty: self.init(name: String(first), namespace: String(labels[1]))
        default: return nil
        }
    }

    /// The name in-mesh callers use: `name.namespace.svc.cluster.local`, or the short name
    /// when the namespace is not known.
    var inMeshHost: String {
        namespace.map { "\(name).\($0).svc.cluster.local" } ?? name
    }

    /// Whether `host` is a wildcard (`*.shop.svc.cluster.local`) that covers the in-mesh name.
    func matchesWildcard(_ host: String) -> Bool {
        guard host.hasPrefix("*"), host != "*", namespace != nil else { return false }
        return inMeshHost.hasSuffix(host.dropFirst().lowercased())
    }
}

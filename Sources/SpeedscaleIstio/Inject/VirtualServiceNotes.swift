import KubeManifests

/// D8: inject does not change VirtualServices, but says which gateway-bound ones route to
/// an injected workload's Service without its in-mesh host or without the `mesh` gateway.
enum VirtualServiceNotes {
    static func add(to plans: inout [FilePlan]) {
        let injectedLabels = plans.flatMap(\.sidecarWorkloads).map { (namespace: $0.workload.object.namespace, labels: $0.workload.podLabels) }
        let services = plans.flatMap(\.parsed.manifests.services).filter { service in
            injectedLabels.contains { $0.namespace == service.namespace && service.selects($0.labels) }
        }
        for index in plans.indices {
            for virtualService in plans[index].parsed.manifests.virtualServices {
                for problem in VirtualServiceCheck.problems(virtualService, services: services) {
                    let location = plans[index].parsed.source.location(ofByte: virtualService.object.node.start)
                    plans[index].notes.append("\(plans[index].parsed.file):\(location.line): virtualservice/\(virtualService.object.name ?? "") \(problem) (not changed: check by hand whether in-mesh callers use this host)")
                }
            }
        }
    }
}

/// What a gateway-bound VirtualService that routes to a Service lacks (D8).
public struct VirtualServiceProblem: Sendable, Equatable, CustomStringConvertible {
    /// What is missing.
    public enum Missing: Sendable, Equatable {
        /// `gateways` lacks `mesh`.
        case meshGateway
        /// `hosts` lacks every in-mesh name of the Service.
        case inMeshHost
    }

    /// What is missing.
    public let missing: Missing
    /// The Service routed to.
    public let service: String
    /// The Service's namespace (`default` when the manifest names none).
    public let namespace: String

    /// Plain language, as inject's notes and lint's findings say it.
    public var description: String {
        switch missing {
        case .meshGateway: return "routes to service \(service) but its gateways lack \"mesh\""
        case .inMeshHost: return "routes to service \(service) but its hosts lack an in-mesh name such as \(service).\(namespace).svc.cluster.local"
        }
    }
}

/// Which in-mesh names of a Service a gateway-bound VirtualService misses (D8).
public enum VirtualServiceCheck {
    /// The problems of `virtualService` with respect to `services`: empty when it is not bound to a
    /// gateway, routes to none of them, or carries both an in-mesh host and the `mesh` gateway.
    public static func problems(_ virtualService: VirtualService, services: [KubeService]) -> [VirtualServiceProblem] {
        let gateways = virtualService.gateways
        guard !gateways.isEmpty, !(gateways.count == 1 && gateways[0] == "mesh") else { return [] }
        let vsNamespace = virtualService.namespace ?? "default"
        var problems: [VirtualServiceProblem] = []
        for service in services {
            guard let name = service.name else { continue }
            let namespace = service.namespace ?? "default"
            let names = inMeshNames(name: name, namespace: namespace, viewedFrom: vsNamespace)
            let routes = virtualService.destinationHosts.contains { names.contains($0) }
            guard routes else { continue }
            if !gateways.contains("mesh") {
                problems.append(VirtualServiceProblem(missing: .meshGateway, service: name, namespace: namespace))
            }
            if !virtualService.hosts.contains(where: { names.contains($0) }) {
                problems.append(VirtualServiceProblem(missing: .inMeshHost, service: name, namespace: namespace))
            }
        }
        return problems
    }

    /// The names by which a Service is reached inside the mesh.
    public static func inMeshNames(name: String, namespace: String, viewedFrom: String) -> Set<String> {
        var names: Set<String> = ["\(name).\(namespace)", "\(name).\(namespace).svc", "\(name).\(namespace).svc.cluster.local"]
        if namespace == viewedFrom { names.insert(name) }
        return names
    }
}

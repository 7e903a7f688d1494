import SpliceYAML

/// An Istio `networking.istio.io` `Sidecar` (any served apiVersion).
public struct IstioSidecar: Sendable {
    /// The object.
    public let object: KubeObject

    /// Recognises a `Sidecar` of `networking.istio.io`.
    public init?(_ object: KubeObject) {
        guard object.kind == "Sidecar", object.apiVersion?.hasPrefix("networking.istio.io/") == true else { return nil }
        self.object = object
    }

    /// `metadata.namespace`, if given.
    public var namespace: String? { object.namespace }

    /// The `spec.workloadSelector.labels`, when the Sidecar selects workloads.
    public var workloadSelector: [String: String]? {
        guard let labels = object.node.lookup(["spec", "workloadSelector", "labels"]), labels.kind == .mapping else { return nil }
        return Dictionary(labels.stringEntries.map { ($0.key, $0.value) }, uniquingKeysWith: { _, last in last })
    }

    /// Whether it has a `workloadSelector` with labels (else it is its namespace's default).
    public var hasWorkloadSelector: Bool { !(workloadSelector?.isEmpty ?? true) }

    /// Whether its `workloadSelector` selects pods with `labels` (a Sidecar without one selects
    /// no pod in particular).
    public func selects(_ labels: [String: String]) -> Bool {
        guard let selector = workloadSelector, !selector.isEmpty else { return false }
        return selector.allSatisfy { labels[$0.key] == $0.value }
    }

    /// The `spec.egress` sequence node, when present.
    public var egressNode: YAMLNode? { object.node.lookup(["spec", "egress"]) }

    /// The egress listeners.
    public var egress: [EgressListener] {
        guard let list = egressNode, list.kind == .sequence else { return [] }
        return list.items.enumerated().compactMap { index, item in
            item.kind == .mapping ? EgressListener(index: index, node: item) : nil
        }
    }

    /// `spec.outboundTrafficPolicy.mode` (`REGISTRY_ONLY` or `ALLOW_ANY`).
    public var outboundTrafficPolicy: String? { object.node.string(at: ["spec", "outboundTrafficPolicy", "mode"]) }
}

/// One entry of a Sidecar's `spec.egress`.
public struct EgressListener: Sendable {
    /// Its position in `egress`.
    public let index: Int
    /// Its mapping node.
    public let node: YAMLNode

    /// The `hosts` sequence node, when present.
    public var hostsNode: YAMLNode? { node["hosts"] }

    /// The host items that are scalars (`namespace/dnsName`).
    public var hostItems: [YAMLNode] {
        guard let list = hostsNode, list.kind == .sequence else { return [] }
        return list.items.filter { $0.kind == .scalar }
    }

    /// The host strings (`namespace/dnsName`).
    public var hosts: [String] { hostItems.map(\.value) }

    /// The `port` node, when the listener has one.
    public var portNode: YAMLNode? {
        guard let port = node["port"], !port.isNull else { return nil }
        return port
    }

    /// Whether it is the catch-all listener: one without a `port`, which serves every port
    /// that no listener bound to that port serves.
    public var isCatchAll: Bool { portNode == nil }

    /// `port.number`, when the listener is bound to a port.
    public var port: Int? { node.string(at: ["port", "number"]).flatMap { Int($0) } }
}

/// An Istio `VirtualService`.
public struct VirtualService: Sendable {
    /// The object.
    public let object: KubeObject

    /// Recognises a `VirtualService` of `networking.istio.io`.
    public init?(_ object: KubeObject) {
        guard object.kind == "VirtualService", object.apiVersion?.hasPrefix("networking.istio.io/") == true else { return nil }
        self.object = object
    }

    /// `metadata.namespace`, if given.
    public var namespace: String? { object.namespace }

    /// The `spec.hosts` sequence node.
    public var hostsNode: YAMLNode? { object.node.lookup(["spec", "hosts"]) }

    /// `spec.hosts`.
    public var hosts: [String] { scalars(hostsNode) }

    /// The `spec.gateways` sequence node.
    public var gatewaysNode: YAMLNode? { object.node.lookup(["spec", "gateways"]) }

    /// `spec.gateways` (empty means `mesh`).
    public var gateways: [String] { scalars(gatewaysNode) }

    /// Every `destination.host` of its http, tcp and tls routes.
    public var destinationHosts: [String] { destinationHostNodes.map(\.value) }

    /// The `destination.host` scalar nodes of its http, tcp and tls routes, in order.
    public var destinationHostNodes: [YAMLNode] {
        var hosts: [YAMLNode] = []
        for section in ["http", "tcp", "tls"] {
            guard let routes = object.node.lookup(["spec", section]), routes.kind == .sequence else { continue }
            for route in routes.items {
                guard let destinations = route["route"], destinations.kind == .sequence else { continue }
                hosts += destinations.items.compactMap { $0.lookup(["destination", "host"]) }.filter { $0.kind == .scalar }
            }
        }
        return hosts
    }

    /// Whether it applies to in-mesh traffic (the sidecars): `gateways` is empty or lists `mesh`.
    public var appliesToMesh: Bool {
        let gateways = self.gateways
        return gateways.isEmpty || gateways.contains("mesh")
    }

    private func scalars(_ node: YAMLNode?) -> [String] {
        guard let node, node.kind == .sequence else { return [] }
        return node.items.filter { $0.kind == .scalar }.map(\.value)
    }
}

/// A core `Service`.
public struct KubeService: Sendable {
    /// The object.
    public let object: KubeObject

    /// Recognises a `v1` `Service`.
    public init?(_ object: KubeObject) {
        guard object.kind == "Service", object.apiVersion == "v1" else { return nil }
        self.object = object
    }

    /// `metadata.name`.
    public var name: String? { object.name }
    /// `metadata.namespace`.
    public var namespace: String? { object.namespace }
    /// `spec.selector`.
    public var selector: [String: String] {
        Dictionary(object.node.lookup(["spec", "selector"])?.stringEntries.map { ($0.key, $0.value) } ?? [], uniquingKeysWith: { _, last in last })
    }

    /// The entries of `spec.ports`.
    public var ports: [ServicePort] {
        guard let list = object.node.lookup(["spec", "ports"]), list.kind == .sequence else { return [] }
        return list.items.filter { $0.kind == .mapping }.map(ServicePort.init)
    }

    /// Whether the Service selects pods with `labels`.
    public func selects(_ labels: [String: String]) -> Bool {
        let selector = self.selector
        return !selector.isEmpty && selector.allSatisfy { labels[$0.key] == $0.value }
    }
}

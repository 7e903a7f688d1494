/// What a core `Service` tells about the pods it sends traffic to, read once into plain
/// values: it keeps no parsed node, so it outlives the document it was read from.
public struct ServiceSummary: Sendable, Equatable {
    /// `metadata.name`.
    public let name: String?
    /// `metadata.namespace`.
    public let namespace: String?
    /// `spec.selector`.
    public let selector: [String: String]
    /// The `targetPort` of each entry of `spec.ports` that has one (as written: a number or a
    /// container port's name; `port` when `targetPort` is absent, as Kubernetes defaults it).
    public let targetPorts: [String]

    /// Reads `service`.
    public init(_ service: KubeService) {
        name = service.name
        namespace = service.namespace
        selector = service.selector
        targetPorts = service.ports.compactMap(\.targetPort)
    }

    /// Makes a summary from its values.
    public init(name: String?, namespace: String?, selector: [String: String], targetPorts: [String]) {
        self.name = name
        self.namespace = namespace
        self.selector = selector
        self.targetPorts = targetPorts
    }
}

/// What a core `Service` tells about the pods it sends traffic to, read once into plain
/// values: it keeps no parsed node, so it outlives the document it was read from.
public struct ServiceSummary: Sendable {
    /// `metadata.name`.
    public let name: String?
    /// `metadata.namespace`.
    public let namespace: String?
    /// The entries of `spec.selector`, sorted by key (a list, not a dictionary: a long
    /// stream's Services are many, and their selectors small).
    public let selector: [(key: String, value: String)]
    /// The `targetPort` of each entry of `spec.ports` that has one (as written: a number or a
    /// container port's name; `port` when `targetPort` is absent, as Kubernetes defaults it).
    public let targetPorts: [String]
    /// Whether an entry of `spec.ports` writes a `targetPort` that is not a number or a name
    /// (null, a list...), which ``targetPorts`` leaves out.
    public let hasUnreadTargetPort: Bool

    /// Reads `service`.
    public init(_ service: KubeService) {
        name = service.name
        namespace = service.namespace
        selector = service.selector.sorted { $0.key < $1.key }
        let ports = service.ports
        targetPorts = ports.compactMap(\.targetPort)
        hasUnreadTargetPort = ports.contains { $0.targetPortNode != nil && $0.targetPort == nil }
    }

    /// Makes a summary from its values.
    public init(name: String?, namespace: String?, selector: [String: String], targetPorts: [String], hasUnreadTargetPort: Bool = false) {
        self.name = name
        self.namespace = namespace
        self.selector = selector.sorted { $0.key < $1.key }
        self.targetPorts = targetPorts
        self.hasUnreadTargetPort = hasUnreadTargetPort
    }

    /// Whether the Service selects pods labelled `labels`: it has a selector, and every
    /// entry of it is among the labels.
    public func selects(_ labels: [String: String]) -> Bool {
        !selector.isEmpty && selector.allSatisfy { labels[$0.key] == $0.value }
    }
}

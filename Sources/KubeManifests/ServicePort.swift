import SpliceYAML

/// One entry of a Service's `spec.ports`.
public struct ServicePort: Sendable {
    /// The entry's mapping node.
    public let node: YAMLNode

    /// Makes a port view.
    public init(node: YAMLNode) {
        self.node = node
    }

    /// `port`, when it is an integer.
    public var port: Int? { node.string(at: ["port"]).flatMap { Int($0) } }

    /// The `targetPort` value node, when written.
    public var targetPortNode: YAMLNode? { node["targetPort"] }

    /// `targetPort` as written (a number or a container port's name), or `port` when it is
    /// absent, as Kubernetes defaults it.
    public var targetPort: String? {
        if let target = targetPortNode { return target.kind == .scalar && !target.isNull ? target.value : nil }
        return node.string(at: ["port"])
    }
}

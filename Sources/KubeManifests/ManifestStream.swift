import SpliceYAML

/// The Kubernetes objects of a parsed YAML stream, in order: each document's root mapping,
/// with the items of a `kind: List` in place of the List itself.
public struct ManifestStream: Sendable {
    /// The parsed stream.
    public let stream: YAMLStream
    /// The objects found, in source order.
    public let objects: [KubeObject]

    /// Finds the objects of `stream`.
    public init(_ stream: YAMLStream) {
        self.stream = stream
        var objects: [KubeObject] = []
        for (index, document) in stream.documents.enumerated() {
            let root = document.root
            guard root.kind == .mapping else { continue }
            let kind = root.string(at: ["kind"])
            if kind == "List" || (kind?.hasSuffix("List") == true && root["items"]?.kind == .sequence) {
                let items: [YAMLNode] = root["items"].map { Array($0.items) } ?? []
                for (itemIndex, item) in items.enumerated() where item.kind == .mapping {
                    objects.append(KubeObject(node: item, documentIndex: index, listItemIndex: itemIndex))
                }
            } else {
                objects.append(KubeObject(node: root, documentIndex: index, kind: kind))
            }
        }
        self.objects = objects
    }

    /// The workloads among the objects.
    public var workloads: [Workload] { objects.compactMap(Workload.init) }

    /// The Istio `Sidecar`s among the objects.
    public var sidecars: [IstioSidecar] { objects.compactMap(IstioSidecar.init) }

    /// The Istio `VirtualService`s among the objects.
    public var virtualServices: [VirtualService] { objects.compactMap(VirtualService.init) }

    /// The `Service`s among the objects.
    public var services: [KubeService] { objects.compactMap(KubeService.init) }

    /// The source of the stream.
    public var source: YAMLSource { stream.source }
}

import SpliceYAML

/// The Kubernetes objects of a parsed YAML stream, in order: each document's root mapping,
/// with the items of a `kind: List` in place of the List itself.
public struct ManifestStream: Sendable {
    /// The parsed stream.
    public let stream: YAMLStream
    /// The objects found, in source order.
    public let objects: [KubeObject]
    /// The workloads among the objects, in source order.
    public let workloads: [Workload]

    /// Finds the objects of `stream`, and the workloads among them, reading its documents in
    /// batches on up to `workers` threads (the objects are the same, in the same order, for
    /// any number of workers).
    public init(_ stream: YAMLStream, workers: Workers = .one) {
        self.stream = stream
        let documents = Array(stream.documents.enumerated())
        let found = workers.map(workers.batches(documents, minimumSize: Self.batchSize)) { batch in
            let objects = batch.flatMap { index, document in Self.objects(in: document, at: index) }
            return (objects: objects, workloads: objects.compactMap(Workload.init))
        }
        if found.count == 1, let only = found.first {
            (objects, workloads) = only
        } else {
            objects = Array(found.map(\.objects).joined())
            workloads = Array(found.map(\.workloads).joined())
        }
    }

    /// How many documents a thread reads at least: classifying one costs little.
    private static let batchSize = 512

    /// The objects of `document`, the `index`th of the stream: its root mapping, or the
    /// mapping items of a `kind: List`.
    private static func objects(in document: YAMLDocument, at index: Int) -> [KubeObject] {
        let root = document.root
        guard root.kind == .mapping else { return [] }
        let kind = root.string(at: ["kind"])
        if kind == "List" || (kind?.hasSuffix("List") == true && root["items"]?.kind == .sequence) {
            let items: [YAMLNode] = root["items"].map { Array($0.items) } ?? []
            return items.enumerated().compactMap { itemIndex, item in
                item.kind == .mapping ? KubeObject(node: item, documentIndex: index, listItemIndex: itemIndex) : nil
            }
        }
        return [KubeObject(node: root, documentIndex: index, kind: kind)]
    }

    /// The Istio `Sidecar`s among the objects.
    public var sidecars: [IstioSidecar] { objects.compactMap(IstioSidecar.init) }

    /// The Istio `VirtualService`s among the objects.
    public var virtualServices: [VirtualService] { objects.compactMap(VirtualService.init) }

    /// The `Service`s among the objects.
    public var services: [KubeService] { objects.compactMap(KubeService.init) }

    /// The source of the stream.
    public var source: YAMLSource { stream.source }
}

import KubeManifests
import SpliceYAML

/// The objects of a run that workloads are matched against, indexed once: Namespaces by
/// name, and Services by namespace and selector (so matching every workload costs no more
/// than the Services that could select it) and by namespace and name.
///
/// The index holds plain values, no parsed nodes: it can be built from the ``Fact``s of a
/// long stream read a piece at a time, each piece's nodes freed once its facts are read.
public struct MeshIndex: Sendable {
    /// What one object adds to the index.
    public enum Fact: Sendable {
        /// A `Namespace` and its labels.
        case namespace(name: String, labels: [String: String])
        /// A core `Service`.
        case service(ServiceSummary)
    }

    /// A Service with its position in the run.
    private struct IndexedService: Sendable {
        let service: ServiceSummary
        let order: Int
    }

    private struct LabelPair: Hashable, Sendable {
        let key: String
        let value: String
    }

    /// The labels of each `Namespace` of the run, by name.
    public let namespaceLabels: [String: [String: String]]
    /// Services by namespace, then by the first entry (in key order) of their selector.
    private let services: [String: [LabelPair: [IndexedService]]]
    /// Services by namespace (empty when the manifest names none) and name; the last one wins.
    private let servicesByName: [LabelPair: ServiceSummary]

    /// Indexes the objects of `inputs`, reading them on up to `workers` threads.
    public init(_ inputs: [ManifestStream], workers: Workers = .one) {
        let objects = inputs.flatMap(\.objects)
        let batches = workers.batches(objects, minimumSize: 256)
        self.init(facts: workers.map(batches) { batch in batch.compactMap(Self.fact) }.joined())
    }

    /// Indexes `facts`, in run order.
    public init<Facts: Sequence<Fact>>(facts: Facts) {
        var labels: [String: [String: String]] = [:]
        var services: [String: [LabelPair: [IndexedService]]] = [:]
        var byName: [LabelPair: ServiceSummary] = [:]
        var order = 0
        for fact in facts {
            switch fact {
            case .namespace(let name, let namespaceLabels):
                labels[name] = namespaceLabels
            case .service(let service):
                if let name = service.name { byName[LabelPair(key: service.namespace ?? "", value: name)] = service }
                guard let first = service.selector.min(by: { $0.key < $1.key }) else { continue }
                services[service.namespace ?? "", default: [:]][LabelPair(key: first.key, value: first.value), default: []]
                    .append(IndexedService(service: service, order: order))
                order += 1
            }
        }
        namespaceLabels = labels
        self.services = services
        servicesByName = byName
    }

    /// What `object` adds to the index: a Namespace's labels or a Service's summary.
    public static func fact(_ object: KubeObject) -> Fact? {
        if object.kind == "Namespace", let name = object.name { return .namespace(name: name, labels: object.labels) }
        return KubeService(object).map { .service(ServiceSummary($0)) }
    }

    /// The Service named `name` in `namespace`, when the run holds it.
    public func service(named name: String, in namespace: String?) -> ServiceSummary? {
        servicesByName[LabelPair(key: namespace ?? "", value: name)]
    }

    /// The labels of `namespace`'s Namespace object, when the run holds it.
    public func labels(ofNamespace namespace: String?) -> [String: String] {
        namespace.flatMap { namespaceLabels[$0] } ?? [:]
    }

    /// The Services in `namespace` whose selector selects pods labelled `labels`, in run order.
    public func services(selecting labels: [String: String], in namespace: String?) -> [ServiceSummary] {
        guard let byLabel = services[namespace ?? ""] else { return [] }
        var found: [IndexedService] = []
        for (key, value) in labels {
            for candidate in byLabel[LabelPair(key: key, value: value)] ?? []
            where candidate.service.selector.allSatisfy({ labels[$0.key] == $0.value }) {
                found.append(candidate)
            }
        }
        return found.sorted { $0.order < $1.order }.map(\.service)
    }
}

import KubeManifests
import SpliceYAML

/// The objects of a run that workloads are matched against, indexed once: Namespaces by
/// name, and Services by namespace and selector (so matching every workload costs no more
/// than the Services that could select it) and by namespace and name.
public struct MeshIndex: Sendable {
    /// A Service with its selector read once.
    struct IndexedService: Sendable {
        let service: KubeService
        let selector: [String: String]
        /// Its position in the run.
        let order: Int
    }

    /// The labels of each `Namespace` of the run, by name.
    public let namespaceLabels: [String: [String: String]]
    /// Services by namespace, then by the first entry (in key order) of their selector.
    private let services: [String: [LabelPair: [IndexedService]]]
    /// Services by namespace (empty when the manifest names none) and name; the last one wins.
    private let servicesByName: [LabelPair: KubeService]

    private struct LabelPair: Hashable, Sendable {
        let key: String
        let value: String
    }

    /// What one object adds to the index.
    private enum Fact: Sendable {
        case namespace(name: String, labels: [String: String])
        case service(KubeService, selector: [String: String])
    }

    /// Indexes the objects of `inputs`, reading them on up to `workers` threads.
    public init(_ inputs: [ManifestStream], workers: Workers = .one) {
        let objects = inputs.flatMap(\.objects)
        let batches = workers.batches(objects, minimumSize: 256)
        let facts = workers.map(batches) { batch in
            batch.compactMap { object -> Fact? in
                if object.kind == "Namespace", let name = object.name { return .namespace(name: name, labels: object.labels) }
                return KubeService(object).map { .service($0, selector: $0.selector) }
            }
        }
        var labels: [String: [String: String]] = [:]
        var services: [String: [LabelPair: [IndexedService]]] = [:]
        var byName: [LabelPair: KubeService] = [:]
        var order = 0
        for fact in facts.joined() {
            switch fact {
            case .namespace(let name, let namespaceLabels):
                labels[name] = namespaceLabels
            case .service(let service, let selector):
                if let name = service.name { byName[LabelPair(key: service.namespace ?? "", value: name)] = service }
                guard let first = selector.min(by: { $0.key < $1.key }) else { continue }
                services[service.namespace ?? "", default: [:]][LabelPair(key: first.key, value: first.value), default: []]
                    .append(IndexedService(service: service, selector: selector, order: order))
                order += 1
            }
        }
        namespaceLabels = labels
        self.services = services
        servicesByName = byName
    }

    /// The Service named `name` in `namespace`, when the run holds it.
    public func service(named name: String, in namespace: String?) -> KubeService? {
        servicesByName[LabelPair(key: namespace ?? "", value: name)]
    }

    /// The labels of `namespace`'s Namespace object, when the run holds it.
    public func labels(ofNamespace namespace: String?) -> [String: String] {
        namespace.flatMap { namespaceLabels[$0] } ?? [:]
    }

    /// The Services in `namespace` whose selector selects pods labelled `labels`, in run order.
    public func services(selecting labels: [String: String], in namespace: String?) -> [KubeService] {
        guard let byLabel = services[namespace ?? ""] else { return [] }
        var found: [IndexedService] = []
        for (key, value) in labels {
            for candidate in byLabel[LabelPair(key: key, value: value)] ?? []
            where candidate.selector.allSatisfy({ labels[$0.key] == $0.value }) {
                found.append(candidate)
            }
        }
        return found.sorted { $0.order < $1.order }.map(\.service)
    }
}

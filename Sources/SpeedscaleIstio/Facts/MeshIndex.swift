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

    private struct LabelPair: Hashable, Sendable {
        let key: String
        let value: String
    }

    /// The labels of each `Namespace` of the run, by name.
    public let namespaceLabels: [String: [String: String]]
    /// The Services of the run, in run order. The tables below hold indexes into it, not
    /// copies or lists of their own: a long stream's Services are many.
    private let services: [ServiceSummary]
    /// By namespace, then by the first entry of their selector, the last Service with both;
    /// ``earlier`` leads from each Service to the one before it with both (-1: none).
    private let lastSelecting: [String: [LabelPair: Int32]]
    private let earlier: [Int32]
    /// Services by namespace (empty when the manifest names none) and name; the last one wins.
    private let named: [LabelPair: Int32]

    /// Indexes the objects of `inputs`, reading them on up to `workers` threads.
    public init(_ inputs: [ManifestStream], workers: Workers = .one) {
        // Batches of each input's objects, not of all of them joined: many small inputs
        // are read one a batch, with no serial copy of their objects first.
        let batches = inputs.flatMap { workers.batches($0.objects, minimumSize: 256) }
        self.init(facts: workers.map(batches) { batch in batch.compactMap(Self.fact) }.joined())
    }

    /// Indexes `facts`, in run order.
    public init<Facts: Sequence<Fact>>(facts: Facts) {
        var labels: [String: [String: String]] = [:]
        var services: [ServiceSummary] = []
        var lastSelecting: [String: [LabelPair: Int32]] = [:]
        var earlier: [Int32] = []
        var named: [LabelPair: Int32] = [:]
        for fact in facts {
            switch fact {
            case .namespace(let name, let namespaceLabels):
                labels[name] = namespaceLabels
            case .service(let service):
                let index = Int32(services.count)
                let namespace = service.namespace ?? ""
                if let name = service.name { named[LabelPair(key: namespace, value: name)] = index }
                if let first = service.selector.first {
                    let entry = LabelPair(key: first.key, value: first.value)
                    earlier.append(lastSelecting[namespace]?[entry] ?? -1)
                    lastSelecting[namespace, default: [:]][entry] = index
                } else {
                    earlier.append(-1)
                }
                services.append(service)
            }
        }
        namespaceLabels = labels
        self.services = services
        self.lastSelecting = lastSelecting
        self.earlier = earlier
        self.named = named
    }

    /// What `object` adds to the index: a Namespace's labels or a Service's summary.
    public static func fact(_ object: KubeObject) -> Fact? {
        if object.kind == "Namespace", let name = object.name { return .namespace(name: name, labels: object.labels) }
        return KubeService(object).map { .service(ServiceSummary($0)) }
    }

    /// The Service named `name` in `namespace`, when the run holds it.
    public func service(named name: String, in namespace: String?) -> ServiceSummary? {
        named[LabelPair(key: namespace ?? "", value: name)].map { services[Int($0)] }
    }

    /// The labels of `namespace`'s Namespace object, when the run holds it.
    public func labels(ofNamespace namespace: String?) -> [String: String] {
        namespace.flatMap { namespaceLabels[$0] } ?? [:]
    }

    /// The Services in `namespace` whose selector selects pods labelled `labels`, in run order.
    public func services(selecting labels: [String: String], in namespace: String?) -> [ServiceSummary] {
        guard let byLabel = lastSelecting[namespace ?? ""] else { return [] }
        var found: [Int] = []
        for (key, value) in labels {
            var next = byLabel[LabelPair(key: key, value: value)] ?? -1
            while next >= 0 {
                let index = Int(next)
                if services[index].selects(labels) { found.append(index) }
                next = earlier[index]
            }
        }
        return found.sorted().map { services[$0] }
    }
}

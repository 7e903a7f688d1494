import SpliceYAML

/// An object with a pod template (or a Pod), seen through the paths its kind uses.
public struct Workload: Sendable {
    /// The object.
    public let object: KubeObject
    /// Its kind.
    public let kind: WorkloadKind
    /// The pod template (the object itself for a Pod), found once: the pod spec, labels and
    /// annotations are read below it, rule after rule.
    private let podTemplate: YAMLNode?

    /// Recognises `object` as a workload by its `kind` (any apiVersion).
    public init?(_ object: KubeObject) {
        guard let kindName = object.kind, let kind = WorkloadKind(rawValue: kindName) else { return nil }
        self.object = object
        self.kind = kind
        podTemplate = object.node.lookup(Array(kind.podSpecPath.dropLast()))
    }

    /// The name, as `kind/name`.
    public var displayName: String { object.displayName }

    /// Whether the apiVersion is not the one this kind is usually served at.
    public var hasUnusualAPIVersion: Bool {
        guard let version = object.apiVersion else { return true }
        return !kind.usualAPIVersions.contains(version)
    }

    /// The pod template's annotations mapping node.
    public var podTemplateAnnotationsNode: YAMLNode? {
        guard kind != .pod else { return nil }
        return podTemplate?.lookup(["metadata", "annotations"])
    }

    /// The pod template's labels mapping node (the Pod's own for a Pod).
    public var podLabelsNode: YAMLNode? {
        podTemplate?.lookup(["metadata", "labels"])
    }

    /// The pod template's labels (the Pod's own labels for a Pod).
    public var podLabels: [String: String] {
        Dictionary(podLabelsNode?.stringEntries.map { ($0.key, $0.value) } ?? [], uniquingKeysWith: { _, last in last })
    }

    /// The pod spec mapping, when there is one.
    public var podSpec: YAMLNode? {
        guard let spec = podTemplate?["spec"], spec.kind == .mapping else { return nil }
        return spec
    }

    /// Whether an Argo Rollout points at another workload's template (`spec.workloadRef`).
    public var hasWorkloadRef: Bool {
        kind == .rollout && object.node.lookup(["spec", "workloadRef"]) != nil
    }

    /// The containers of the pod spec.
    public var containers: [Container] { containers(under: "containers", isInit: false) }

    /// The init containers of the pod spec.
    public var initContainers: [Container] { containers(under: "initContainers", isInit: true) }

    private func containers(under key: String, isInit: Bool) -> [Container] {
        guard let list = podSpec?[key], list.kind == .sequence else { return [] }
        return list.items.enumerated().compactMap { index, item in
            item.kind == .mapping ? Container(index: index, node: item, isInit: isInit) : nil
        }
    }
}

import SpliceYAML

/// One Kubernetes object in an input: a document's root mapping, or an item of a `kind: List`.
public struct KubeObject: Sendable {
    /// The object's mapping node.
    public let node: YAMLNode
    /// The index of the document that holds it, in its stream.
    public let documentIndex: Int
    /// Its index in the `items` of a `kind: List`, when it is one.
    public let listItemIndex: Int?
    /// `kind`, when it is a scalar: read once, as every pass over a run's objects asks it first.
    public let kind: String?

    /// Makes an object view.
    public init(node: YAMLNode, documentIndex: Int, listItemIndex: Int? = nil) {
        self.init(node: node, documentIndex: documentIndex, listItemIndex: listItemIndex, kind: node.string(at: ["kind"]))
    }

    /// Makes an object view of a node whose `kind` was read already.
    init(node: YAMLNode, documentIndex: Int, listItemIndex: Int? = nil, kind: String?) {
        self.node = node
        self.documentIndex = documentIndex
        self.listItemIndex = listItemIndex
        self.kind = kind
    }
    /// `apiVersion`, when it is a scalar.
    public var apiVersion: String? { node.string(at: ["apiVersion"]) }
    /// `metadata.name` (or `metadata.generateName` when there is no name).
    public var name: String? { node.string(at: ["metadata", "name"]) ?? node.string(at: ["metadata", "generateName"]) }
    /// `metadata.namespace`.
    public var namespace: String? { node.string(at: ["metadata", "namespace"]) }
    /// `metadata.labels` as strings.
    public var labels: [String: String] {
        Dictionary(node.lookup(["metadata", "labels"])?.stringEntries.map { ($0.key, $0.value) } ?? [], uniquingKeysWith: { _, last in last })
    }
    /// `metadata.annotations` as strings.
    public var annotations: [String: String] {
        Dictionary(node.lookup(["metadata", "annotations"])?.stringEntries.map { ($0.key, $0.value) } ?? [], uniquingKeysWith: { _, last in last })
    }

    /// The owner that controls the object (`metadata.ownerReferences` with `controller: true`),
    /// as `kind/name`, when there is one: the object was made by that owner.
    public var controller: String? {
        guard let references = node.lookup(["metadata", "ownerReferences"]), references.kind == .sequence else { return nil }
        for reference in references.items where reference.kind == .mapping && reference.string(at: ["controller"]) == "true" {
            return "\((reference.string(at: ["kind"]) ?? "object").lowercased())/\(reference.string(at: ["name"]) ?? "<unnamed>")"
        }
        return nil
    }

    /// `kind/name`, lowercased kind as kubectl prints it (`deployment/web`).
    public var displayName: String {
        "\((kind ?? "object").lowercased())/\(name ?? "<unnamed>")"
    }
}

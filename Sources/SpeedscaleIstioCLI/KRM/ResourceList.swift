import SpliceYAML

/// A KRM function's input: one `ResourceList` document (`config.kubernetes.io/v1`, or
/// `v1beta1`) with its `items`, its `functionConfig`, and where each item starts and ends.
struct ResourceList {
    /// The API versions a ResourceList may have.
    static let apiVersions: Set<String> = ["config.kubernetes.io/v1", "config.kubernetes.io/v1beta1"]

    /// One item: a KRM object, and the file it came from.
    struct Item {
        /// Its mapping node.
        let node: YAMLNode
        /// Its position among the items.
        let index: Int
        /// Where it starts.
        let start: SourceLocation
        /// Where it ends.
        let end: SourceLocation

        /// `apiVersion`, `kind`, `metadata.name` and `metadata.namespace`.
        var apiVersion: String? { node.string(at: ["apiVersion"]) }
        var kind: String? { node.string(at: ["kind"]) }
        var name: String? { node.string(at: ["metadata", "name"]) }
        var namespace: String? { node.string(at: ["metadata", "namespace"]) }

        /// The file it came from, as the orchestrator recorded it in its annotations.
        var path: String? { annotation("internal.config.kubernetes.io/path") ?? annotation("config.kubernetes.io/path") }

        /// The annotation `key`, when it is a string.
        private func annotation(_ key: String) -> String? {
            node.lookup(["metadata", "annotations"])?[key].flatMap { $0.isScalar ? $0.value : nil }
        }
    }

    /// The bytes read.
    let source: YAMLSource
    /// The document's root mapping.
    let root: YAMLNode
    /// The items, in order.
    let items: [Item]

    /// Why standard input is not a ResourceList.
    struct Invalid: Error, CustomStringConvertible {
        let description: String
    }

    /// Reads `bytes` as a ResourceList.
    /// - Throws: ``Invalid`` naming the line and column of the problem.
    init(_ bytes: [UInt8]) throws(Invalid) {
        source = YAMLSource(bytes)
        let stream: YAMLStream
        do {
            stream = try YAMLStream(parsing: source)
        } catch {
            throw Invalid(description: "-:\(error.location): \(error.problem)")
        }
        let documents = stream.documents.filter { !$0.isEmpty }
        guard documents.count == 1, let root = documents.first?.root, root.isMapping else {
            throw Invalid(description: "-: expected one ResourceList object on standard input, found \(documents.count) document(s)")
        }
        let kind = root.string(at: ["kind"]) ?? "<none>"
        let apiVersion = root.string(at: ["apiVersion"]) ?? "<none>"
        guard kind == "ResourceList", Self.apiVersions.contains(apiVersion) else {
            throw Invalid(description: "-: expected kind ResourceList with apiVersion config.kubernetes.io/v1 or v1beta1, found \(kind) \(apiVersion)")
        }
        let itemsNode = root["items"]
        guard itemsNode == nil || itemsNode?.isSequence == true || itemsNode?.isNull == true else {
            throw Invalid(description: "-:\(source.location(ofByte: itemsNode?.start ?? 0)): items must be a list")
        }
        self.root = root
        let source = source
        items = (itemsNode.map { Array($0.items) } ?? []).enumerated().map { index, node in
            Item(node: node, index: index, start: source.location(ofByte: node.start), end: source.location(ofByte: node.end))
        }
    }

    /// The `functionConfig` object, when there is one.
    var functionConfig: YAMLNode? {
        root["functionConfig"].flatMap { $0.isNull ? nil : $0 }
    }

    /// The item that starts on `line` (and, when several do, the one named `name`, as
    /// `kind/name` in lower case).
    func item(startingOn line: Int, named name: String) -> Item? {
        let candidates = items.filter { $0.start.line == line }
        return candidates.count <= 1 ? candidates.first
            : candidates.first { "\(($0.kind ?? "object").lowercased())/\($0.name ?? "<unnamed>")" == name } ?? candidates.first
    }

    /// The item that holds `location`.
    func item(containing location: SourceLocation) -> Item? {
        items.last { $0.start <= location && location < $0.end }
    }
}

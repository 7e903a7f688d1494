import SpliceYAML

/// One entry of a ResourceList's `results`: a message, its severity, and the object, field
/// and file it is about.
struct KRMResult: Equatable {
    /// `error`, `warning` or `info`.
    let severity: String
    /// What happened, in words.
    let message: String
    /// The item it is about, when it is about one.
    let item: ResourceList.Item?
    /// The field it points at, when known.
    let field: String?
    /// Extra keys, such as the lint rule.
    let tags: [(key: String, value: String)]

    init(severity: String, message: String, item: ResourceList.Item?, field: String? = nil, tags: [(key: String, value: String)] = []) {
        self.severity = severity
        self.message = message
        self.item = item
        self.field = field
        self.tags = tags
    }

    static func == (lhs: KRMResult, rhs: KRMResult) -> Bool {
        lhs.value == rhs.value
    }

    /// The entry as it is written: `message`, `severity`, `resourceRef`, `field.path`,
    /// `file.path` and `tags`, each only when known.
    var value: NewValue {
        var entries = [NewEntry("message", .text(message)), NewEntry("severity", .text(severity))]
        if let item {
            var reference: [NewEntry] = []
            if let apiVersion = item.apiVersion { reference.append(NewEntry("apiVersion", .text(apiVersion))) }
            if let kind = item.kind { reference.append(NewEntry("kind", .text(kind))) }
            if let name = item.name { reference.append(NewEntry("name", .text(name))) }
            if let namespace = item.namespace { reference.append(NewEntry("namespace", .text(namespace))) }
            if !reference.isEmpty { entries.append(NewEntry("resourceRef", .mapping(reference))) }
        }
        if let field { entries.append(NewEntry("field", .mapping([NewEntry("path", .text(field))]))) }
        if let path = item?.path { entries.append(NewEntry("file", .mapping([NewEntry("path", .text(path))]))) }
        if !tags.isEmpty { entries.append(NewEntry("tags", .mapping(tags.map { NewEntry($0.key, .text($0.value)) }))) }
        return .mapping(entries)
    }

    /// `bytes` (a ResourceList) with `results` added: appended to its `results` when it has
    /// some, else as a new last key. Nothing else changes.
    static func adding(_ results: [KRMResult], to bytes: [UInt8]) throws -> [UInt8] {
        guard !results.isEmpty else { return bytes }
        let stream = try YAMLStream(parsing: bytes)
        guard let document = stream.documents.first(where: { !$0.isEmpty }) else { return bytes }
        let root = document.root
        let editor = YAMLEditor(source: stream.source, document: document)
        let values = results.map(\.value)
        let edits: [Edit]
        if let pair = root.pair(forKey: "results") {
            if pair.value.isSequence {
                edits = editor.appendItems(values, to: pair.value)
            } else if pair.value.isNull {
                edits = editor.replaceNullValue(of: pair, in: root, with: .sequence(values))
            } else {
                throw ResourceList.Invalid(description: "-: results must be a list")
            }
        } else {
            edits = editor.appendEntries([NewEntry("results", .sequence(values))], to: root)
        }
        return try stream.source.applying(edits)
    }
}

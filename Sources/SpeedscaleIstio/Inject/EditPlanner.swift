import KubeManifests
import SpliceYAML

/// Turns fixes into splice edits on one document.
struct EditPlanner {
    let editor: YAMLEditor

    /// Why a fix cannot be written.
    struct Blocked: Error {
        let reason: String
    }

    /// Edits that give `workload` the annotations in `values` (in order).
    func annotationEdits(_ values: [(key: String, value: String)], for workload: Workload) throws(Blocked) -> [Edit] {
        guard !values.isEmpty else { return [] }
        let root = workload.object.node
        let ownerPath = workload.kind.annotationOwnerPath
        var path = try editablePath(from: root, through: ownerPath)
        guard let owner = path.last, owner.kind == .mapping else {
            throw Blocked(reason: "\(ownerPath.joined(separator: ".")) is missing or not a mapping")
        }
        let quoted = values.map { NewEntry($0.key, .quoted($0.value)) }
        guard let metadataPair = owner.pair(forKey: "metadata") else {
            return editor.insertEntries([NewEntry("metadata", .mapping([NewEntry("annotations", .mapping(quoted))]))], before: "spec", in: owner)
        }
        let metadata = metadataPair.value
        try checkEditable(metadata, at: "metadata")
        if metadata.isNull {
            return editor.replaceNullValue(of: metadataPair, in: owner, with: .mapping([NewEntry("annotations", .mapping(quoted))]))
        }
        guard metadata.kind == .mapping else { throw Blocked(reason: "metadata is not a mapping") }
        path.append(metadata)
        guard let annotationsPair = metadata.pair(forKey: "annotations") else {
            return editor.appendEntries([NewEntry("annotations", .mapping(quoted))], to: metadata)
        }
        let annotations = annotationsPair.value
        try checkEditable(annotations, at: "metadata.annotations")
        if annotations.isNull {
            return editor.replaceNullValue(of: annotationsPair, in: metadata, with: .mapping(quoted))
        }
        guard annotations.kind == .mapping else { throw Blocked(reason: "metadata.annotations is not a mapping") }
        var edits: [Edit] = []
        var added: [NewEntry] = []
        for (key, value) in values {
            if let existing = annotations.pair(forKey: key)?.value {
                guard existing.kind == .scalar else { throw Blocked(reason: "annotation \(key) is not a scalar") }
                edits.append(editor.replaceScalarQuoted(existing, with: value))
            } else {
                added.append(NewEntry(key, .quoted(value)))
            }
        }
        return edits + editor.appendEntries(added, to: annotations)
    }

    /// Edits that give `container` the variables in `values` (in order).
    func environmentEdits(_ values: [(name: String, value: String)], for container: Container, in workload: Workload) throws(Blocked) -> [Edit] {
        guard !values.isEmpty else { return [] }
        _ = try editablePath(from: workload.object.node, through: workload.kind.podSpecPath)
        let node = container.node
        try checkEditable(node, at: "container \"\(container.name ?? "")\"")
        let items = values.map { NewValue.mapping([NewEntry("name", .text($0.name)), NewEntry("value", .text($0.value))]) }
        guard let envPair = node.pair(forKey: "env") else {
            return editor.appendEntries([NewEntry("env", .sequence(items))], to: node)
        }
        let env = envPair.value
        try checkEditable(env, at: "env")
        if env.isNull {
            return editor.replaceNullValue(of: envPair, in: node, with: .sequence(items))
        }
        guard env.kind == .sequence else { throw Blocked(reason: "env of container \"\(container.name ?? "")\" is not a list") }
        let existing = container.env
        var edits: [Edit] = []
        var added: [NewValue] = []
        for (index, (name, value)) in values.enumerated() {
            guard let current = existing.last(where: { $0.name == name }) else {
                added.append(items[index])
                continue
            }
            try checkEditable(current.node, at: "env \(name)")
            if let valueNode = current.valueNode, valueNode.kind == .scalar {
                edits.append(editor.replaceScalar(valueNode, with: value, inFlow: current.node.isFlow))
            } else if current.valueNode == nil && !current.hasValueFrom {
                edits += editor.appendEntries([NewEntry("value", .text(value))], to: current.node)
            } else {
                throw Blocked(reason: "env \(name) is set through valueFrom")
            }
        }
        return edits + editor.appendItems(added, to: env)
    }

    /// The nodes from `root` down `path`, each checked to be safe to edit under.
    private func editablePath(from root: YAMLNode, through path: [String]) throws(Blocked) -> [YAMLNode] {
        var nodes = [root]
        try checkEditable(root, at: "the object")
        var node = root
        for (index, key) in path.enumerated() {
            guard let next = node[key] else { break }
            try checkEditable(next, at: path[...index].joined(separator: "."))
            nodes.append(next)
            node = next
        }
        return nodes
    }

    /// Refuses nodes whose edit would also change other places (anchors, aliases, merge keys).
    private func checkEditable(_ node: YAMLNode, at place: String) throws(Blocked) {
        if node.kind == .alias { throw Blocked(reason: "\(place) is an alias (*\(node.value)); edit the anchored node instead") }
        if let anchor = node.anchor { throw Blocked(reason: "\(place) carries the anchor &\(anchor), which other nodes may share") }
        if node.pairs.contains(where: \.isMerge) { throw Blocked(reason: "\(place) uses a merge key (<<)") }
    }
}

extension YAMLEditor {
    /// Replaces a scalar with a double-quoted string (annotation values must be strings).
    func replaceScalarQuoted(_ node: YAMLNode, with value: String) -> Edit {
        replaceScalar(node, withString: value)
    }
}

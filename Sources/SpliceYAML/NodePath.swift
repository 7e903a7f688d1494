
extension YAMLNode {
    /// The node at a path of mapping keys below this one, if every step exists.
    public func lookup(_ path: [String]) -> YAMLNode? {
        var node = self
        for key in path {
            guard let next = node[key] else { return nil }
            node = next
        }
        return node
    }

    /// The scalar value at `path`, if there is a scalar there.
    public func string(at path: [String]) -> String? {
        guard let node = lookup(path), node.kind == .scalar, !node.isNull else { return nil }
        return node.value
    }

    /// The entries of a mapping of scalars (labels, annotations, selectors), in source order.
    public var stringEntries: [(key: String, value: String)] {
        guard kind == .mapping else { return [] }
        return pairs.compactMap { pair in
            guard pair.key.kind == .scalar, pair.value.kind == .scalar else { return nil }
            return (pair.key.value, pair.value.value)
        }
    }
}

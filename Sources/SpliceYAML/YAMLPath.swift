/// One step from a collection to one of its children.
public enum PathStep: Hashable, Sendable, CustomStringConvertible {
    /// The value of a mapping's scalar key (the last pair with that key, as decoders keep).
    case key(String)
    /// The item of a sequence of mappings whose `name` is this (the last such item, as
    /// Kubernetes keeps for `env`).
    case named(String)
    /// The item of a sequence of scalars whose value is this.
    case scalar(String)
    /// The item of a sequence at this position.
    case index(Int)

    /// The step as a field path writes it (`.annotations`, `[name=HTTP_PROXY]`, `[2]`).
    public var description: String {
        switch self {
        case .key(let key): return key.contains(".") || key.contains("/") ? "[\(key)]" : ".\(key)"
        case .named(let name): return "[name=\(name)]"
        case .scalar(let value): return "[=\(value)]"
        case .index(let index): return "[\(index)]"
        }
    }

    /// Whether the step goes into a mapping (else into a sequence).
    public var entersMapping: Bool {
        if case .key = self { return true }
        return false
    }
}

/// A path of steps from a node (an object's root) down to a node below it.
public struct YAMLPath: Hashable, Sendable, CustomStringConvertible, ExpressibleByArrayLiteral {
    /// The steps, outermost first.
    public var steps: [PathStep]

    /// Makes a path.
    public init(_ steps: [PathStep]) {
        self.steps = steps
    }

    /// Makes a path from literal steps.
    public init(arrayLiteral steps: PathStep...) {
        self.steps = steps
    }

    /// A path of mapping keys.
    public static func keys(_ keys: [String]) -> YAMLPath {
        YAMLPath(keys.map(PathStep.key))
    }

    /// This path followed by `steps`.
    public func appending(_ steps: PathStep...) -> YAMLPath {
        YAMLPath(self.steps + steps)
    }

    /// This path followed by `other`.
    public func appending(_ other: YAMLPath) -> YAMLPath {
        YAMLPath(steps + other.steps)
    }

    /// The path as a field path (`metadata.annotations[sidecar.speedscale.com/inject]`).
    public var description: String {
        var text = steps.map(\.description).joined()
        if text.hasPrefix(".") { text.removeFirst() }
        return text
    }
}

extension YAMLNode {
    /// The child that `step` names, if this node has it.
    public func child(_ step: PathStep) -> YAMLNode? {
        guard let index = childIndex(step) else { return nil }
        return kind == .mapping ? pairs[index].value : items[index]
    }

    /// The node at `path` below this one, if every step exists.
    public func node(at path: YAMLPath) -> YAMLNode? {
        var node = self
        for step in path.steps {
            guard let next = node.child(step) else { return nil }
            node = next
        }
        return node
    }

    /// The position of the child that `step` names among this node's pairs or items.
    func childIndex(_ step: PathStep) -> Int? {
        switch step {
        case .key(let key):
            guard kind == .mapping else { return nil }
            // Compared as bytes, without making a string of every key or name passed over.
            return pairs.lastIndex { $0.key.isScalar(withValue: key) }
        case .named(let name):
            guard kind == .sequence else { return nil }
            return items.lastIndex { item in
                item.kind == .mapping && item["name"].map { $0.isScalar(withValue: name) && !$0.isNull } == true
            }
        case .scalar(let value):
            guard kind == .sequence else { return nil }
            return items.lastIndex { $0.isScalar(withValue: value) }
        case .index(let index):
            guard kind == .sequence, index >= 0, index < items.count else { return nil }
            return index
        }
    }

    /// Why an edit at or below this node would also change text elsewhere (an alias, an
    /// anchor other nodes may share, or a merge key), or nil when it is safe.
    public var sharedTextProblem: String? {
        if kind == .alias { return "it is an alias (*\(value)); edit the anchored node instead" }
        if let anchor { return "it carries the anchor &\(anchor), which other nodes may share" }
        if kind == .mapping && pairs.contains(where: \.isMerge) { return "it uses a merge key (<<)" }
        return nil
    }
}

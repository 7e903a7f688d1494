/// A scalar to write at the end of a path.
public struct PatchValue: Sendable, Equatable {
    /// The text.
    public var text: String
    /// Whether the value must read as a string: new text is double-quoted, and an existing
    /// equal value that YAML would read as a boolean or number is re-quoted.
    public var mustBeString: Bool
    /// Whether the value is an integer, written as plain digits (never quoted), and an
    /// existing equal value that is a quoted string is rewritten plain.
    public private(set) var isInteger = false

    /// Makes a value.
    public init(_ text: String, mustBeString: Bool = false) {
        self.text = text
        self.mustBeString = mustBeString
    }

    /// A value that must read as a string (annotation values).
    public static func string(_ text: String) -> PatchValue { PatchValue(text, mustBeString: true) }
    /// A value written plain when that is safe (env values, hosts).
    public static func text(_ text: String) -> PatchValue { PatchValue(text) }
    /// An integer (a port number where the schema wants an integer, not a string).
    public static func integer(_ number: Int) -> PatchValue {
        var value = PatchValue(String(number))
        value.isInteger = true
        return value
    }

    var newValue: NewValue {
        if isInteger, let number = Int(text) { return .integer(number) }
        return mustBeString ? .quoted(text) : .text(text)
    }
}

/// Why a patch cannot be written exactly.
public struct PatchBlocked: Error, Sendable, Equatable, CustomStringConvertible {
    /// The path of the node in the way, relative to the patched root.
    public let path: YAMLPath
    /// What is in the way, in plain words.
    public let problem: String
    /// The byte offset of the node in the way.
    public let offset: Int

    /// `metadata.annotations: it carries the anchor &a, ...`.
    public var description: String {
        path.steps.isEmpty ? "the object: \(problem)" : "\(path): \(problem)"
    }
}

/// Upserts and removals at paths below one node (an object's root), planned together as
/// splice edits in the document's own style. ``upsert(_:_:)`` creates what is missing (a
/// key, a list item named `name`, a scalar item) and fills null values; ``remove(_:pruningEmptyParents:)``
/// is its inverse: it removes the entry at the path and, up to the given number of levels,
/// the block collections that end up empty because of it, so that removing what an upsert
/// added gives the original bytes back. Every node on the way is checked once for shared
/// text (aliases, anchors, merge keys): such a patch is refused rather than spread.
public struct DocumentPatch: Sendable {
    /// The editor of the document.
    public let editor: YAMLEditor
    /// The node the paths start from.
    public let root: YAMLNode
    /// For keys this patch creates, the existing sibling key they go before (`metadata`
    /// before `spec`); other new keys are appended.
    public var newKeysBefore: [String: String]

    private var tree = Trie()

    /// Makes an empty patch of `root`.
    public init(editor: YAMLEditor, root: YAMLNode, newKeysBefore: [String: String] = ["metadata": "spec"]) {
        self.editor = editor
        self.root = root
        self.newKeysBefore = newKeysBefore
    }

    /// Whether nothing was asked.
    public var isEmpty: Bool { tree.children.isEmpty }

    /// Gives the node at `path` the scalar `value`. A path ending in ``PathStep/scalar(_:)``
    /// adds that item to its list when it is missing (`value` is then not used).
    public mutating func upsert(_ path: YAMLPath, _ value: PatchValue) {
        tree.insert(path.steps[...], operation: .set(value))
    }

    /// Removes the entry at `path` (a key with its value, or a list item), and then each
    /// parent that is left empty, up to `levels` levels up. A block collection whose key
    /// line carries a comment is emptied to a null value instead, so the comment stays.
    public mutating func remove(_ path: YAMLPath, pruningEmptyParents levels: Int) {
        tree.insert(path.steps[...], operation: .remove(prune: levels))
    }

    /// The edits, in no particular order.
    /// - Throws: ``PatchBlocked`` when a node on the way is shared text or has the wrong kind.
    public func edits() throws(PatchBlocked) -> [Edit] {
        guard !tree.children.isEmpty else { return [] }
        if let problem = root.sharedTextProblem {
            throw PatchBlocked(path: [], problem: problem, offset: root.start)
        }
        var planner = Planner(editor: editor, newKeysBefore: newKeysBefore)
        _ = try planner.plan(tree, node: root, prunable: false)
        return planner.edits
    }
}

/// The operations of a patch, by path.
private struct Trie: Sendable {
    enum Operation: Sendable {
        case set(PatchValue)
        case remove(prune: Int)
    }

    var operation: Operation?
    /// Children in the order they were first asked for (new entries are written in that order).
    var children: [(step: PathStep, trie: Trie)] = []

    /// How many levels above this node the removals below it allow to be pruned: a removal
    /// allows what it was given, a collection one level less than the least of its children;
    /// -1 when something below is written. A collection may be pruned when this is 0 or more.
    /// Kept up to date by ``insert(_:operation:)``.
    private(set) var pruneAllowance = -1

    mutating func insert(_ steps: ArraySlice<PathStep>, operation: Operation) {
        if let step = steps.first {
            if let index = children.firstIndex(where: { $0.step == step }) {
                children[index].trie.insert(steps.dropFirst(), operation: operation)
            } else {
                var child = Trie()
                child.insert(steps.dropFirst(), operation: operation)
                children.append((step, child))
            }
        } else {
            self.operation = operation
        }
        switch self.operation {
        case .set: pruneAllowance = -1
        case .remove(let prune): pruneAllowance = prune
        case nil:
            var least = Int.max
            for index in children.indices { least = min(least, children[index].trie.pruneAllowance) }
            pruneAllowance = children.isEmpty ? -1 : least - 1
        }
    }

    /// What to write when the node is missing or null: nil when nothing below is written.
    func newValue(for step: PathStep) -> NewValue? {
        switch operation {
        case .set(let value): return step.isScalarItem ? .quoted(step.scalarValue ?? value.text) : value.newValue
        case .remove: return nil
        case nil: break
        }
        let written = children.compactMap { child in child.trie.newValue(for: child.step).map { (child.step, $0) } }
        guard !written.isEmpty else { return nil }
        if case .named(let name) = step {
            // A new list item named `name`: its name first, then what was asked.
            return .mapping([NewEntry("name", .text(name))] + written.compactMap { step, value in
                guard case .key(let key) = step, key != "name" else { return nil }
                return NewEntry(key, value)
            })
        }
        if written[0].0.entersMapping {
            return .mapping(written.compactMap { step, value in
                guard case .key(let key) = step else { return nil }
                return NewEntry(key, value)
            })
        }
        return .sequence(written.map(\.1))
    }
}

extension PathStep {
    fileprivate var isScalarItem: Bool {
        if case .scalar = self { return true }
        return false
    }

    fileprivate var scalarValue: String? {
        if case .scalar(let value) = self { return value }
        return nil
    }
}

/// Walks the operations over the document and collects the edits.
private struct Planner {
    let editor: YAMLEditor
    let newKeysBefore: [String: String]
    var edits: [Edit] = []
    /// The steps from the root to the node being planned (made a ``YAMLPath`` only for a
    /// ``PatchBlocked``).
    private var steps: [PathStep] = []

    init(editor: YAMLEditor, newKeysBefore: [String: String]) {
        self.editor = editor
        self.newKeysBefore = newKeysBefore
    }

    /// The path of the node being planned.
    private var currentPath: YAMLPath { YAMLPath(steps) }

    /// The path of its child that `step` names.
    private func path(_ step: PathStep) -> YAMLPath { YAMLPath(steps + [step]) }

    /// Plans `trie` under the existing collection `node` at ``currentPath``. Returns whether `node`
    /// ends up empty and, being `prunable`, is left for its parent to remove (nothing is
    /// planned for it then).
    mutating func plan(_ trie: Trie, node: YAMLNode, prunable: Bool) throws(PatchBlocked) -> Bool {
        var added: [(step: PathStep, value: NewValue)] = []
        var removed: [Int] = []
        var pruned: [Int] = []
        for (step, child) in trie.children {
            guard step.entersMapping ? node.kind == .mapping : node.kind == .sequence else {
                throw PatchBlocked(path: currentPath, problem: step.entersMapping ? "it is not a mapping" : "it is not a list", offset: node.start)
            }
            guard let index = node.childIndex(step) else {
                if let value = child.newValue(for: step) { added.append((step, value)) }
                continue
            }
            if case .key(let key) = step, node.pairs.firstIndex(where: { $0.key.isScalar(withValue: key) }) != index {
                // Editing one of the two would leave the other, and a later run would find it.
                throw PatchBlocked(path: path(step), problem: "the key is written more than once in its mapping", offset: node.pairs[index].key.start)
            }
            let existing = node.kind == .mapping ? node.pairs[index].value : node.items[index]
            switch child.operation {
            case .remove:
                removed.append(index)
                continue
            case .set(let value):
                if step.isScalarItem { continue }
                try setScalar(existing, to: value, pair: node.kind == .mapping ? node.pairs[index] : nil, in: node, step: step)
                continue
            case nil:
                break
            }
            if let problem = existing.sharedTextProblem {
                throw PatchBlocked(path: path(step), problem: problem, offset: existing.start)
            }
            if existing.isNull, node.kind == .mapping {
                if let value = child.newValue(for: step) {
                    edits += editor.replaceNullValue(of: node.pairs[index], in: node, with: value)
                }
                continue
            }
            guard existing.kind == .mapping || existing.kind == .sequence else {
                throw PatchBlocked(path: path(step), problem: "it is not a mapping or a list", offset: existing.start)
            }
            let pair = node.kind == .mapping ? node.pairs[index] : nil
            steps.append(step)
            let emptied = try plan(child, node: existing, prunable: child.pruneAllowance >= 0)
            steps.removeLast()
            if emptied {
                if editor.canPrune(existing, heldBy: pair, in: node, atInsertionPoint: isInsertionPoint(index, of: node)) {
                    pruned.append(index)
                } else {
                    edits += editor.empty(existing, heldBy: pair)
                }
            }
        }
        let childCount = node.kind == .mapping ? node.pairs.count : node.items.count
        if prunable && added.isEmpty && childCount > 0 && removed.count + pruned.count == childCount {
            return true
        }
        try write(added: added, removed: removed + pruned, in: node)
        return false
    }

    /// Whether the child at `index` of `node` sits where this patch writes new children: the
    /// last one, or the one just before the key a new key of its name goes before.
    private func isInsertionPoint(_ index: Int, of node: YAMLNode) -> Bool {
        let count = node.kind == .mapping ? node.pairs.count : node.items.count
        if index == count - 1 { return true }
        guard node.kind == .mapping, node.pairs[index].key.kind == .scalar,
              let before = newKeysBefore[node.pairs[index].key.value] else { return false }
        return node.pairs[index + 1].key.kind == .scalar && node.pairs[index + 1].key.value == before
    }

    /// Gives the existing node `existing` (the value of `pair` when in a mapping, the child
    /// `step` names of `parent`) the scalar `value`.
    private mutating func setScalar(_ existing: YAMLNode, to value: PatchValue, pair: YAMLPair?, in parent: YAMLNode, step: PathStep) throws(PatchBlocked) {
        if existing.kind == .scalar && !existing.isNull && existing.value == value.text && (!value.mustBeString || existing.isString)
            && (!value.isInteger || existing.scalarStyle == .plain) {
            return
        }
        if let problem = existing.sharedTextProblem {
            throw PatchBlocked(path: path(step), problem: problem, offset: existing.start)
        }
        if existing.isNull, let pair {
            edits += editor.replaceNullValue(of: pair, in: parent, with: value.newValue)
            return
        }
        guard existing.kind == .scalar else {
            throw PatchBlocked(path: path(step), problem: "it is not a single value", offset: existing.start)
        }
        if value.mustBeString {
            edits.append(editor.replaceScalar(existing, withString: value.text))
        } else if value.isInteger {
            edits.append(editor.scalarEdit(existing, text: value.text, inFlow: existing.isInFlowCollection))
        } else {
            edits.append(editor.replaceScalar(existing, with: value.text, inFlow: parent.isFlow))
        }
    }

    /// The edits that add `added` to and remove the children at `removed` from `node`.
    private mutating func write(added: [(step: PathStep, value: NewValue)], removed: [Int], in node: YAMLNode) throws(PatchBlocked) {
        let childCount = node.kind == .mapping ? node.pairs.count : node.items.count
        if !added.isEmpty && childCount > 0 && Set(removed).count == childCount {
            // Every old child goes and new ones come: write the new ones in their place.
            edits += node.kind == .mapping
                ? editor.replaceChildren(of: node, entries: added.compactMap { step, value in
                    guard case .key(let key) = step else { return nil }
                    return NewEntry(key, value)
                })
                : editor.replaceChildren(of: node, items: added.map(\.value))
            return
        }
        if !removed.isEmpty {
            edits += node.kind == .mapping ? editor.removeEntries(at: removed, from: node) : editor.removeItems(at: removed, from: node)
        }
        guard !added.isEmpty else { return }
        if node.kind == .mapping {
            var appended: [NewEntry] = []
            for (step, value) in added {
                guard case .key(let key) = step else { continue }
                if let before = newKeysBefore[key], node.pair(forKey: before) != nil {
                    edits += editor.insertEntries([NewEntry(key, value)], before: before, in: node)
                } else {
                    appended.append(NewEntry(key, value))
                }
            }
            edits += editor.appendEntries(appended, to: node)
        } else {
            edits += editor.appendItems(added.map(\.value), to: node)
        }
    }
}

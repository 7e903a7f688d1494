extension YAMLNode {
    /// The items of a sequence: a view over the tree, indexed from 0.
    public struct Items: RandomAccessCollection, Sendable {
        let tree: YAMLTree
        /// Where the items start in ``YAMLTree/children``.
        let base: Int
        /// How many items there are.
        public let count: Int

        /// 0.
        public var startIndex: Int { 0 }
        /// The number of items.
        public var endIndex: Int { count }

        /// The item at `position`.
        public subscript(position: Int) -> YAMLNode {
            precondition(position >= 0 && position < count, "sequence item index out of range")
            return YAMLNode(tree: tree, index: Int(tree.children[base + position]))
        }
    }

    /// The key/value pairs of a mapping, in source order: a view over the tree, indexed from 0.
    public struct Pairs: RandomAccessCollection, Sendable {
        let tree: YAMLTree
        /// Where the keys and values start in ``YAMLTree/children``.
        let base: Int
        /// How many pairs there are.
        public let count: Int

        /// 0.
        public var startIndex: Int { 0 }
        /// The number of pairs.
        public var endIndex: Int { count }

        /// The pair at `position`.
        public subscript(position: Int) -> YAMLPair {
            precondition(position >= 0 && position < count, "mapping pair index out of range")
            let slot = base + 2 * position
            return YAMLPair(tree: tree, keyIndex: Int(tree.children[slot]), valueIndex: Int(tree.children[slot + 1]))
        }
    }

    /// A node and all the nodes under it, in source order (pre-order): parents before their
    /// children, keys before their values.
    public struct Subtree: RandomAccessCollection, Sendable {
        let tree: YAMLTree
        /// The indexes of the nodes in the tree.
        let range: Range<Int>

        /// 0.
        public var startIndex: Int { 0 }
        /// The number of nodes.
        public var endIndex: Int { range.count }

        /// The node at `position`.
        public subscript(position: Int) -> YAMLNode {
            precondition(position >= 0 && position < range.count, "subtree index out of range")
            return YAMLNode(tree: tree, index: range.lowerBound + position)
        }
    }
}

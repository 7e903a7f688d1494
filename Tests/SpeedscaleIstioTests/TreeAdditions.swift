import SpliceYAML

/// Compares the parsed trees of an input and inject's output: the output must hold the
/// input unchanged (scalar values, keys, items in order) plus only what inject may add.
enum TreeAdditions {
    static let proxyVariables: Set<String> = [
        "HTTP_PROXY", "HTTPS_PROXY", "http_proxy", "https_proxy", "NO_PROXY", "no_proxy", "NODE_USE_ENV_PROXY", "JAVA_TOOL_OPTIONS",
    ]

    /// The differences between `input` and `output` that are not inject's additions.
    static func problems(_ input: YAMLNode, _ output: YAMLNode, path: String = "") -> [String] {
        switch (input.kind, output.kind) {
        case (.scalar, .scalar):
            // A host list (NO_PROXY) may gain entries after its own, JVM options (JAVA_TOOL_OPTIONS) options.
            if input.value == output.value || (!input.value.isEmpty && output.value.hasPrefix(input.value + ",")) { return [] }
            if !input.value.isEmpty && output.value.hasPrefix(input.value + " -D") { return [] }
            return ["\(path): \(input.value) became \(output.value)"]
        case (.alias, .alias):
            return input.value == output.value ? [] : ["\(path): alias changed"]
        case (.scalar, .mapping), (.scalar, .sequence):
            return input.isNull && isAddition(output, key: lastKey(path)) ? [] : ["\(path): a value became a collection"]
        case (.mapping, .mapping):
            var problems: [String] = []
            for pair in input.pairs where pair.key.kind == .scalar {
                guard let value = output[pair.key.value] else {
                    problems.append("\(path).\(pair.key.value) disappeared")
                    continue
                }
                problems += self.problems(pair.value, value, path: "\(path).\(pair.key.value)")
            }
            for pair in output.pairs where pair.key.kind == .scalar && input.pair(forKey: pair.key.value) == nil {
                if !isAddition(pair.value, key: pair.key.value) { problems.append("\(path).\(pair.key.value) was added") }
            }
            return problems
        case (.sequence, .sequence):
            guard output.items.count >= input.items.count else { return ["\(path): items were removed"] }
            var problems: [String] = []
            for (index, item) in input.items.enumerated() {
                problems += self.problems(item, output.items[index], path: "\(path)[\(index)]")
            }
            for item in output.items.dropFirst(input.items.count) where !isAddedItem(item) {
                problems.append("\(path): an unexpected item was appended")
            }
            return problems
        default:
            return ["\(path): kind changed"]
        }
    }

    private static func lastKey(_ path: String) -> String {
        String(path.split(separator: ".").last ?? "")
    }

    /// Whether a whole new value under `key` is something inject writes.
    private static func isAddition(_ node: YAMLNode, key: String) -> Bool {
        switch key {
        case "annotations":
            return node.kind == .mapping && node.pairs.allSatisfy { isAddedAnnotation($0.key.value) && $0.value.isString }
        case "metadata":
            return node.kind == .mapping && node.pairs.count == 1 && node.pairs[0].key.value == "annotations"
                && isAddition(node.pairs[0].value, key: "annotations")
        case "env", "hosts":
            return node.kind == .sequence && node.items.allSatisfy(isAddedItem)
        default:
            return isAddedAnnotation(key) && node.isString
        }
    }

    /// Whether inject writes an annotation with this key.
    private static func isAddedAnnotation(_ key: String) -> Bool {
        key.hasPrefix("sidecar.speedscale.com/") || key == "capture.speedscale.com/enabled"
    }

    /// Whether an appended sequence item is something inject writes.
    private static func isAddedItem(_ item: YAMLNode) -> Bool {
        if item.kind == .scalar { return item.value == "speedscale/*" }
        guard item.kind == .mapping, let name = item.string(at: ["name"]) else { return false }
        return proxyVariables.contains(name) && item.pairs.count == 2 && item["value"] != nil
    }
}

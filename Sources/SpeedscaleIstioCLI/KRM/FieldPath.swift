import SpliceYAML

/// The field a position points at, written as KRM results write field paths:
/// `spec.template.spec.containers[0].env[2].value`, with keys that are not plain words in
/// brackets (`metadata.annotations[sidecar.speedscale.com/inject]`).
enum FieldPath {
    /// The path from `object` down to the deepest node that holds `location`, or nil when
    /// `location` is the object itself.
    static func path(to location: SourceLocation, in object: YAMLNode, source: YAMLSource) -> String? {
        func holds(_ start: Int, _ end: Int) -> Bool {
            source.location(ofByte: start) <= location && location < source.location(ofByte: max(end, start + 1))
        }
        var path = ""
        var node = object
        while true {
            if node.isMapping, let pair = node.pairs.first(where: { holds($0.key.start, max($0.value.end, $0.key.end)) }) {
                path += segment(pair.key.value, first: path.isEmpty)
                if holds(pair.key.start, pair.key.end) || pair.value.start >= pair.value.end { break }
                node = pair.value
            } else if node.isSequence, let index = node.items.firstIndex(where: { holds($0.start, $0.end) }) {
                path += "[\(index)]"
                node = node.items[index]
            } else {
                break
            }
        }
        return path.isEmpty ? nil : path
    }

    /// `.key`, or `[key]` for a key that is not made of letters, digits, `-` and `_`.
    private static func segment(_ key: String, first: Bool) -> String {
        let plain = !key.isEmpty && key.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == "_") }
        if plain { return first ? key : "." + key }
        return "[\(key)]"
    }
}

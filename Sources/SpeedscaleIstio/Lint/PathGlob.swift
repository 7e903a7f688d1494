/// A path pattern of `ignorePaths`: `*` matches within one path segment, `**` across
/// segments (`**/` also matches no segment at all), `?` one character.
public struct PathGlob: Sendable, Equatable {
    /// The pattern as written.
    public let pattern: String

    /// Makes a glob.
    public init(_ pattern: String) {
        self.pattern = pattern
    }

    /// Whether `path` (with `/` separators) matches the whole pattern.
    public func matches(_ path: String) -> Bool {
        Self.match(Array(pattern.unicodeScalars)[...], Array(path.unicodeScalars)[...])
    }

    private static func match(_ pattern: ArraySlice<Unicode.Scalar>, _ path: ArraySlice<Unicode.Scalar>) -> Bool {
        guard let first = pattern.first else { return path.isEmpty }
        let rest = pattern.dropFirst()
        switch first {
        case "*" where rest.first == "*":
            var after = rest.dropFirst()
            if after.first == "/" {
                after = after.dropFirst()
                // `**/` matches nothing, or any run of whole segments.
                if match(after, path) { return true }
                var index = path.startIndex
                while index < path.endIndex {
                    if path[index] == "/" && match(after, path[(index + 1)...]) { return true }
                    index += 1
                }
                return false
            }
            var index = path.startIndex
            while true {
                if match(after, path[index...]) { return true }
                if index == path.endIndex { return false }
                index += 1
            }
        case "*":
            var index = path.startIndex
            while true {
                if match(rest, path[index...]) { return true }
                if index == path.endIndex || path[index] == "/" { return false }
                index += 1
            }
        case "?":
            guard let character = path.first, character != "/" else { return false }
            return match(rest, path.dropFirst())
        default:
            guard path.first == first else { return false }
            return match(rest, path.dropFirst())
        }
    }
}

/// Slash-separated file paths handled as text, the way the tool needs them: the parent
/// folder, the last component, a component appended, and `.` / `..` / repeated slashes
/// removed. Nothing here touches the file system, so symbolic links are left as they are.
package enum PathText {
    /// `path` without its last component: `/a/b` gives `/a`, `/a` gives `/`, `a` gives ``.
    package static func deletingLastComponent(_ path: String) -> String {
        let parts = path.split(separator: "/")
        let absolute = path.hasPrefix("/")
        guard !parts.isEmpty else { return absolute ? "/" : "" }
        let parent = parts.dropLast().joined(separator: "/")
        return absolute ? "/" + parent : parent
    }

    /// The last component of `path`: `/a/b/` gives `b`, `/` gives `/`.
    package static func lastComponent(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? (path.hasPrefix("/") ? "/" : "")
    }

    /// `component` appended to `path` with one slash between them.
    package static func appending(_ component: String, to path: String) -> String {
        if path.isEmpty { return component }
        return path.hasSuffix("/") ? path + component : path + "/" + component
    }

    /// `path` with empty and `.` components removed and each `..` taking away the component
    /// before it (never above the root of an absolute path).
    package static func standardized(_ path: String) -> String {
        let absolute = path.hasPrefix("/")
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) where part != "." {
            if part == "..", let last = parts.last, last != ".." {
                parts.removeLast()
            } else if part == ".." && absolute {
                continue
            } else {
                parts.append(part)
            }
        }
        let joined = parts.joined(separator: "/")
        return absolute ? "/" + joined : (joined.isEmpty ? "." : joined)
    }
}

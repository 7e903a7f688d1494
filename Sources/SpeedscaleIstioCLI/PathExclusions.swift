import SpeedscaleIstio

/// The `--exclude` patterns: which files and folders found in a `-f` directory are not read.
///
/// Like `.gitignore` and `.helmignore`: a pattern without a `/` matches a file or folder name at
/// any depth (`*_test.yaml`, `charts`); a pattern with a `/` matches the path relative to the
/// directory given with `-f` (`overlays/*/secret.yaml`, `charts/**`), or the path as the report
/// prints it (`k8s/charts/**`). A leading `./` or `/` anchors a pattern to the `-f` directory,
/// and a trailing `/` matches folders only. `*` matches within a name, `**` across folders, `?`
/// one character. An excluded folder is not entered. Files named with `-f` are always read.
struct PathExclusions {
    /// One pattern, split into how it is matched.
    private struct Pattern {
        /// The glob, without a leading `./` or `/` or a trailing `/`.
        let glob: PathGlob
        /// Whether it is matched against names (it has no `/` inside).
        let matchesNames: Bool
        /// Whether it matches only folders (it ended with `/`).
        let foldersOnly: Bool
        /// Whether it is matched only against the path relative to the `-f` directory (it
        /// started with `./` or `/`).
        let anchored: Bool
    }

    private let patterns: [Pattern]

    /// The exclusions of the `--exclude` values.
    init(_ globs: [String]) {
        patterns = globs.compactMap { text in
            var body = Substring(text)
            var anchored = false
            while body.hasPrefix("./") {
                body = body.dropFirst(2)
                anchored = true
            }
            while body.hasPrefix("/") {
                body = body.dropFirst()
                anchored = true
            }
            let foldersOnly = body.hasSuffix("/")
            while body.hasSuffix("/") { body = body.dropLast() }
            guard !body.isEmpty else { return nil }
            return Pattern(glob: PathGlob(String(body)), matchesNames: !anchored && !body.contains("/"), foldersOnly: foldersOnly, anchored: anchored)
        }
    }

    /// Whether there is no pattern.
    var isEmpty: Bool { patterns.isEmpty }

    /// Whether the entry at `relativePath` (from the `-f` directory, `/`-separated), shown to the
    /// user as `displayPath`, is excluded.
    func excludes(relativePath: String, displayPath: String, isFolder: Bool) -> Bool {
        let name = relativePath.split(separator: "/").last.map(String.init) ?? relativePath
        return patterns.contains { pattern in
            if pattern.foldersOnly && !isFolder { return false }
            if pattern.matchesNames { return pattern.glob.matches(name) }
            var paths = [relativePath]
            if !pattern.anchored {
                var shown = Substring(displayPath)
                while shown.hasPrefix("./") { shown = shown.dropFirst(2) }
                paths.append(String(shown))
            }
            // `charts/**` and `charts/*` name everything inside `charts`, so they exclude the folder itself.
            if isFolder { paths += paths.map { $0 + "/" } }
            return paths.contains { pattern.glob.matches($0) }
        }
    }
}

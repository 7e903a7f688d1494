import SpeedscaleIstio

/// What the executable was built from: the tool's version, the git commit (recorded at build
/// time by the BuildInfo plugin) and the Swift compiler that compiled it.
enum BuildInfo {
    /// The tool's version (`0.1.0`).
    static var version: String { ToolInfo.version }

    /// The commit's hash, with ` (modified)` when the build had uncommitted changes, or `unknown`.
    static var commit: String {
        GeneratedBuildInfo.commit + (GeneratedBuildInfo.modified ? " (modified)" : "")
    }

    /// The version of the Swift compiler, as `#if compiler` tells it.
    static var swiftVersion: String {
        #if compiler(>=7.0)
        return "7.0 or later"
        #elseif compiler(>=6.5)
        return "6.5"
        #elseif compiler(>=6.4)
        return "6.4"
        #elseif compiler(>=6.3)
        return "6.3"
        #elseif compiler(>=6.2)
        return "6.2"
        #elseif compiler(>=6.1)
        return "6.1"
        #else
        return "6.0"
        #endif
    }

    /// The three lines `version` and `--version` print.
    static var text: String {
        """
        kubectl-speedscale_istio \(version)
        commit: \(commit)
        swift: \(swiftVersion)
        """
    }
}

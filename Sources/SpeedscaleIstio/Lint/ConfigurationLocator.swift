#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import SpliceYAML

/// Finds `.speedscale-istio.yaml`: in the working directory, else at the root of the git
/// checkout that holds it.
public enum ConfigurationLocator {
    /// The file name looked for.
    public static let fileName = ".speedscale-istio.yaml"

    /// The configuration file that applies in `directory`, if any.
    public static func find(from directory: String) -> String? {
        let here = PathText.appending(fileName, to: directory)
        if FileManager.default.fileExists(atPath: here) { return here }
        guard let root = gitRoot(from: directory), root != directory else { return nil }
        let atRoot = PathText.appending(fileName, to: root)
        return FileManager.default.fileExists(atPath: atRoot) ? atRoot : nil
    }

    /// The nearest folder at or above `directory` that holds `.git` (a folder, or a file in a worktree).
    public static func gitRoot(from directory: String) -> String? {
        var current = PathText.standardized(directory)
        while true {
            if FileManager.default.fileExists(atPath: PathText.appending(".git", to: current)) { return current }
            let parent = PathText.deletingLastComponent(current)
            if parent == current || parent.isEmpty { return nil }
            current = parent
        }
    }

    /// Reads and parses the configuration at `path`.
    /// - Throws: ``ConfigurationError`` when it cannot be read or is not valid.
    public static func load(_ path: String) throws(ConfigurationError) -> LintConfiguration {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigurationError(file: path, location: nil, message: "cannot be read")
        }
        var configuration = try LintConfiguration.parse(YAMLSource([UInt8](data)), file: path)
        configuration.baseDirectory = PathText.deletingLastComponent(path)
        return configuration
    }
}

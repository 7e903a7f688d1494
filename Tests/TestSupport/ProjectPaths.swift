import Foundation

/// Where the tests find the project's fixtures, the shared corpus and the built tool.
public enum ProjectPaths {
    /// The package root, found from this file's location.
    public static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `Fixtures/` in the package.
    public static let fixtures = root.appendingPathComponent("Fixtures")

    /// `../shared/corpus`, beside the checkout.
    public static let corpus = root.deletingLastPathComponent().appendingPathComponent("shared/corpus")

    /// Whether `../shared/corpus` is present (tests over it skip when it is not).
    public static var corpusIsPresent: Bool {
        FileManager.default.fileExists(atPath: corpus.path)
    }

    /// Every manifest file of the corpus (not its README or SOURCES.tsv), sorted.
    public static var corpusFiles: [URL] {
        guard let enumerator = FileManager.default.enumerator(at: corpus, includingPropertiesForKeys: nil) else { return [] }
        return enumerator.compactMap { $0 as? URL }
            .filter { !$0.hasDirectoryPath && !["md", "tsv"].contains($0.pathExtension) }
            .sorted { $0.path < $1.path }
    }

    /// The subfolders of a fixture folder, sorted.
    public static func cases(in folder: String) -> [String] {
        let url = fixtures.appendingPathComponent(folder)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
        return names.filter { name in
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: url.appendingPathComponent(name).path, isDirectory: &isDirectory) && isDirectory.boolValue
        }.sorted()
    }

    /// The bytes of `file` (`input.yaml` by default) in the golden case `Fixtures/inject/<name>`.
    public static func injectFixture(_ name: String, _ file: String = "input.yaml") throws -> [UInt8] {
        try bytes(fixtures.appendingPathComponent("inject/\(name)/\(file)"))
    }

    /// Reads a file's bytes.
    public static func bytes(_ url: URL) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: url))
    }

    /// The corpus file's path relative to the corpus folder, for test names.
    public static func corpusName(_ url: URL) -> String {
        String(url.path.dropFirst(corpus.path.count + 1))
    }
}

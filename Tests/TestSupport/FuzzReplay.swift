import Foundation

/// The inputs the fuzz targets in Fuzz/ replay: the ones they once failed on
/// (`Fuzz/FailCases/<target>/`), the fixtures and the shared corpus.
public enum FuzzReplay {
    /// The names of the saved inputs of the check `name` (`parse`, `edit`).
    public static func failCases(_ name: String) -> [String] {
        let folder = ProjectPaths.root.appendingPathComponent("Fuzz/FailCases/\(name)")
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
    }

    /// The bytes of a saved input.
    public static func failCase(_ name: String, _ file: String) throws -> [UInt8] {
        try ProjectPaths.bytes(ProjectPaths.root.appendingPathComponent("Fuzz/FailCases/\(name)/\(file)"))
    }

    /// Every YAML and JSON file under Fixtures/, relative to it.
    public static let fixtureFiles: [String] = {
        let root = ProjectPaths.fixtures
        let files = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL } ?? []
        return files.filter { ["yaml", "yml", "json"].contains($0.pathExtension) }.map { String($0.path.dropFirst(root.path.count + 1)) }.sorted()
    }()

    /// The bytes of a fixture file.
    public static func fixture(_ name: String) throws -> [UInt8] {
        try ProjectPaths.bytes(ProjectPaths.fixtures.appendingPathComponent(name))
    }

    /// The bytes of a corpus file.
    public static func corpusFile(_ name: String) throws -> [UInt8] {
        try ProjectPaths.bytes(ProjectPaths.corpus.appendingPathComponent(name))
    }
}

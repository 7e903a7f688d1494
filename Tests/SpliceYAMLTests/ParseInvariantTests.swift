import Foundation
import SpliceYAML
import SpliceYAMLChecks
import Testing
import TestSupport

/// The inputs the fuzz targets in Fuzz/ replay: the ones they once failed on
/// (`Fuzz/FailCases/<target>/`), the fixtures and the shared corpus.
enum FuzzReplay {
    /// The names of the saved inputs of the check `name` (`parse`, `edit`).
    static func failCases(_ name: String) -> [String] {
        let folder = ProjectPaths.root.appendingPathComponent("Fuzz/FailCases/\(name)")
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
    }

    /// The bytes of a saved input.
    static func failCase(_ name: String, _ file: String) throws -> [UInt8] {
        try ProjectPaths.bytes(ProjectPaths.root.appendingPathComponent("Fuzz/FailCases/\(name)/\(file)"))
    }

    /// Every YAML and JSON file under Fixtures/, relative to it.
    static let fixtureFiles: [String] = {
        let root = ProjectPaths.fixtures
        let files = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL } ?? []
        return files.filter { ["yaml", "yml", "json"].contains($0.pathExtension) }.map { String($0.path.dropFirst(root.path.count + 1)) }.sorted()
    }()

    /// The bytes of a fixture file.
    static func fixture(_ name: String) throws -> [UInt8] {
        try ProjectPaths.bytes(ProjectPaths.fixtures.appendingPathComponent(name))
    }

    /// The bytes of a corpus file.
    static func corpusFile(_ name: String) throws -> [UInt8] {
        try ProjectPaths.bytes(ProjectPaths.corpus.appendingPathComponent(name))
    }
}

/// FuzzParse's invariants (SpliceYAMLChecks.ParseCheck), replayed without a fuzzer.
@Suite struct ParseInvariantTests {
    @Test func thereAreSavedFailCases() {
        #expect(!FuzzReplay.failCases(ParseCheck.name).isEmpty, "Fuzz/FailCases/parse holds the inputs the fuzzer once failed on")
    }

    @Test(arguments: FuzzReplay.failCases(ParseCheck.name))
    func savedFailCasesHoldEveryInvariant(_ file: String) throws {
        let bytes = try FuzzReplay.failCase(ParseCheck.name, file)
        #expect(ParseCheck.violations(of: bytes) == [])
    }

    @Test(arguments: FuzzReplay.fixtureFiles)
    func fixturesHoldEveryInvariant(_ name: String) throws {
        let bytes = try FuzzReplay.fixture(name)
        #expect(ParseCheck.violations(of: bytes) == [])
    }

    @Test(.enabled(if: ProjectPaths.corpusIsPresent, "../shared/corpus is absent"), arguments: ProjectPaths.corpusFiles.map(ProjectPaths.corpusName))
    func corpusFilesHoldEveryInvariant(_ name: String) throws {
        let bytes = try FuzzReplay.corpusFile(name)
        #expect(ParseCheck.violations(of: bytes) == [])
    }

    @Test(arguments: ErrorPositionTests.inputs.indices)
    func malformedInputsHoldEveryInvariant(_ index: Int) {
        #expect(ParseCheck.violations(of: ErrorPositionTests.inputs[index]) == [])
    }
}

/// FuzzEdit's invariants (SpliceYAMLChecks.EditCheck), replayed without a fuzzer.
@Suite struct EditInvariantTests {
    @Test(arguments: FuzzReplay.failCases(EditCheck.name))
    func savedFailCasesHoldEveryInvariant(_ file: String) throws {
        let bytes = try FuzzReplay.failCase(EditCheck.name, file)
        #expect(EditCheck.violations(of: bytes) == [])
    }

    @Test(arguments: FuzzReplay.fixtureFiles)
    func fixturesHoldEveryInvariant(_ name: String) throws {
        let bytes = try FuzzReplay.fixture(name)
        #expect(EditCheck.violations(of: bytes) == [])
    }

    @Test(.enabled(if: ProjectPaths.corpusIsPresent, "../shared/corpus is absent"), arguments: ProjectPaths.corpusFiles.map(ProjectPaths.corpusName))
    func corpusFilesHoldEveryInvariant(_ name: String) throws {
        // Fewer edits per document than the fuzzer makes: the corpus is large.
        let bytes = try FuzzReplay.corpusFile(name)
        #expect(EditCheck.violations(of: bytes, editsPerDocument: 2) == [])
    }
}

import Foundation
import SpliceYAML
import SpliceYAMLChecks
import Testing
import TestSupport

/// The fuzz target FuzzParse's invariants (SpliceYAMLChecks.ParseCheck), replayed without a
/// fuzzer over the inputs it once failed on, the fixtures and the shared corpus.
@Suite struct ParseInvariantTests {
    /// `Fuzz/FailCases/parse/`: every input the fuzzer found an invariant broken on.
    static let failCases = ProjectPaths.root.appendingPathComponent("Fuzz/FailCases/\(ParseCheck.name)")

    static var failCaseNames: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: failCases.path)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
    }

    static var fixtureFiles: [String] {
        let root = ProjectPaths.fixtures
        let files = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL } ?? []
        return files.filter { ["yaml", "yml", "json"].contains($0.pathExtension) }.map { String($0.path.dropFirst(root.path.count + 1)) }.sorted()
    }

    @Test func thereAreSavedFailCases() {
        #expect(!Self.failCaseNames.isEmpty, "Fuzz/FailCases/parse holds the inputs the fuzzer once failed on")
    }

    @Test(arguments: failCaseNames)
    func savedFailCasesHoldEveryInvariant(_ name: String) throws {
        let bytes = try ProjectPaths.bytes(Self.failCases.appendingPathComponent(name))
        #expect(ParseCheck.violations(of: bytes) == [])
    }

    @Test(arguments: fixtureFiles)
    func fixturesHoldEveryInvariant(_ name: String) throws {
        let bytes = try ProjectPaths.bytes(ProjectPaths.fixtures.appendingPathComponent(name))
        #expect(ParseCheck.violations(of: bytes) == [])
    }

    @Test(.enabled(if: ProjectPaths.corpusIsPresent, "../shared/corpus is absent"), arguments: ProjectPaths.corpusFiles.map(ProjectPaths.corpusName))
    func corpusFilesHoldEveryInvariant(_ name: String) throws {
        let bytes = try ProjectPaths.bytes(ProjectPaths.corpus.appendingPathComponent(name))
        #expect(ParseCheck.violations(of: bytes) == [])
    }

    @Test(arguments: ErrorPositionTests.inputs.indices)
    func malformedInputsHoldEveryInvariant(_ index: Int) {
        #expect(ParseCheck.violations(of: ErrorPositionTests.inputs[index]) == [])
    }
}

import Foundation
import Testing
import TestSupport

/// Golden pairs: `Fixtures/inject/<case>/input.yaml` gives `expected.yaml` with the flags in `args`.
@Suite struct GoldenInjectTests {
    static let cases = ProjectPaths.cases(in: "inject")

    private func arguments(for name: String) -> [String] {
        let url = ProjectPaths.fixtures.appendingPathComponent("inject/\(name)/args")
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").map(String.init)
    }

    @Test(arguments: cases)
    func injectGivesTheExpectedBytes(_ name: String) throws {
        let folder = ProjectPaths.fixtures.appendingPathComponent("inject/\(name)")
        let run = try ToolRunner.run(["inject"] + arguments(for: name) + ["-f", folder.appendingPathComponent("input.yaml").path])
        #expect(run.status == 0, "stderr: \(run.stderr)")
        Golden.expect(run.stdout, matches: folder.appendingPathComponent("expected.yaml"))
    }

    @Test(.disabled(if: Golden.isUpdating, "golden files are being rewritten"), arguments: cases)
    func injectOnItsOwnOutputChangesNothing(_ name: String) throws {
        let folder = ProjectPaths.fixtures.appendingPathComponent("inject/\(name)")
        let expected = try ProjectPaths.bytes(folder.appendingPathComponent("expected.yaml"))
        let run = try ToolRunner.run(["inject"] + arguments(for: name) + ["-f", "-"], stdin: expected)
        #expect(run.status == 0, "stderr: \(run.stderr)")
        #expect(run.stdout == expected)
        #expect(!run.stderr.contains(" injected\n"), "a second run injected again: \(run.stderr)")
    }
}

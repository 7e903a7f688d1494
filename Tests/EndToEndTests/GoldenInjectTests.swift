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

    /// The cases whose input carries nothing of Speedscale's: uninject of the output must give
    /// the input back byte for byte (except where inject filled a null value, `env: ~`, which
    /// uninject cannot tell from an empty list).
    static let freshCases = cases.filter { name in
        guard name != "empty-annotations-value" else { return false }
        let input = (try? String(contentsOf: ProjectPaths.fixtures.appendingPathComponent("inject/\(name)/input.yaml"), encoding: .utf8)) ?? ""
        return !input.contains("speedscale.com/") && !input.contains(":4140")
    }

    @Test(.disabled(if: Golden.isUpdating, "golden files are being rewritten"), arguments: freshCases)
    func uninjectOfTheOutputGivesTheInputBack(_ name: String) throws {
        let folder = ProjectPaths.fixtures.appendingPathComponent("inject/\(name)")
        let run = try ToolRunner.run(["uninject", "-f", folder.appendingPathComponent("expected.yaml").path])
        #expect(run.status == 0, "stderr: \(run.stderr)")
        #expect(run.stdout == (try ProjectPaths.bytes(folder.appendingPathComponent("input.yaml"))))
    }

    @Test(.disabled(if: Golden.isUpdating, "golden files are being rewritten"), arguments: freshCases)
    func theOutputLintsCleanAtWarningLevel(_ name: String) throws {
        let folder = ProjectPaths.fixtures.appendingPathComponent("inject/\(name)")
        let run = try ToolRunner.run(["lint", "--fail-on", "warning", "--min-severity", "warning", "-f", folder.appendingPathComponent("expected.yaml").path])
        #expect(run.status == 0, "stdout: \(String(decoding: run.stdout, as: UTF8.self))")
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

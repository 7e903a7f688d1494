import Foundation
import Testing
import TestSupport

/// What inject writes, with each fixture's own flags (SOCKS, TLS, ports), lints clean through
/// the command line: nothing at warning or above, except the true findings listed.
@Suite struct InjectThenLintCommandTests {
    /// Findings at warning or above a fixture's output keeps, by fixture, with the reason.
    static let expected: [String: (rules: [String], reason: String)] = [
        "sidecar-egress-ambient": (["IST007"], "the input has a Sidecar in an ambient namespace, where it has no effect; inject leaves it alone"),
        "sidecar-egress-root-namespace": (["IST020"], "a mesh-wide Sidecar keeps deployment/web from the forwarder; inject never edits mesh-wide Sidecars"),
    ]

    @Test(arguments: ProjectPaths.cases(in: "inject"))
    func injectOutputLintsClean(_ name: String) throws {
        let folder = ProjectPaths.fixtures.appendingPathComponent("inject/\(name)")
        let flags = (try? String(contentsOf: folder.appendingPathComponent("args"), encoding: .utf8))?.split(separator: "\n").map(String.init) ?? []
        let injected = try ToolRunner.run(["inject"] + flags + ["-f", folder.appendingPathComponent("input.yaml").path])
        #expect(injected.status == 0, "stderr: \(injected.stderr)")
        let lint = try ToolRunner.run(["lint", "--min-severity", "warning", "--fail-on", "warning", "-f", "-"], stdin: injected.stdout)
        let rules = lint.output.split(separator: "\n").compactMap { $0.firstMatch(of: /\[([A-Z]+[0-9]+)\]/).map { String($0.1) } }
        let expected = Self.expected[name]
        #expect(lint.status == (expected == nil ? 0 : 1), "stderr: \(lint.stderr)")
        #expect(Set(rules) == Set(expected?.rules ?? []), "\(lint.output) \(expected?.reason ?? "")")
    }
}

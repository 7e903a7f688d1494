import Foundation
import Testing
import TestSupport

/// What inject writes, with each fixture's own flags (SOCKS, TLS, ports), lints clean through
/// the command line: nothing at warning or above.
@Suite struct InjectThenLintCommandTests {
    @Test(arguments: ProjectPaths.cases(in: "inject"))
    func injectOutputLintsClean(_ name: String) throws {
        let folder = ProjectPaths.fixtures.appendingPathComponent("inject/\(name)")
        let flags = (try? String(contentsOf: folder.appendingPathComponent("args"), encoding: .utf8))?.split(separator: "\n").map(String.init) ?? []
        let injected = try ToolRunner.run(["inject"] + flags + ["-f", folder.appendingPathComponent("input.yaml").path])
        #expect(injected.status == 0, "stderr: \(injected.stderr)")
        let lint = try ToolRunner.run(["lint", "--min-severity", "warning", "--fail-on", "warning", "-f", "-"], stdin: injected.stdout)
        #expect(lint.status == 0, "stderr: \(lint.stderr)")
        #expect(lint.output == "")
    }
}

import Foundation
import Testing
import TestSupport

/// The shell completion scripts in `completions/` are what the tool generates today, so a
/// new flag or subcommand cannot leave them stale.
@Suite struct CompletionScriptTests {
    @Test(arguments: ["bash", "zsh", "fish"])
    func committedScriptMatchesTheGeneratedOne(_ shell: String) throws {
        let run = try ToolRunner.run(["--generate-completion-script", shell])
        #expect(run.status == 0)
        let committed = try ProjectPaths.bytes(ProjectPaths.root.appendingPathComponent("completions/kubectl-speedscale_istio.\(shell)"))
        #expect(run.stdout == committed, "regenerate with: kubectl-speedscale_istio --generate-completion-script \(shell) > completions/kubectl-speedscale_istio.\(shell)")
        #expect(run.output.contains("uninject") && run.output.contains("proxy-port"))
    }
}

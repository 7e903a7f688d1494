import Foundation
import Testing
import TestSupport

/// kubectl finds the tool on PATH as `kubectl-speedscale_istio` and runs it as `kubectl speedscale-istio`.
@Suite struct PluginDiscoveryTests {
    @Test(.enabled(if: ToolRunner.which("kubectl") != nil, "kubectl is not installed"))
    func kubectlRunsThePlugin() throws {
        let kubectl = try #require(ToolRunner.which("kubectl"))
        try TemporaryDirectory.with { directory in
            try FileManager.default.createSymbolicLink(
                at: directory.path("kubectl-speedscale_istio"), withDestinationURL: ToolRunner.executable)
            let path = directory.url.path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
            let quickstart = "Fixtures/quickstart/deployment.yaml"
            let viaKubectl = try ToolRunner.runProgram(
                kubectl, ["speedscale-istio", "inject", "-f", quickstart],
                environment: ["PATH": path, "KUBECONFIG": directory.path("no-kubeconfig").path])
            let direct = try ToolRunner.run(["inject", "-f", quickstart])
            #expect(viaKubectl.status == 0, "\(viaKubectl.stderr)")
            #expect(viaKubectl.stdout == direct.stdout)
            #expect(viaKubectl.stderr.contains("deployment/web (\(quickstart)) injected"))
        }
    }
}

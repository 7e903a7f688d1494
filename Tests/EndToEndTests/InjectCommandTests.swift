import Foundation
import Testing
import TestSupport

/// `inject` run as a user runs it: streams, exit codes and messages.
@Suite struct InjectCommandTests {
    private let quickstart = "Fixtures/quickstart/deployment.yaml"

    @Test func theQuickstartGainsExactlyTwelveLines() throws {
        let run = try ToolRunner.run(["inject", "-f", quickstart])
        #expect(run.status == 0)
        let input = try String(contentsOf: ProjectPaths.root.appendingPathComponent(quickstart), encoding: .utf8)
        let added = run.output.split(separator: "\n", omittingEmptySubsequences: false).count
            - input.split(separator: "\n", omittingEmptySubsequences: false).count
        #expect(added == 12)
        #expect(run.stderr.contains("deployment/web (\(quickstart)) injected\n"))
        #expect(run.stderr.hasSuffix("1 object: 1 injected, 0 unchanged, 0 skipped, 0 failed\n"))
    }

    @Test func standardInputWorksWithDash() throws {
        let bytes = try ProjectPaths.bytes(ProjectPaths.root.appendingPathComponent(quickstart))
        let fromFile = try ToolRunner.run(["inject", "-f", quickstart])
        let fromStdin = try ToolRunner.run(["inject", "-f", "-"], stdin: bytes)
        #expect(fromStdin.status == 0)
        #expect(fromStdin.stdout == fromFile.stdout)
        #expect(fromStdin.stderr.contains("deployment/web (-) injected"))
    }

    @Test func unparsableYAMLExitsTwoWithFileLineAndColumn() throws {
        let run = try ToolRunner.run(["inject", "-f", "-"], stdin: Array("kind: Deployment\nmetadata:\n  name: [broken\nspec: {}\n".utf8))
        #expect(run.status == 2)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.hasPrefix("-:4:5: "), "stderr: \(run.stderr)")
        #expect(run.stderr.contains("did not find expected ',' or ']'"))
    }

    @Test func aWorkloadThatCannotBeInjectedFailsTheRunAndWritesNothing() throws {
        let manifest = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: two\nspec:\n  template:\n    spec:\n      containers:\n      - name: a\n        ports:\n        - containerPort: 1\n      - name: b\n        ports:\n        - containerPort: 2\n"
        let ok = try String(contentsOf: ProjectPaths.root.appendingPathComponent(quickstart), encoding: .utf8)
        let run = try ToolRunner.run(["inject", "-f", "-"], stdin: Array((ok + "---\n" + manifest).utf8))
        #expect(run.status == 1)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains("deployment/two (-:27) failed: cannot tell which container is the app; candidates: a, b (use --container)"))
        let skipped = try ToolRunner.run(["inject", "--skip-failed", "-f", "-"], stdin: Array((ok + "---\n" + manifest).utf8))
        #expect(skipped.status == 0)
        #expect(skipped.output.hasSuffix("---\n" + manifest))
        #expect(skipped.output.contains("sidecar.speedscale.com/inject: \"true\""))
    }

    @Test func aMissingFileExitsTwo() throws {
        let run = try ToolRunner.run(["inject", "-f", "no/such/file.yaml"])
        #expect(run.status == 2)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains("no/such/file.yaml: no such file or directory"))
    }

    @Test func badUsageExitsTwo() throws {
        let run = try ToolRunner.run(["inject", "--proxy-port", "70000", "-f", quickstart])
        #expect(run.status == 2)
        #expect(run.stderr.contains("--proxy-port must be a port number"))
        let unknown = try ToolRunner.run(["inject", "--no-such-flag"])
        #expect(unknown.status == 2)
    }

    @Test func flagsChangeWhatIsWritten() throws {
        let run = try ToolRunner.run(["inject", "--protocol", "socks4", "--proxy-port", "9000", "--tls-out", "-f", quickstart])
        #expect(run.status == 0)
        #expect(run.output.contains("sidecar.speedscale.com/proxy-protocol: \"tcp:socks\""))
        #expect(run.output.contains("sidecar.speedscale.com/proxy-port: \"9000\""))
        #expect(run.output.contains("sidecar.speedscale.com/tls-out: \"true\""))
        #expect(run.output.contains("value: socks4://localhost:4140"))
    }

    @Test func helpListsInject() throws {
        let run = try ToolRunner.run(["--help"])
        #expect(run.status == 0)
        #expect(run.output.contains("inject"))
    }
}

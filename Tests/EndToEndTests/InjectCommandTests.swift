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

/// What the report says about profiles: the one chosen and why, conversions, kept profiles,
/// inferred ports, and the workloads left alone.
@Suite struct ProfileReportTests {
    private func fixture(_ name: String) throws -> [UInt8] { try ProjectPaths.injectFixture(name) }

    @Test func aWorkloadWithoutAnInboundPortGetsTheForwardProfile() throws {
        let run = try ToolRunner.run(["inject", "-f", "-"], stdin: try fixture("forward-without-a-port"))
        #expect(run.status == 0)
        #expect(run.stderr.contains("job/loadgen (-) injected (forward only: no inbound port)\n"), "\(run.stderr)")
    }

    @Test func aDeclaredProfileIsKeptUnlessAModeIsGiven() throws {
        let input = try fixture("kept-transparent")
        let kept = try ToolRunner.run(["inject", "-f", "-"], stdin: input)
        #expect(kept.status == 0)
        #expect(kept.stdout == input)
        #expect(kept.stderr.contains("deployment/plain (-) kept: transparent profile (pass --mode dual to convert)\n"), "\(kept.stderr)")
        #expect(kept.stderr.contains("1 object: 0 injected, 0 unchanged, 1 kept, 0 skipped, 0 failed"), "\(kept.stderr)")
        let converted = try ToolRunner.run(["inject", "--mode", "dual", "-f", "-"], stdin: input)
        #expect(converted.stderr.contains("deployment/plain (-) converted transparent → dual\n"), "\(converted.stderr)")
        let json = try ToolRunner.run(["inject", "--mode", "dual", "--report", "json", "-f", "-"], stdin: input)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(json.stderr.utf8)) as? [String: Any])
        let object = try #require((report["objects"] as? [[String: Any]])?.first)
        #expect(object["status"] as? String == "converted")
        #expect(object["reason"] as? String == "transparent → dual")
        let decision = try #require(object["decision"] as? [String: Any])
        #expect(decision["profile"] as? String == "dual")
        #expect(decision["port"] as? Int == 80)
        #expect(decision["portSource"] as? String == "containerPort")
    }

    @Test func thePortMayComeFromAServiceAndTheReportSaysSo() throws {
        let stream = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: api
            spec:
              template:
                metadata:
                  labels: {app: api}
                spec:
                  containers:
                  - name: api
                    image: example/api:1
            ---
            apiVersion: v1
            kind: Service
            metadata:
              name: api
            spec:
              selector: {app: api}
              ports:
              - port: 80
                targetPort: 8080

            """
        let run = try ToolRunner.run(["inject", "--report", "json", "-f", "-"], stdin: Array(stream.utf8))
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.output.contains("sidecar.speedscale.com/proxy-port: \"8080\""))
        let report = try #require(try JSONSerialization.jsonObject(with: Data(run.stderr.utf8)) as? [String: Any])
        let object = try #require((report["objects"] as? [[String: Any]])?.first)
        #expect(object["notes"] as? [String] == ["app port 8080 (inferred from service/api)"])
        #expect((object["decision"] as? [String: Any])?["portSource"] as? String == "service/api")
    }

    @Test func workloadsTheOperatorWouldNotHandleAreSkippedWithTheReason() throws {
        let stream = """
            apiVersion: v1
            kind: ReplicationController
            metadata: {name: legacy}
            spec:
              template:
                spec:
                  containers: [{name: app, ports: [{containerPort: 80}]}]
            ---
            apiVersion: apps/v1
            kind: ReplicaSet
            metadata:
              name: web-5d4f
              ownerReferences: [{apiVersion: apps/v1, kind: Deployment, name: web, controller: true, uid: x}]
            spec:
              template:
                spec:
                  containers: [{name: app, ports: [{containerPort: 80}]}]
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: istio-ingressgateway}
            spec:
              template:
                metadata:
                  annotations: {inject.istio.io/templates: gateway}
                spec:
                  containers: [{name: istio-proxy, image: auto}]

            """
        let run = try ToolRunner.run(["inject", "-f", "-"], stdin: Array(stream.utf8))
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout == Array(stream.utf8), "nothing is changed")
        #expect(run.stderr.contains("replicationcontroller/legacy (-) skipped: Speedscale's operator does not handle ReplicationControllers"), "\(run.stderr)")
        #expect(run.stderr.contains("replicaset/web-5d4f (-) skipped: owned by deployment/web: inject the owner\n"), "\(run.stderr)")
        #expect(run.stderr.contains("deployment/istio-ingressgateway (-) skipped: no app container, only known sidecars (istio-proxy)\n"), "\(run.stderr)")
    }
}

import Foundation
import Testing
import TestSupport

/// `uninject` from the command line: it undoes inject, in every output mode.
@Suite struct UninjectCommandTests {
    private let quickstart = "Fixtures/quickstart/deployment.yaml"

    @Test func uninjectOfInjectGivesTheOriginalBytes() throws {
        let original = try ProjectPaths.bytes(ProjectPaths.root.appendingPathComponent(quickstart))
        let injected = try ToolRunner.run(["inject", "-f", quickstart])
        #expect(injected.status == 0)
        let restored = try ToolRunner.run(["uninject", "-f", "-"], stdin: injected.stdout)
        #expect(restored.status == 0, "stderr: \(restored.stderr)")
        #expect(restored.stdout == original)
        #expect(restored.stderr.contains("deployment/web (-) uninjected"))
        let again = try ToolRunner.run(["uninject", "-f", "-"], stdin: original)
        #expect(again.stdout == original)
        #expect(again.stderr.contains("deployment/web (-) unchanged"))
    }

    @Test func aWorkloadUninjectCannotCleanFailsTheRunUnlessSkipFailed() throws {
        let twice = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: twice
              annotations:
                sidecar.speedscale.com/inject: "true"
              annotations:
                sidecar.speedscale.com/inject: "true"
            spec:
              template:
                spec:
                  containers:
                  - name: app
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: fine
              annotations:
                sidecar.speedscale.com/inject: "true"
            spec:
              template:
                spec:
                  containers:
                  - name: app

            """
        let strict = try ToolRunner.run(["uninject"], stdin: Array(twice.utf8))
        #expect(strict.status == 1)
        #expect(strict.stdout.isEmpty)
        #expect(strict.stderr.contains("deployment/twice (-:1) failed: cannot edit metadata.annotations"))
        #expect(strict.stderr.contains("use --skip-failed to write the rest"))
        let lenient = try ToolRunner.run(["uninject", "--skip-failed"], stdin: Array(twice.utf8))
        #expect(lenient.status == 0)
        let expected = twice.replacingOccurrences(of: "  name: fine\n  annotations:\n    sidecar.speedscale.com/inject: \"true\"\n", with: "  name: fine\n")
        #expect(lenient.output == expected)
        #expect(lenient.stderr.contains("deployment/fine (-) uninjected"))
    }

    @Test func uninjectInPlaceAndAsADiffForPatch() throws {
        let original = try ProjectPaths.bytes(ProjectPaths.root.appendingPathComponent(quickstart))
        let injected = try ToolRunner.run(["inject", "-f", quickstart]).stdout
        try TemporaryDirectory.with { directory in
            let file = try directory.write("app/deployment.yaml", injected)
            let diff = try ToolRunner.run(["uninject", "--diff", "-f", "app/deployment.yaml"], directory: directory.url)
            #expect(diff.status == 0)
            #expect(diff.output.hasPrefix("--- a/app/deployment.yaml\n+++ b/app/deployment.yaml\n"))
            #expect(diff.output.split(separator: "\n").filter { $0.hasPrefix("-") && !$0.hasPrefix("---") }.count == 12)
            if let patch = ToolRunner.which("patch") {
                let applied = try ToolRunner.runProgram(patch, ["-p1", "--quiet"], stdin: diff.stdout, directory: directory.url)
                #expect(applied.status == 0, "patch: \(applied.stderr)")
                #expect(try ProjectPaths.bytes(file) == original)
                try directory.write("app/deployment.yaml", injected)
            }
            let inPlace = try ToolRunner.run(["uninject", "-i", "-f", "app/deployment.yaml"], directory: directory.url)
            #expect(inPlace.status == 0, "stderr: \(inPlace.stderr)")
            #expect(inPlace.stdout.isEmpty)
            #expect(try ProjectPaths.bytes(file) == original)
        }
    }

    @Test func uninjectKeepsProxyValuesInjectDidNotWrite() throws {
        let manifest = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\nspec:\n  template:\n    spec:\n      containers:\n      - name: a\n        env:\n        - name: HTTP_PROXY\n          value: http://corp-proxy:3128\n"
        let run = try ToolRunner.run(["uninject", "-f", "-"], stdin: Array(manifest.utf8))
        #expect(run.status == 0)
        #expect(run.output == manifest)
    }
}

/// inject's less common flags, end to end.
@Suite struct InjectFlagTests {
    @Test func istioCNIAndNoProxyAreWritten() throws {
        let run = try ToolRunner.run(["inject", "--istio-cni", "--no-proxy", "localhost, .svc", "-f", "Fixtures/quickstart/deployment.yaml"])
        #expect(run.status == 0, "stderr: \(run.stderr)")
        #expect(run.output.contains("    sidecar.speedscale.com/istio-cni: \"true\"\n"))
        #expect(run.output.contains("        - name: NO_PROXY\n          value: localhost,127.0.0.1,.svc\n"))
    }

    @Test func transparentModeWritesOnlyTheInjectAnnotation() throws {
        let run = try ToolRunner.run(["inject", "--mode", "transparent", "-f", "Fixtures/quickstart/deployment.yaml"])
        #expect(run.status == 0)
        let added = run.output.split(separator: "\n").filter { $0.contains("speedscale") || $0.contains("PROXY") }
        #expect(added == ["    sidecar.speedscale.com/inject: \"true\""])
    }
}

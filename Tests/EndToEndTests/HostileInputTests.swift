import SpliceYAML
import Testing
import TestSupport

/// The hostile inputs of the reliability issue, through the built binary: each once trapped
/// (exit 132), changed what it must not, or stopped with an internal error. Each now ends
/// with a document that parses and the edit the flags ask for, or fails closed naming why.
@Suite struct HostileInputTests {
    /// A Pod with container `a` listening on 80, and `metadata` and `env` lines as given.
    private func pod(metadata: String = "", env: String = "") -> [UInt8] {
        Array("kind: Pod\nmetadata:\n  name: p\n\(metadata)spec:\n  containers:\n  - name: a\n    ports: [{containerPort: 80}]\n\(env)".utf8)
    }

    private func parses(_ bytes: [UInt8]) -> Bool {
        (try? YAMLStream(parsing: bytes)) != nil
    }

    @Test func noProxyOnATaggedEmptyNoProxyValueKeepsTheTag() throws {
        let input = pod(env: "    env:\n    - name: NO_PROXY\n      value: !!str\n")
        let run = try ToolRunner.run(["--no-proxy", ".svc", "-f", "-"], stdin: input)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.output.contains("      value: !!str localhost,127.0.0.1,.svc\n"))
        #expect(parses(run.stdout))
    }

    @Test func overwriteOnAnAnchoredEmptyAnnotationFailsClosed() throws {
        let input = pod(metadata: "  annotations:\n    sidecar.speedscale.com/inject: &a\n")
        let run = try ToolRunner.run(["--overwrite", "-f", "-"], stdin: input)
        #expect(run.status == 1)
        #expect(run.stdout.isEmpty, "nothing is written")
        #expect(run.stderr.contains("cannot edit metadata.annotations[sidecar.speedscale.com/inject]: it carries the anchor &a"))
    }

    @Test func anOptedOutWorkloadSharingAnAnchoredContainerListStaysUnchanged() throws {
        let input = Array("""
            apiVersion: v1
            kind: List
            items:
            - apiVersion: apps/v1
              kind: Deployment
              metadata:
                name: web
              spec:
                template:
                  spec:
                    containers: &c
                    - name: web
                      ports:
                      - containerPort: 8080
            - apiVersion: apps/v1
              kind: Deployment
              metadata:
                name: out
                annotations:
                  sidecar.speedscale.com/inject: "false"
              spec:
                template:
                  spec:
                    containers: *c

            """.utf8)
        let run = try ToolRunner.run(["--skip-failed", "-f", "-"], stdin: input)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout == input, "the shared list is not edited for one workload behind the other's back")
        #expect(run.stderr.contains("deployment/web (-:4) failed: cannot edit spec.template.spec.containers: it carries the anchor &c"))
        #expect(run.stderr.contains("deployment/out (-) skipped: opted out"))
    }

    @Test func overwriteFillsEmptyAnnotationAndProxyValuesAndNoProxyAnEmptyNoProxy() throws {
        let input = pod(
            metadata: "  annotations:\n    sidecar.speedscale.com/proxy-type:\n    team: x\n",
            env: "    env:\n    - name: HTTP_PROXY\n      value:\n    - name: NO_PROXY\n      value:\n")
        let run = try ToolRunner.run(["--overwrite", "--no-proxy", ".svc", "-f", "-"], stdin: input)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.output.contains("    sidecar.speedscale.com/proxy-type: \"dual\"\n    team: x\n"))
        #expect(run.output.contains("    - name: HTTP_PROXY\n      value: http://localhost:4140\n    - name: NO_PROXY\n      value: localhost,127.0.0.1,.svc\n"))
        #expect(parses(run.stdout))
        let again = try ToolRunner.run(["--overwrite", "--no-proxy", ".svc", "-f", "-"], stdin: run.stdout)
        #expect(again.stdout == run.stdout, "a second run changes nothing")
    }

    @Test(arguments: [
        "  annotations: {a, b, team: x}\n",
        "  annotations:\n    ? team\n    : x\n    ? a\n",
        "  annotations:\n    ? sidecar.speedscale.com/inject\n    : \"true\"\n    ? team\n    : x\n",
    ])
    func uninjectOfInjectGivesBackLeftOutValuesAndExplicitKeys(_ annotations: String) throws {
        let input = pod(metadata: annotations)
        let injected = try ToolRunner.run(["--mode", "dual", "-f", "-"], stdin: input)
        #expect(injected.status == 0, "\(injected.stderr)")
        #expect(injected.output.contains("sidecar.speedscale.com/proxy-type: \"dual\""))
        #expect(parses(injected.stdout))
        let restored = try ToolRunner.run(["uninject", "-f", "-"], stdin: injected.stdout)
        #expect(restored.status == 0, "\(restored.stderr)")
        if annotations.contains("inject") {
            // The user's own inject: "true" is what uninject removes too.
            #expect(restored.output == String(decoding: pod(metadata: "  annotations:\n    ? team\n    : x\n"), as: UTF8.self))
        } else {
            #expect(restored.stdout == input)
        }
    }
}

import Foundation
import Testing
import TestSupport

/// Istio Sidecar egress through the built binary: which Sidecars inject edits, what it says
/// about those it leaves alone, what lint then reports, and that uninject takes back exactly
/// what inject added.
@Suite struct SidecarEgressCommandTests {
    private func fixture(_ name: String) -> String { "Fixtures/inject/\(name)/input.yaml" }

    private func arguments(_ name: String) throws -> [String] {
        let url = ProjectPaths.fixtures.appendingPathComponent("inject/\(name)/args")
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").map(String.init)
    }

    /// The `RULE resource` pairs of lint's JSON report at warning or above.
    private func lintProblems(_ bytes: [UInt8], config: String? = nil) throws -> [String] {
        try TemporaryDirectory.with { directory in
            var arguments = ["lint", "--format", "json", "--min-severity", "warning", "-f", "-"]
            if let config {
                arguments += ["--config", try directory.write("config.yaml", config).path]
            }
            let run = try ToolRunner.run(arguments, stdin: bytes, directory: directory.url)
            let findings = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout)) as? [[String: Any]], "\(run.stderr)")
            return findings.map { finding in
                let resource = finding["resource"] as? [String: Any]
                return "\(finding["rule"] as? String ?? "") \(finding["severity"] as? String ?? "") \(resource?["namespace"] as? String ?? "")/\(resource?["name"] as? String ?? "")"
            }.sorted()
        }
    }

    @Test func anAmbientNamespacesSidecarIsLeftAloneWithTheReason() throws {
        let run = try ToolRunner.run(["inject"] + arguments("sidecar-egress-ambient") + ["-f", fixture("sidecar-egress-ambient")])
        #expect(run.status == 0)
        #expect(run.stderr.contains("sidecar/default (\(fixture("sidecar-egress-ambient"))) skipped: its namespace runs in ambient mode, where Sidecar resources have no effect (for deployment/web)"), "\(run.stderr)")
        let input = try ProjectPaths.bytes(ProjectPaths.root.appendingPathComponent(fixture("sidecar-egress-ambient")))
        // IST007 was there before (a Sidecar in an ambient namespace) and stays; nothing is added.
        #expect(try lintProblems(input) == ["IST007 warning shop/default"])
        #expect(try lintProblems(run.stdout) == ["IST007 warning shop/default"])
    }

    @Test func theMeshWideSidecarIsReportedNotEdited() throws {
        let name = "sidecar-egress-root-namespace"
        let run = try ToolRunner.run(["inject"] + arguments(name) + ["-f", fixture(name)])
        #expect(run.status == 0)
        #expect(run.stderr.contains("skipped: the mesh-wide default Sidecar (root namespace istio-config) is not changed, but deployment/web cannot reach Speedscale through it"), "\(run.stderr)")
        #expect(run.stderr.contains("give namespace shop a Sidecar of its own that does"))
        let output = String(decoding: run.stdout, as: UTF8.self)
        #expect(output.components(separatedBy: "\"speedscale/*\"").count == 2, "only pay's own Sidecar gains the host")
        // lint says the same, as an error because that Sidecar drops unknown traffic.
        #expect(try lintProblems(run.stdout, config: "settings:\n  rootNamespace: istio-config\n") == ["IST020 error istio-config/default"])
    }

    @Test(arguments: ["sidecar-egress", "sidecar-egress-port-scoped", "sidecar-egress-selector", "sidecar-egress-root-namespace"])
    func uninjectTakesBackWhatInjectAddedToSidecars(_ name: String) throws {
        let input = try ProjectPaths.bytes(ProjectPaths.root.appendingPathComponent(fixture(name)))
        let injected = try ToolRunner.run(["inject"] + arguments(name) + ["-f", "-"], stdin: input)
        #expect(injected.status == 0)
        let restored = try ToolRunner.run(["uninject"] + arguments(name).filter { $0 != "--mode" && $0 != "transparent" } + ["-f", "-"], stdin: injected.stdout)
        #expect(restored.status == 0, "\(restored.stderr)")
        #expect(restored.output == String(decoding: input, as: UTF8.self))
        #expect(try lintProblems(injected.stdout).filter { $0.hasPrefix("IST003") } == [])
    }

    @Test func theForwarderPortIsASetting() throws {
        let run = try ToolRunner.run(["inject", "--mode", "transparent", "--forwarder-port", "8081", "-f", fixture("sidecar-egress-port-scoped")])
        #expect(run.status == 0)
        #expect(run.output.contains("  - port:\n      number: 8081\n      protocol: TCP\n      name: speedscale-forwarder\n    hosts:\n    - \"speedscale/*\"\n"))
        // pay's listener for port 80 does not serve 8081 and its catch-all now does.
        #expect(run.output.contains("  - hosts:\n    - \"istio-system/*\"\n    - \"speedscale/*\"\n"))
        let bad = try ToolRunner.run(["inject", "--forwarder-port", "0", "-f", fixture("sidecar-egress-port-scoped")])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("--forwarder-port must be a port number (1-65535), not 0"))
    }

    @Test func uninjectKeepsTheHostAWorkloadStillRunningTheSidecarNeeds() throws {
        let sidecar = "apiVersion: networking.istio.io/v1\nkind: Sidecar\nmetadata:\n  name: default\n  namespace: shop\nspec:\n  egress:\n  - hosts:\n    - \"./*\"\n"
        func deployment(_ name: String) -> String {
            "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: \(name)\n  namespace: shop\n  labels:\n    app: \(name)\nspec:\n  template:\n    metadata:\n      labels:\n        app: \(name)\n    spec:\n      containers:\n      - name: \(name)\n        image: \(name):1\n"
        }
        let input = Array((sidecar + "---\n" + deployment("web") + "---\n" + deployment("api")).utf8)
        let injected = try ToolRunner.run(["inject", "--mode", "transparent", "-f", "-"], stdin: input)
        #expect(injected.output.contains("    - \"speedscale/*\"\n"))
        let one = try ToolRunner.run(["uninject", "-l", "app=web", "-f", "-"], stdin: injected.stdout)
        #expect(one.status == 0)
        #expect(one.output.contains("    - \"speedscale/*\"\n"), "api still runs the Speedscale sidecar")
        let both = try ToolRunner.run(["uninject", "-f", "-"], stdin: one.stdout)
        #expect(both.output == String(decoding: input, as: UTF8.self))
    }
}

import Foundation
import Testing
import TestSupport

/// The configuration file for inject, as the README's worked example uses it: a repository
/// with a `.speedscale-istio.yaml` that inject, uninject and lint all read.
@Suite struct ConfigurationFileTests {
    static let folder = ProjectPaths.fixtures.appendingPathComponent("config/multi-workload")

    /// Runs `body` in a directory holding the example's configuration as `.speedscale-istio.yaml`
    /// and its manifests as `shop.yaml`.
    private func inExample<T>(_ body: (TemporaryDirectory) throws -> T) throws -> T {
        try TemporaryDirectory.with { directory in
            try directory.write(".speedscale-istio.yaml", try ProjectPaths.bytes(Self.folder.appendingPathComponent("speedscale-istio.yaml")))
            try directory.write("shop.yaml", try ProjectPaths.bytes(Self.folder.appendingPathComponent("shop.yaml")))
            return try body(directory)
        }
    }

    @Test func injectFollowsTheFileFoundInTheWorkingDirectory() throws {
        try inExample { directory in
            let run = try ToolRunner.run(["inject", "-f", "shop.yaml"], directory: directory.url)
            #expect(run.status == 0, "\(run.stderr)")
            Golden.expect(run.stdout, matches: Self.folder.appendingPathComponent("expected.yaml"))
            #expect(run.stderr.contains("deployment/orders (shop.yaml) injected\n  decided: dual profile (the default); runtime java (asked for); container \"orders\" (the only container); port 8443 (asked for); configuration file: shop/deployment/orders\n"), "\(run.stderr)")
            #expect(run.stderr.contains("cronjob/nightly-report (shop.yaml) injected\n  decided: forward profile (asked for); runtime python"))
            #expect(run.stderr.contains("deployment/legacy-billing (shop.yaml) skipped: excluded by the configuration file (deployment/legacy-billing)\n"))
        }
    }

    @Test(.disabled(if: Golden.isUpdating, "golden files are being rewritten"))
    func lintReadsTheSameFileAndFindsInjectsOutputClean() throws {
        try inExample { directory in
            try directory.write("out.yaml", try ProjectPaths.bytes(Self.folder.appendingPathComponent("expected.yaml")))
            let clean = try ToolRunner.run(["lint", "--fail-on", "warning", "-f", "out.yaml"], directory: directory.url)
            #expect(clean.status == 0, "\(String(decoding: clean.stdout, as: UTF8.self))")
            // The same output under a file without istioCNI and without the runtime: lint
            // cannot tell orders runs Java, and wants nothing of istio-cni; with istioCNI but
            // without inject's settings, it still finds it clean of errors.
            try directory.write("plain.yaml", "settings:\n  istioCNI: true\n")
            let plain = try ToolRunner.run(["lint", "--config", "plain.yaml", "--fail-on", "error", "-f", "out.yaml"], directory: directory.url)
            #expect(plain.status == 0)
            // uninject of the output, reading the same file, gives the manifests back.
            let restored = try ToolRunner.run(["uninject", "-f", "out.yaml"], directory: directory.url)
            #expect(restored.stdout == (try directory.bytes("shop.yaml")))
        }
    }

    @Test func flagsOverrideTheFile() throws {
        try inExample { directory in
            let run = try ToolRunner.run(["inject", "--runtime", "generic", "--no-tls-out", "--no-istio-cni", "-f", "shop.yaml"], directory: directory.url)
            #expect(run.status == 0, "\(run.stderr)")
            let text = String(decoding: run.stdout, as: UTF8.self)
            #expect(!text.contains("JAVA_TOOL_OPTIONS\n          value: -Xmx1g -D"))
            #expect(!text.contains("tls-out") && !text.contains("istio-cni") && !text.contains("NODE_USE_ENV_PROXY"))
            #expect(text.contains("proxy-port: \"8443\""), "the file's proxyPort still applies")
            #expect(text.contains("proxy-type: \"forward\""), "the file's mode for tier=batch still applies")
            try directory.write("empty.yaml", "# nothing\n")
            let other = try ToolRunner.run(["inject", "--config", "empty.yaml", "-f", "shop.yaml"], directory: directory.url)
            #expect(other.status == 1, "without the file, orders has two ports: \(other.stderr)")
        }
    }

    @Test func theJSONReportNamesTheFilesEntries() throws {
        try inExample { directory in
            let run = try ToolRunner.run(["inject", "--report", "json", "-f", "shop.yaml"], directory: directory.url)
            let report = try #require(try JSONSerialization.jsonObject(with: Data(run.stderr.utf8)) as? [String: Any])
            let objects = try #require(report["objects"] as? [[String: Any]])
            let orders = try #require(objects.first { $0["object"] as? String == "deployment/orders" }?["decision"] as? [String: Any])
            #expect(orders["configuration"] as? [String] == ["shop/deployment/orders"])
            #expect(orders["runtime"] as? String == "java")
            let legacy = try #require(objects.first { $0["object"] as? String == "deployment/legacy-billing" })
            #expect(legacy["status"] as? String == "skipped")
        }
    }

    @Test func aBadFileStopsInjectUninjectAndLintWithItsPosition() throws {
        try TemporaryDirectory.with { directory in
            try directory.write(".speedscale-istio.yaml", "inject:\n  workloads:\n    - match: deployment/orders\n      runtime: jvm\n")
            try directory.write("app.yaml", try ProjectPaths.injectFixture("runtime-java"))
            let message = ".speedscale-istio.yaml:4:16: invalid configuration: runtime is \"jvm\"; use one of auto, generic, java, node, python, go, dotnet, ruby"
            let inject = try ToolRunner.run(["inject", "-f", "app.yaml"], directory: directory.url)
            #expect(inject.status == 2)
            #expect(inject.stdout.isEmpty)
            #expect(inject.stderr.hasSuffix(message + "\n"), "\(inject.stderr)")
            let uninject = try ToolRunner.run(["uninject", "-f", "app.yaml"], directory: directory.url)
            #expect(uninject.status == 2)
            #expect(uninject.stderr.hasSuffix(message + "\n"), "\(uninject.stderr)")
            let lint = try ToolRunner.run(["lint", "-f", "app.yaml"], directory: directory.url)
            #expect(lint.status == 2)
            #expect(lint.stderr.contains("runtime is \"jvm\""))
            let json = try ToolRunner.run(["inject", "--report", "json", "-f", "app.yaml"], directory: directory.url)
            let report = try #require(try JSONSerialization.jsonObject(with: Data(json.stderr.utf8)) as? [String: Any])
            #expect(report["status"] as? String == "configuration-error")
            #expect((report["error"] as? [String: Any])?["line"] as? Int == 4)
        }
    }

    @Test func theREADMEShowsThisExampleAsItRuns() throws {
        let readme = String(decoding: try ProjectPaths.bytes(ProjectPaths.root.appendingPathComponent("README.md")), as: UTF8.self)
        let configuration = String(decoding: try ProjectPaths.bytes(Self.folder.appendingPathComponent("speedscale-istio.yaml")), as: UTF8.self)
        #expect(readme.contains("```yaml\n" + configuration + "```\n"), "the README's example file differs from the fixture's")
        let example = try #require(readme.range(of: "A worked example"))
        let open = try #require(readme.range(of: "```text\n", range: example.upperBound..<readme.endIndex))
        let close = try #require(readme.range(of: "```", range: open.upperBound..<readme.endIndex))
        let shown = readme[open.upperBound..<close.lowerBound].split(separator: "\n").map(String.init)
        #expect(shown.count == 7)
        try TemporaryDirectory.with { directory in
            try directory.write(".speedscale-istio.yaml", try ProjectPaths.bytes(Self.folder.appendingPathComponent("speedscale-istio.yaml")))
            try directory.write("deploy/shop.yaml", try ProjectPaths.bytes(Self.folder.appendingPathComponent("shop.yaml")))
            let run = try ToolRunner.run(["inject", "-f", "deploy/shop.yaml"], directory: directory.url)
            let printed = run.stderr.split(separator: "\n").map(String.init)
            for line in shown {
                #expect(printed.contains(line), "the README shows a line inject does not print: \(line)")
            }
        }
    }
}

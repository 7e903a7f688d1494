import Foundation
import SpliceYAML
import Testing
import TestSupport

/// The Helm post-renderer contract, on Helm-rendered fixtures (Helm itself is not needed):
/// Helm 3 runs the executable on the rendered stream (`# Source:` comments), Helm 4 runs the
/// `postrenderer/v1` plugin in `helm/speedscale-istio` on objects tagged with
/// `postrenderer.helm.sh/postrender-filename`. Documents keep their order, comments and
/// annotations; the report names templates, not lines of the stream.
@Suite struct HelmPostRendererTests {
    private func fixture(_ name: String) throws -> [UInt8] {
        try ProjectPaths.bytes(ProjectPaths.fixtures.appendingPathComponent("helm/\(name)"))
    }

    /// The `# Source:` comments and Helm 4 filename annotations of a stream, in order.
    private func helmMarks(_ bytes: [UInt8]) -> [String] {
        String(decoding: bytes, as: UTF8.self).split(separator: "\n")
            .filter { $0.hasPrefix("# Source: ") || $0.contains("postrenderer.helm.sh/postrender-filename") }.map(String.init)
    }

    @Test(arguments: ["helm3", "helm4"])
    func thePostRenderedStreamMatchesTheGoldenOneAndKeepsWhatHelmNeeds(_ name: String) throws {
        let input = try fixture("\(name)-rendered.yaml")
        let run = try ToolRunner.run(["--skip-failed"], stdin: input)
        #expect(run.status == 0, "\(run.stderr)")
        Golden.expect(run.stdout, matches: ProjectPaths.fixtures.appendingPathComponent("helm/\(name)-expected.yaml"))
        #expect(helmMarks(run.stdout) == helmMarks(input), "every # Source: comment and filename annotation, in order")
        let documents = try YAMLStream(parsing: run.stdout).documents
        #expect(documents.count == (try YAMLStream(parsing: input)).documents.count, "no document added or dropped")
        #expect(documents.allSatisfy { !$0.isEmpty }, "no empty document")
    }

    @Test func aFailureNamesTheTemplateNotALineOfTheStream() throws {
        let run = try ToolRunner.run([], stdin: try fixture("helm3-rendered.yaml"))
        #expect(run.status == 1)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains("deployment/shop-worker (templates/deployment.yaml in subchart worker of shop) failed: "), "\(run.stderr)")
        #expect(run.stderr.contains("deployment/shop-web (templates/deployment.yaml in chart shop) would be injected"))
        #expect(!run.stderr.contains("(-:"), "no line of the combined stream")
        let helm4 = try ToolRunner.run([], stdin: try fixture("helm4-rendered.yaml"))
        #expect(helm4.stderr.contains("statefulset/shop-cache (templates/cache.yaml in chart shop) failed: "), "\(helm4.stderr)")
        let json = try ToolRunner.run(["--report", "json", "-q"], stdin: try fixture("helm3-rendered.yaml"))
        #expect(json.stderr.contains("\"template\": \"shop/charts/worker/templates/deployment.yaml\""), "\(json.stderr)")
    }

    @Test func notesNameTheTemplateToo() throws {
        let stream = """
            ---
            # Source: shop/templates/web.yaml
            \(String(decoding: try ProjectPaths.injectFixture("no-annotations-no-env"), as: UTF8.self))---
            # Source: shop/templates/service.yaml
            apiVersion: v1
            kind: Service
            metadata:
              name: plain
            spec:
              selector:
                app: plain
            ---
            # Source: shop/templates/virtualservice.yaml
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata:
              name: plain
            spec:
              hosts: [shop.example.com]
              gateways: [public]
              http:
              - route:
                - destination:
                    host: plain

            """
        let run = try ToolRunner.run([], stdin: Array(stream.utf8))
        let notes = run.stderr.split(separator: "\n").filter { $0.hasPrefix("note: ") }
        #expect(!notes.isEmpty, "\(run.stderr)")
        #expect(notes.allSatisfy { $0.hasPrefix("note: templates/virtualservice.yaml in chart shop: virtualservice/plain ") }, "\(notes)")
    }

    @Test func injectNeverDropsHelmsFilenameAnnotation() throws {
        // Even where inject writes annotations next to it, and with --overwrite.
        let input = try fixture("helm4-rendered.yaml")
        for flags in [["--skip-failed"], ["--skip-failed", "--overwrite", "--tls-out"], ["--skip-failed", "--mode", "transparent"]] {
            let run = try ToolRunner.run(["inject"] + flags, stdin: input)
            #expect(run.status == 0, "\(flags): \(run.stderr)")
            let objects = try YAMLStream(parsing: run.stdout).documents.map(\.root)
            #expect(objects.count == 3)
            for object in objects {
                #expect(object.lookup(["metadata", "annotations"])?["postrenderer.helm.sh/postrender-filename"] != nil, "\(flags)")
            }
        }
        let uninjected = try ToolRunner.run(["uninject"], stdin: try fixture("helm4-expected.yaml"))
        #expect(uninjected.stdout == input, "uninject gives back Helm's annotation and everything else")
    }

    @Test func theHelm4PluginRunsInjectWithThePostRendererArguments() throws {
        let manifest = ProjectPaths.root.appendingPathComponent("helm/speedscale-istio/plugin.yaml")
        let plugin = try #require(try YAMLStream(parsing: try ProjectPaths.bytes(manifest)).documents.first?.root)
        #expect(plugin.string(at: ["apiVersion"]) == "v1")
        #expect(plugin.string(at: ["type"]) == "postrenderer/v1")
        #expect(plugin.string(at: ["runtime"]) == "subprocess")
        #expect(plugin.string(at: ["name"]) == "speedscale-istio")
        let version = try ToolRunner.run(["version"]).output.split(separator: "\n").first?.split(separator: " ").last.map(String.init)
        #expect(plugin.string(at: ["version"]) == version, "the plugin's version follows the tool's")
        let command = try #require(plugin.lookup(["runtimeConfig", "platformCommand"])?.items.first)
        #expect(command.string(at: ["command"]) == "kubectl-speedscale_istio")
        let arguments = (command["args"].map { Array($0.items) } ?? []).map(\.value)
        #expect(arguments == ["inject"])
        // What Helm 4 does: the command from PATH, its args, then --post-renderer-args.
        try TemporaryDirectory.with { directory in
            try FileManager.default.createSymbolicLink(at: directory.path("kubectl-speedscale_istio"), withDestinationURL: ToolRunner.executable)
            let program = try #require(ToolRunner.which("env"))
            let run = try ToolRunner.runProgram(
                program, ["kubectl-speedscale_istio"] + arguments + ["--protocol", "socks5", "--skip-failed"],
                stdin: try fixture("helm4-rendered.yaml"),
                environment: ["PATH": directory.url.path + ":/usr/bin:/bin", "HELM_PLUGIN_NAME": "speedscale-istio", "HELM_PLUGIN_DIR": manifest.deletingLastPathComponent().path])
            #expect(run.status == 0, "\(run.stderr)")
            #expect(!run.stdout.isEmpty, "Helm 4 fails on empty output")
            #expect(run.output.contains("value: socks5://localhost:4140"))
            #expect(helmMarks(run.stdout) == helmMarks(try fixture("helm4-rendered.yaml")))
        }
    }
}

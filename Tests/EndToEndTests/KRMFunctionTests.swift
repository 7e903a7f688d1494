import Foundation
import SpliceYAML
import Testing
import TestSupport

/// `krm`: a KRM function over a ResourceList, golden under `Fixtures/krm/CASE/`
/// (`input.yaml` → `expected.yaml`), and end to end through the real `kpt fn eval --exec`.
@Suite struct KRMFunctionTests {
    /// One golden case: the arguments and the exit status expected.
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let arguments: [String]
        let status: Int32
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "configmap-v1", arguments: ["krm"], status: 0),
        Case(name: "v1beta1-no-config", arguments: ["krm"], status: 0),
        Case(name: "failure-leaves-items", arguments: ["krm"], status: 1),
        Case(name: "skip-failed", arguments: ["krm"], status: 0),
        Case(name: "existing-results", arguments: ["krm"], status: 0),
        Case(name: "json-resource-list", arguments: ["krm"], status: 0),
        Case(name: "unknown-config-key", arguments: ["krm"], status: 2),
        Case(name: "lint-findings", arguments: ["krm", "--lint"], status: 1),
        Case(name: "custom-kind-config", arguments: ["krm"], status: 0),
        Case(name: "custom-kind-bad-key", arguments: ["krm"], status: 2),
    ]

    private func fixture(_ name: String, _ file: String) throws -> [UInt8] {
        try ProjectPaths.bytes(ProjectPaths.fixtures.appendingPathComponent("krm/\(name)/\(file)"))
    }

    @Test func everyFixtureHasACase() {
        #expect(Set(ProjectPaths.cases(in: "krm")) == Set(Self.cases.map(\.name)))
    }

    @Test(arguments: cases)
    func resourceListMatchesTheGoldenOne(_ golden: Case) throws {
        let run = try ToolRunner.run(golden.arguments, stdin: try fixture(golden.name, "input.yaml"))
        #expect(run.status == golden.status, "\(run.stderr)")
        Golden.expect(run.stdout, matches: ProjectPaths.fixtures.appendingPathComponent("krm/\(golden.name)/expected.yaml"))
        let output = try YAMLStream(parsing: run.stdout)
        #expect(output.documents.count == 1, "one ResourceList")
        let root = try #require(output.documents.first?.root)
        #expect(root.string(at: ["kind"]) == "ResourceList")
        for result in root["results"].map { Array($0.items) } ?? [] {
            #expect(!(result.string(at: ["message"]) ?? "").isEmpty)
            #expect(["error", "warning", "info"].contains(result.string(at: ["severity"]) ?? ""))
        }
    }

    /// The lines of `bytes` that carry an annotation of the orchestrator.
    private func orchestratorLines(_ bytes: [UInt8]) -> [Substring] {
        String(decoding: bytes, as: UTF8.self).split(separator: "\n").filter { $0.contains("config.kubernetes.io/") || $0.contains("config.k8s.io/") }
    }

    @Test(arguments: cases.filter { !["existing-results", "json-resource-list"].contains($0.name) })
    func itemsAreWhatInjectWritesAndResultsComeLast(_ golden: Case) throws {
        let input = try fixture(golden.name, "input.yaml")
        let run = try ToolRunner.run(golden.arguments, stdin: input)
        let items: [UInt8]
        if golden.status == 0 && !golden.arguments.contains("--lint") {
            var arguments = ["inject", "-f", "-", "--skip-failed"]
            if golden.name == "configmap-v1" { arguments += ["--protocol", "socks5", "--tls-out"] }
            items = try TemporaryDirectory.with { directory in
                if golden.name == "custom-kind-config" {
                    // The same sections, as a configuration file.
                    let file = try directory.write("config.yaml", """
                        inject:
                          protocol: socks5
                          workloads:
                          - match: Deployment/reports
                            mode: forward
                          - match: shop/Deployment/legacy
                            exclude: true

                        """)
                    arguments += ["--config", file.path]
                }
                return try ToolRunner.run(arguments, stdin: input).stdout
            }
            #expect(items != input, "inject changes something")
        } else {
            items = input
        }
        #expect(Array(run.stdout.prefix(items.count)) == items, "the items as inject writes them (unchanged when blocked or linting)")
        #expect(run.output.dropFirst(items.count).hasPrefix("results:\n"), "then the results")
        #expect(orchestratorLines(run.stdout) == orchestratorLines(input), "config.kubernetes.io annotations untouched")
    }

    @Test func existingResultsAreKeptAndNewOnesFollow() throws {
        let run = try ToolRunner.run(["krm"], stdin: try fixture("existing-results", "input.yaml"))
        let root = try #require(try YAMLStream(parsing: run.stdout).documents.first?.root)
        let messages = (root["results"].map { Array($0.items) } ?? []).compactMap { $0.string(at: ["message"]) }
        #expect(messages == ["from an earlier function", "injected"])
    }

    @Test func notAResourceListIsBadInput() throws {
        let deployment = try ToolRunner.run(["krm"], stdin: try ProjectPaths.injectFixture("no-annotations-no-env"))
        #expect(deployment.status == 2)
        #expect(deployment.stderr.contains("expected kind ResourceList"))
        #expect(deployment.stdout.isEmpty)
        let broken = try ToolRunner.run(["krm"], stdin: Array("apiVersion: config.kubernetes.io/v1\nkind: ResourceList\nitems: [\n".utf8))
        #expect(broken.status == 2)
        #expect(broken.stderr.hasPrefix("error: -:4:1: "), "\(broken.stderr)")
    }

    @Test func inputAndOutputFlagsDoNotApply() throws {
        let input = try fixture("v1beta1-no-config", "input.yaml")
        for flags in [["--in-place"], ["-f", "x.yaml"], ["--diff"]] {
            let run = try ToolRunner.run(["krm"] + flags, stdin: input)
            #expect(run.status == 2, "\(flags)")
            #expect(run.stderr.contains("does not apply to a KRM function"), "\(run.stderr)")
        }
        var config = String(decoding: input, as: UTF8.self)
        config += "functionConfig:\n  apiVersion: v1\n  kind: ConfigMap\n  metadata: {name: x}\n  data:\n    check: \"true\"\n"
        let fromConfig = try ToolRunner.run(["krm"], stdin: Array(config.utf8))
        #expect(fromConfig.status == 2)
        #expect(fromConfig.output.contains("--check does not apply to a KRM function"))
    }

    @Test func flagsAfterKrmWorkLikeFunctionConfig() throws {
        let input = try fixture("v1beta1-no-config", "input.yaml")
        let run = try ToolRunner.run(["krm", "--protocol", "socks5"], stdin: input)
        #expect(run.status == 0)
        #expect(run.output.contains("value: socks5://localhost:4140"))
        let other = String(decoding: input, as: UTF8.self) + "functionConfig:\n  kind: Deployment\n"
        let wrongKind = try ToolRunner.run(["krm"], stdin: Array(other.utf8))
        #expect(wrongKind.status == 2)
        #expect(wrongKind.stderr.contains("functionConfig of kind Deployment is not supported"))
    }

    // MARK: - kpt

    /// A folder of manifests with comments, in a package kpt can read, and a PATH with the plugin.
    private func kptPackage(_ directory: TemporaryDirectory) throws -> [String: String] {
        try directory.write("package/web.yaml", try ProjectPaths.bytes(ProjectPaths.fixtures.appendingPathComponent("quickstart/deployment.yaml")))
        try directory.write("package/jobs/cronjob.yaml", try ProjectPaths.injectFixture("kind-cronjob"))
        try directory.write("package/service.yaml", "# The Service stays as it is.\napiVersion: v1\nkind: Service\nmetadata:\n  name: web  # same name\nspec:\n  ports:\n  - port: 80\n")
        let bin = directory.path("bin")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: bin.appendingPathComponent("kubectl-speedscale_istio"), withDestinationURL: ToolRunner.executable)
        return ["PATH": bin.path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")]
    }

    /// The comment lines and trailing comments of a YAML file, whitespace aside.
    private func comments(_ bytes: [UInt8]) -> [String] {
        String(decoding: bytes, as: UTF8.self).split(separator: "\n").compactMap { line in
            line.firstRange(of: "# ").map { String(line[$0.lowerBound...]) }
        }
    }

    /// Whether two YAML streams hold the same data (PyYAML reads both).
    private func sameData(_ first: [UInt8], _ second: [UInt8]) throws -> Bool {
        try TemporaryDirectory.with { directory in
            let python = try #require(ToolRunner.which("python3"))
            let script = "import sys, yaml\nload = lambda p: list(yaml.safe_load_all(open(p)))\nsys.exit(0 if load(sys.argv[1]) == load(sys.argv[2]) else 1)\n"
            let run = try ToolRunner.runProgram(
                python, ["-c", script, try directory.write("a.yaml", first).path, try directory.write("b.yaml", second).path])
            return run.status == 0
        }
    }

    @Test(.enabled(if: ToolRunner.which("kpt") != nil && ToolRunner.which("python3") != nil, "needs kpt and python3 with PyYAML"))
    func kptFnEvalInjectsThePackageAndKeepsComments() throws {
        let kpt = try #require(ToolRunner.which("kpt"))
        try TemporaryDirectory.with { directory in
            let environment = try kptPackage(directory)
            let files = ["web.yaml", "jobs/cronjob.yaml", "service.yaml"]
            let originals = try files.map { try directory.bytes("package/\($0)") }
            // kpt normalises the space before comments as it reads and writes files; an
            // identity function shows its own rewrite.
            try FileManager.default.copyItem(at: directory.path("package"), to: directory.path("identity"))
            let identity = try ToolRunner.runProgram(kpt, ["fn", "eval", "identity", "--exec", "cat"], directory: directory.url, environment: environment)
            #expect(identity.status == 0, "\(identity.stderr)")
            let run = try ToolRunner.runProgram(
                kpt, ["fn", "eval", "package", "--exec", "kubectl-speedscale_istio krm", "--", "protocol=socks5"],
                directory: directory.url, environment: environment)
            #expect(run.status == 0, "\(run.output)\(run.stderr)")
            #expect(run.stderr.contains("[info] apps/v1/Deployment/shop/web: injected"), "\(run.stderr)")
            for (file, original) in zip(files, originals) {
                let written = try directory.bytes("package/\(file)")
                let injected = try ToolRunner.run(["inject", "-f", "-", "--protocol", "socks5"], stdin: try directory.bytes("identity/\(file)")).stdout
                #expect(try sameData(written, injected), "\(file) holds what inject writes")
                #expect(comments(written).map { $0.filter { $0 != " " } } == comments(original).map { $0.filter { $0 != " " } }, "\(file) keeps its comments")
            }
            // New keys at the end of a mapping come back byte for byte; kpt moves a key that a
            // function adds before existing ones (a CronJob's jobTemplate.metadata) after them.
            #expect(try directory.bytes("package/web.yaml") == ToolRunner.run(["inject", "-f", "-", "--protocol", "socks5"], stdin: try directory.bytes("identity/web.yaml")).stdout)
            #expect(String(decoding: try directory.bytes("package/web.yaml"), as: UTF8.self).contains("value: socks5://localhost:4140"))
            #expect(try directory.bytes("package/service.yaml") == directory.bytes("identity/service.yaml"))
        }
    }

    @Test(.enabled(if: ToolRunner.which("kpt") != nil, "kpt is not installed"))
    func kptFnEvalWithLintReportsAndChangesNothing() throws {
        let kpt = try #require(ToolRunner.which("kpt"))
        try TemporaryDirectory.with { directory in
            let environment = try kptPackage(directory)
            try directory.write("package/bad.yaml", try ProjectPaths.bytes(ProjectPaths.fixtures.appendingPathComponent("lint/annotations/input.yaml")))
            let files = ["web.yaml", "bad.yaml", "service.yaml", "jobs/cronjob.yaml"]
            let originals = try files.map { try directory.bytes("package/\($0)") }
            let run = try ToolRunner.runProgram(
                kpt, ["fn", "eval", "package", "--exec", "kubectl-speedscale_istio krm --lint", "--truncate-output=false"],
                directory: directory.url, environment: environment)
            #expect(run.status != 0, "an error finding fails the function")
            #expect(run.stderr.contains("[error] apps/v1/Deployment/shop/checkout metadata.annotations[sidecar.speedscale.com/inject]: [SS005]"), "\(run.stderr)")
            for (file, original) in zip(files, originals) {
                #expect(try directory.bytes("package/\(file)") == original, "\(file): a failed function writes nothing")
            }
            try FileManager.default.copyItem(at: directory.path("package"), to: directory.path("identity"))
            _ = try ToolRunner.runProgram(kpt, ["fn", "eval", "identity", "--exec", "cat"], directory: directory.url, environment: environment)
            let clean = try ToolRunner.runProgram(
                kpt, ["fn", "eval", "package", "--exec", "kubectl-speedscale_istio krm --lint", "--", "fail-on=none"],
                directory: directory.url, environment: environment)
            #expect(clean.status == 0, "fail-on: none from the functionConfig: \(clean.stderr)")
            #expect(clean.stderr.contains("[SS005]"))
            for file in files {
                #expect(try directory.bytes("package/\(file)") == directory.bytes("identity/\(file)"), "\(file): lint changes nothing kpt itself does not")
            }
        }
    }
}

/// kustomize runs `krm` as an exec transformer: a functionConfig ConfigMap whose
/// `config.kubernetes.io/function` annotation names a script that runs it.
@Suite struct KustomizeTransformerTests {
    /// A kustomization with the quickstart Deployment and the transformer, as the README shows it.
    private func kustomization(_ directory: TemporaryDirectory) throws -> [String: String] {
        try directory.write("app/deployment.yaml", try ProjectPaths.bytes(ProjectPaths.fixtures.appendingPathComponent("quickstart/deployment.yaml")))
        try directory.write("app/kustomization.yaml", "resources:\n- deployment.yaml\ntransformers:\n- speedscale-istio.yaml\n")
        try directory.write("app/speedscale-istio.yaml", """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: speedscale-istio
              annotations:
                config.kubernetes.io/function: |
                  exec:
                    path: ./speedscale-istio-krm
            data:
              protocol: socks5

            """)
        let script = try directory.write("app/speedscale-istio-krm", "#!/bin/sh\nexec kubectl-speedscale_istio krm \"$@\"\n")
        chmod(script.path, 0o755)
        let bin = directory.path("bin")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: bin.appendingPathComponent("kubectl-speedscale_istio"), withDestinationURL: ToolRunner.executable)
        return ["PATH": bin.path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")]
    }

    @Test(.enabled(if: ToolRunner.which("kustomize") != nil, "kustomize is not installed (kubectl kustomize cannot run exec functions)"))
    func kustomizeBuildInjectsThroughTheExecTransformer() throws {
        let kustomize = try #require(ToolRunner.which("kustomize"))
        try TemporaryDirectory.with { directory in
            let environment = try kustomization(directory)
            let run = try ToolRunner.runProgram(
                kustomize, ["build", "--enable-alpha-plugins", "--enable-exec", "app"], directory: directory.url, environment: environment)
            #expect(run.status == 0, "\(run.stderr)")
            #expect(run.output.contains("sidecar.speedscale.com/proxy-protocol: tcp:socks"), "\(run.output)")
            #expect(run.output.contains("value: socks5://localhost:4140"))
        }
    }

    @Test(.enabled(if: ToolRunner.which("kubectl") != nil, "kubectl is not installed"))
    func kubectlKustomizeSkipsExecTransformersWithoutAWord() throws {
        // Why the README sends kustomize users to the kustomize binary: kubectl's embedded
        // kustomize has no --enable-exec, and with --enable-alpha-plugins it leaves the
        // transformer out and succeeds. If this starts failing, kubectl runs exec functions now.
        let kubectl = try #require(ToolRunner.which("kubectl"))
        try TemporaryDirectory.with { directory in
            var environment = try kustomization(directory)
            environment["KUBECONFIG"] = directory.path("none").path
            let run = try ToolRunner.runProgram(kubectl, ["kustomize", "--enable-alpha-plugins", "app"], directory: directory.url, environment: environment)
            #expect(run.status == 0, "\(run.stderr)")
            #expect(!run.output.contains("sidecar.speedscale.com"), "not injected")
        }
    }
}

import KubeManifests
import SpeedscaleIstio
import SpliceYAML
import Testing

/// The configuration file's `inject` section: what it reads, where its errors are, which
/// override a workload gets (selection precedence, flags over file over defaults), and that
/// inject, uninject and lint all follow it.
@Suite struct InjectConfigurationTests {
    private func parse(_ text: String) throws(ConfigurationError) -> LintConfiguration { try ConfigurationText.parse(text) }

    private func error(_ text: String) -> String { ConfigurationText.error(text) }

    /// A stream of Deployments `name` (namespace `shop` unless nil) with `labels`, each with one
    /// container listening on 8080 and running `image`.
    private func deployments(_ specs: [(name: String, namespace: String?, labels: String, image: String)]) -> String {
        specs.map { spec in
            var text = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: \(spec.name)\n"
            if let namespace = spec.namespace { text += "  namespace: \(namespace)\n" }
            text += "  labels:\n    \(spec.labels)\nspec:\n  template:\n    spec:\n      containers:\n      - name: \(spec.name)\n        image: \(spec.image)\n        ports:\n        - containerPort: 8080\n"
            return text
        }.joined(separator: "---\n")
    }

    private func workloads(_ text: String) throws -> [Workload] {
        ManifestStream(try YAMLStream(parsing: YAMLSource(text))).workloads
    }

    @Test func everySettingIsRead() throws {
        let configuration = try parse("""
            inject:
              mode: forward
              runtime: auto
              protocol: socks5
              proxyPort: 8443
              container: app
              proxyHost: 127.0.0.1
              proxyEnvHost: 127.0.0.1
              outboundPort: 5140
              tlsOut: true
              lowercaseEnv: true
              noProxy: [".svc", "10.0.0.0/8"]
              envVia: annotation
              workloads:
                - match: deployment/orders
                  runtime: java
                  noProxy: "a.example, b.example"
                - match: shop/StatefulSet/db
                  exclude: true
                - selector: "tier in (batch),app!=legacy"
                  mode: transparent
            """)
        var defaults = ProfileRequest()
        defaults.mode = .forward
        defaults.hints = WorkloadHints(container: "app", proxyPort: 8443, runtime: .auto)
        defaults.forwardProtocol = .socks5
        defaults.proxyHost = "127.0.0.1"
        defaults.proxyEnvHost = "127.0.0.1"
        defaults.outboundPort = 5140
        defaults.tlsOut = true
        defaults.lowercaseEnv = true
        defaults.noProxy = [".svc", "10.0.0.0/8"]
        defaults.environmentPlacement = .annotation
        #expect(configuration.inject.defaults.request == defaults)
        #expect(configuration.inject.defaults.exclude == nil)
        let selections = configuration.inject.workloads.map(\.selection)
        #expect(selections == [
            .name(kind: "deployment", name: "orders"),
            .namespacedName(namespace: "shop", kind: "statefulset", name: "db"),
            .labels(try LabelSelector(parsing: "tier in (batch),app!=legacy")),
        ])
        #expect(configuration.inject.workloads[0].settings.request.hints.runtime == .fixed(.java))
        #expect(configuration.inject.workloads[0].settings.request.noProxy == ["a.example", "b.example"])
        #expect(configuration.inject.workloads[1].settings.exclude == true)
        #expect(configuration.inject.workloads[2].settings.request.mode == .transparent)
    }

    @Test func unknownKeysAndBadValuesNameTheirPosition() {
        #expect(error("inject:\n  runtme: java\n") == "c.yaml:2:3: unknown key \"runtme\" in inject; did you mean \"runtime\"?")
        #expect(error("inject:\n  runtime: jvm\n") == "c.yaml:2:12: runtime is \"jvm\"; use one of auto, generic, java, node, python, go, dotnet, ruby")
        #expect(error("inject:\n  mode: duel\n") == "c.yaml:2:9: mode is \"duel\"; use one of dual, forward, transparent, ebpf; did you mean dual?")
        #expect(error("inject:\n  proxyPort: 70000\n") == "c.yaml:2:14: proxyPort must be a port number (1-65535), not \"70000\"")
        #expect(error("inject:\n  tlsOut: yes\n") == "c.yaml:2:11: tlsOut must be true or false, not \"yes\"")
        #expect(error("inject:\n  envVia: env\n") == "c.yaml:2:11: envVia is \"env\"; use one of container, annotation")
        #expect(error("inject:\n  workloads:\n    - runtime: java\n") == "c.yaml:3:7: this entry of inject.workloads selects no workload; give match: kind/name (or namespace/kind/name), or selector: a label selector")
        #expect(error("inject:\n  workloads:\n    - match: orders\n") == "c.yaml:3:14: match \"orders\" must be kind/name or namespace/kind/name (deployment/orders, shop/deployment/orders)")
        #expect(error("inject:\n  workloads:\n    - match: deploymnt/orders\n") == "c.yaml:3:14: match \"deploymnt/orders\": \"deploymnt\" is not a workload kind; did you mean deployment?")
        #expect(error("inject:\n  workloads:\n    - match: Shop_1/deployment/orders\n") == "c.yaml:3:14: match \"Shop_1/deployment/orders\": \"Shop_1\" is not a namespace name")
        #expect(error("inject:\n  workloads:\n    - selector: \"app in batch\"\n") .hasPrefix("c.yaml:3:17: selector \"app in batch\": "))
        #expect(error("inject:\n  workloads:\n    - match: deployment/a\n      selector: app=a\n") == "c.yaml:4:7: an entry of inject.workloads takes one match or one selector")
        #expect(error("inject:\n  workloads:\n    - match: deployment/a\n      workloads: []\n") == "c.yaml:4:7: unknown key \"workloads\" in an entry of inject.workloads (known: match, selector, mode, runtime, protocol, proxyPort, container, proxyHost, proxyEnvHost, outboundPort, tlsOut, lowercaseEnv, noProxy, envVia, exclude)")
        #expect(error("inject:\n  noProxy: [\"a b\"]\n") == "c.yaml:2:12: noProxy entry \"a b\" is not a host; give a list of hosts, or one comma-separated string")
        #expect(error("inject: [a]\n") == "c.yaml:1:9: inject must be a mapping of settings and workloads")
    }

    @Test func theMoreSpecificSelectionWinsAndFileOrderBreaksTies() throws {
        let configuration = try parse("""
            inject:
              runtime: node
              tlsOut: true
              workloads:
                - match: shop/deployment/orders
                  runtime: go
                - match: deployment/orders
                  runtime: python
                  protocol: socks5
                - selector: team=payments
                  runtime: ruby
                  container: main
                - selector: app=orders
                  runtime: dotnet
            """)
        let stream = try workloads(deployments([
            ("orders", "shop", "app: orders\n    team: payments", "example/orders:1"),
            ("orders", "staging", "app: orders", "example/orders:1"),
            ("refunds", "shop", "team: payments", "example/refunds:1"),
            ("other", nil, "app: other", "example/other:1"),
        ]))
        let settings = stream.map { configuration.inject.settings(for: $0) }
        #expect(settings.map(\.request.hints.runtime) == [.fixed(.go), .fixed(.python), .fixed(.ruby), .fixed(.node)])
        #expect(settings[0].matched == ["team=payments", "app=orders", "deployment/orders", "shop/deployment/orders"])
        // Choices not made by the winner come from the less specific entries.
        #expect(settings[0].request.forwardProtocol == .socks5)
        #expect(settings[0].request.hints.container == "main")
        #expect(settings.allSatisfy { $0.request.tlsOut == true })
        #expect(settings[3].matched == [])
    }

    @Test func flagsOverrideTheFileAndTheFileOverridesTheDefaults() throws {
        let configuration = try parse("""
            settings:
              istioCNI: true
            inject:
              protocol: socks5
              workloads:
                - match: deployment/orders
                  runtime: java
                  tlsOut: true
            """)
        let workload = try #require(try workloads(deployments([("orders", "shop", "app: orders", "example/orders:1")])).first)
        var options = InjectOptions()
        options.configuration = configuration.inject
        options.clusterSettings = configuration.settings
        #expect(options.settings(for: workload).request.istioCNI == true)
        options.request.hints.runtime = .fixed(.generic)
        options.request.tlsOut = false
        let settings = options.settings(for: workload)
        #expect(settings.request.hints.runtime == .fixed(.generic))
        #expect(settings.request.tlsOut == false)
        #expect(settings.request.forwardProtocol == .socks5)
        #expect(settings.matched == ["deployment/orders"])
    }

    @Test func injectUninjectAndLintFollowTheSameFile() throws {
        let configuration = try parse("""
            settings:
              istioCNI: true
            inject:
              workloads:
                - match: deployment/orders
                  runtime: java
                - match: deployment/legacy
                  exclude: true
            """)
        let text = deployments([
            ("orders", "shop", "app: orders", "registry.example.com/orders:1"),
            ("legacy", "shop", "app: legacy", "registry.example.com/legacy:1"),
        ])
        var options = InjectOptions()
        options.configuration = configuration.inject
        options.clusterSettings = configuration.settings
        let result = try Injector(options: options).inject(YAMLSource(text), file: "app.yaml")
        let output = String(decoding: result.output, as: UTF8.self)
        #expect(result.outcomes.map(\.status) == [.injected, .skipped("excluded by the configuration file (deployment/legacy)")])
        #expect(output.contains("sidecar.speedscale.com/istio-cni: \"true\""))
        #expect(output.contains("- name: JAVA_TOOL_OPTIONS\n"))
        #expect(!output.contains("HTTP_PROXY"))
        #expect(result.outcomes[0].decision?.configuration == ["deployment/orders"])
        // Lint knows from the same file that orders runs Java (its image does not tell) and
        // that istio-cni is expected: nothing at warning or above.
        let report = Linter(configuration: configuration).lint([ManifestInput(file: "app.yaml", source: YAMLSource(output))])
        #expect(report.findings.filter { $0.severity >= .warning }.map(\.ruleID) == [])
        // Without the file, IST002 asks for istio-cni on what inject wrote without it.
        var noCNI = options
        noCNI.clusterSettings = RuleSettings()
        let plain = String(decoding: try Injector(options: noCNI).inject(YAMLSource(text), file: "app.yaml").output, as: UTF8.self)
        let strict = Linter(configuration: configuration).lint([ManifestInput(file: "app.yaml", source: YAMLSource(plain))])
        #expect(strict.findings.map(\.ruleID).contains("IST002"))
        // uninject leaves the excluded workload alone and takes back the rest.
        let restored = try Uninjector(options: options).uninject([ManifestInput(file: "app.yaml", source: YAMLSource(output))])[0]
        #expect(String(decoding: restored.output, as: UTF8.self) == text)
    }
}

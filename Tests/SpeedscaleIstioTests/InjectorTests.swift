import KubeManifests
import SpeedscaleIstio
import SpliceYAML
import Testing

/// The injector's choices (DECISIONS.md D1-D6, D9) on small manifests.
@Suite struct InjectorTests {
    private func inject(_ text: String, _ configure: (inout InjectOptions) -> Void = { _ in }) throws -> InjectionResult {
        var options = InjectOptions()
        configure(&options)
        return try Injector(options: options).inject(YAMLSource(text), file: "test.yaml")
    }

    private func output(_ result: InjectionResult) -> String { String(decoding: result.output, as: UTF8.self) }

    private func deployment(containers: String, annotations: String = "") -> String {
        "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\n\(annotations)spec:\n  template:\n    spec:\n      containers:\n\(containers)"
    }

    @Test func theSingleContainersSinglePortIsTheAppPort() throws {
        let result = try inject(deployment(containers: "      - name: a\n        ports:\n        - containerPort: 8081\n"))
        #expect(result.outcomes.map(\.status) == [.injected])
        #expect(output(result).contains("sidecar.speedscale.com/proxy-port: \"8081\"\n"))
    }

    @Test func severalPortsWithoutAFlagFailAndNameThePorts() throws {
        let result = try inject(deployment(containers: "      - name: a\n        ports:\n        - containerPort: 8081\n        - containerPort: 9090\n"))
        guard case .failed(let reasons) = result.outcomes.first?.status else {
            Issue.record("expected a failure, got \(String(describing: result.outcomes.first?.status))")
            return
        }
        #expect(reasons == [.severalPorts(container: "a", ports: [8081, 9090])])
        #expect(result.output == result.original)
    }

    @Test func eBPFOverASidecarNoProfileDescribesTakesItsInjectAway() throws {
        // Found by FuzzInject: --mode ebpf kept `inject: "true"` beside the new capture annotation
        // (both the sidecar and eBPF, which the operator rejects), and a second run removed it.
        let input = deployment(
            containers: "      - name: a\n        ports:\n        - containerPort: 8081\n",
            annotations: "  annotations:\n    sidecar.speedscale.com/inject: \"true\"\n    sidecar.speedscale.com/proxy-type: \"reverse\"\n")
        let result = try inject(input) { $0.request.mode = .ebpf }
        #expect(!output(result).contains("sidecar.speedscale.com/inject"))
        #expect(output(result).contains("capture.speedscale.com/enabled: \"true\""))
        let again = try inject(output(result)) { $0.request.mode = .ebpf }
        #expect(again.output == result.output)
    }

    @Test func aContainerPortOutOfRangeIsNoAppPort() throws {
        // Found by FuzzInject: containerPort 87040 became proxy-port "87040", which uninject
        // does not read as a port, so uninject of inject left it behind.
        let result = try inject(deployment(containers: "      - name: a\n        ports:\n        - containerPort: 87040\n"))
        #expect(result.outcomes.first?.decision?.profile == .forward)
        #expect(!output(result).contains("proxy-port"))
        let restored = try Uninjector(options: InjectOptions()).uninject([ManifestInput(file: "t.yaml", source: YAMLSource(result.output))])[0]
        #expect(restored.output == result.original)
    }

    @Test func noPortGivesTheForwardProfileNeverADefaultOf80() throws {
        let result = try inject(deployment(containers: "      - name: a\n        image: x\n"))
        #expect(!result.hasFailures)
        #expect(result.outcomes.first?.decision?.profile == .forward)
        #expect(result.outcomes.first?.decision?.profileReason == "forward only: no inbound port")
        #expect(output(result).contains("sidecar.speedscale.com/proxy-type: \"forward\"\n"))
        #expect(output(result).contains("sidecar.speedscale.com/proxy-protocol: \"http\"\n"))
        #expect(!output(result).contains("proxy-port"))
        #expect(!output(result).contains("proxy-host"))
    }

    @Test func theProxyPortFlagPicksTheContainerListeningOnIt() throws {
        let containers = "      - name: a\n        ports:\n        - containerPort: 1\n      - name: b\n        ports:\n        - containerPort: 2\n"
        let result = try inject(deployment(containers: containers)) { $0.request.hints.proxyPort = 2 }
        #expect(result.outcomes.map(\.status) == [.injected])
        let text = output(result)
        let envAt = try #require(text.range(of: "HTTP_PROXY"))
        let bAt = try #require(text.range(of: "- name: b"))
        #expect(envAt.lowerBound > bAt.lowerBound, "the variables go on container b")
    }

    @Test func ambiguousContainersAreReportedWithCandidates() throws {
        let containers = "      - name: a\n        ports:\n        - containerPort: 1\n      - name: b\n        ports:\n        - containerPort: 2\n"
        let result = try inject(deployment(containers: containers))
        #expect(result.outcomes.first?.status == .failed([.ambiguousContainer(candidates: ["a", "b"])]))
    }

    @Test func knownSidecarsAreNeverTheApp() throws {
        let containers = "      - name: istio-proxy\n        ports:\n        - containerPort: 15090\n      - name: app\n        ports:\n        - containerPort: 80\n"
        let result = try inject(deployment(containers: containers))
        #expect(output(result).contains("proxy-port: \"80\""))
    }

    @Test func aConflictingVariableFailsUnlessOverwriteIsGiven() throws {
        let containers = "      - name: a\n        ports:\n        - containerPort: 80\n        env:\n        - name: HTTP_PROXY\n          value: http://corp-proxy:3128\n"
        let failed = try inject(deployment(containers: containers))
        #expect(failed.hasFailures)
        let replaced = try inject(deployment(containers: containers)) { $0.overwrite = true }
        #expect(!replaced.hasFailures)
        #expect(output(replaced).contains("          value: http://localhost:4140\n        - name: HTTPS_PROXY\n"))
        #expect(!output(replaced).contains("corp-proxy"))
    }

    @Test func aVariableFromValueFromIsAConflict() throws {
        let containers = "      - name: a\n        ports:\n        - containerPort: 80\n        env:\n        - name: HTTPS_PROXY\n          valueFrom:\n            configMapKeyRef: {name: p, key: k}\n"
        let result = try inject(deployment(containers: containers))
        #expect(result.hasFailures)
    }

    @Test func anUnquotedAnnotationValueIsQuoted() throws {
        let annotations = "  annotations:\n    sidecar.speedscale.com/inject: true\n"
        let result = try inject(deployment(containers: "      - name: a\n        ports:\n        - containerPort: 80\n", annotations: annotations))
        #expect(output(result).contains("sidecar.speedscale.com/inject: \"true\"\n"))
        #expect(!result.hasFailures)
    }

    @Test func aDifferentAnnotationValueIsAConflict() throws {
        let annotations = "  annotations:\n    sidecar.speedscale.com/proxy-type: \"transparent\"\n"
        let result = try inject(deployment(containers: "      - name: a\n        ports:\n        - containerPort: 80\n", annotations: annotations))
        #expect(result.hasFailures)
        let overwritten = try inject(deployment(containers: "      - name: a\n        ports:\n        - containerPort: 80\n", annotations: annotations)) {
            $0.overwrite = true
        }
        #expect(output(overwritten).contains("sidecar.speedscale.com/proxy-type: \"dual\"\n"))
    }

    @Test func optingOutSkipsTheWorkload() throws {
        let annotations = "  annotations:\n    sidecar.speedscale.com/inject: \"false\"\n"
        let result = try inject(deployment(containers: "      - name: a\n", annotations: annotations))
        #expect(result.outcomes.first?.status == .skipped("opted out with sidecar.speedscale.com/inject: \"false\""))
        #expect(!result.changed)
    }

    @Test func anAnchoredMetadataIsNotEdited() throws {
        let text = "apiVersion: apps/v1\nkind: Deployment\nmetadata: &m\n  name: d\nspec:\n  template:\n    spec:\n      containers:\n      - name: a\n        ports:\n        - containerPort: 80\n"
        let result = try inject(text)
        guard case .failed(let reasons) = result.outcomes.first?.status else {
            Issue.record("expected a failure")
            return
        }
        #expect(reasons.map(\.description).joined().contains("anchor &m"))
        #expect(!result.changed)
    }

    @Test func transparentModeAddsOnlyInject() throws {
        let result = try inject(deployment(containers: "      - name: a\n        image: x\n")) { $0.request.mode = .transparent }
        let added = output(result).split(separator: "\n").count - deployment(containers: "      - name: a\n        image: x\n").split(separator: "\n").count
        #expect(added == 2)
        #expect(output(result).contains("  annotations:\n    sidecar.speedscale.com/inject: \"true\"\n"))
    }

    @Test func cronJobAnnotationsGoOnTheJobTemplate() throws {
        let text = "apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: c\nspec:\n  schedule: \"* * * * *\"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          containers:\n          - name: c\n            ports:\n            - containerPort: 80\n"
        let result = try inject(text)
        let root = try #require(YAMLStream(parsing: result.output).documents.first?.root)
        #expect(root.string(at: ["spec", "jobTemplate", "metadata", "annotations", "sidecar.speedscale.com/inject"]) == "true")
        #expect(root.lookup(["metadata", "annotations"]) == nil)
    }

    @Test func outboundPortAndLowercaseVariablesFollowTheOptions() throws {
        let result = try inject(deployment(containers: "      - name: a\n        ports:\n        - containerPort: 80\n")) {
            $0.request.outboundPort = 5000
            $0.request.lowercaseEnv = true
            $0.request.proxyEnvHost = "127.0.0.1"
        }
        let text = output(result)
        #expect(text.contains("sidecar.speedscale.com/proxy-out-port: \"5000\""))
        #expect(text.contains("- name: https_proxy\n          value: http://127.0.0.1:5000"))
    }

    @Test func aSelectorSkipsTheWorkloadsItDoesNotMatch() throws {
        let containers = "      - name: a\n        ports:\n        - containerPort: 80\n"
        let unlabelled = deployment(containers: containers)
        let labelled = deployment(containers: containers, annotations: "  labels:\n    app: web\n")
        let result = try inject(labelled + "---\n" + unlabelled) { $0.selector = try? LabelSelector(parsing: "app in (web, api)") }
        #expect(result.outcomes.map(\.status) == [.injected, .skipped("not selected by the label selector app in (web,api)")])
        let text = output(result)
        let separator = try #require(text.range(of: "---\n"))
        #expect(text[..<separator.lowerBound].contains("sidecar.speedscale.com/inject"))
        #expect(String(text[separator.upperBound...]) == unlabelled)
    }
}

/// NO_PROXY: Speedscale's `localhost,127.0.0.1` by default, `--no-proxy` adds to it, merged
/// with an existing value; uninject takes out exactly those entries (D4).
@Suite struct NoProxyTests {
    private let manifest = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\nspec:\n  template:\n    spec:\n      containers:\n      - name: a\n        ports:\n        - containerPort: 80\n"

    private func inject(_ text: String, noProxy: [String]? = nil) throws -> InjectionResult {
        var options = InjectOptions()
        options.request.noProxy = noProxy
        return try Injector(options: options).inject(YAMLSource(text), file: "t")
    }

    @Test func speedscalesValueIsWrittenByDefault() throws {
        let result = try inject(manifest)
        #expect(String(decoding: result.output, as: UTF8.self).hasSuffix("        - name: NO_PROXY\n          value: localhost,127.0.0.1\n"))
    }

    @Test func extraHostsAreMergedWithAnExistingValueAndRemovedAgain() throws {
        let text = manifest + "        env:\n        - name: NO_PROXY\n          value: \"internal.example, 127.0.0.1\"\n"
        let result = try inject(text, noProxy: ["127.0.0.1", ".svc"])
        #expect(!result.hasFailures)
        #expect(String(decoding: result.output, as: UTF8.self).contains("          value: \"internal.example, 127.0.0.1,localhost,.svc\"\n"))
        let again = try inject(String(decoding: result.output, as: UTF8.self), noProxy: [".svc"])
        #expect(again.output == result.output)
        var options = InjectOptions()
        options.request.noProxy = [".svc"]
        let removed = try Uninjector(options: options).uninject([ManifestInput(file: "t", source: YAMLSource(result.output))])[0]
        #expect(String(decoding: removed.output, as: UTF8.self).contains("          value: \"internal.example\"\n"))
    }
}

/// The tree comparison the corpus property relies on must catch real changes.
@Suite struct TreeAdditionsTests {
    private func problems(_ before: String, _ after: String) throws -> [String] {
        let input = try #require(YAMLStream(parsing: before).documents.first?.root)
        let output = try #require(YAMLStream(parsing: after).documents.first?.root)
        return TreeAdditions.problems(input, output)
    }

    @Test func catchesChangedValuesRemovedKeysAndForeignAdditions() throws {
        #expect(try problems("a: 1\n", "a: 2\n").count == 1)
        #expect(try problems("a: 1\nb: 2\n", "a: 1\n").count == 1)
        #expect(try problems("env:\n- {name: A, value: b}\n", "env:\n- {name: A, value: b}\n- {name: OTHER, value: c}\n").count == 1)
        #expect(try problems("m: {}\n", "m: {x: \"1\"}\n").isEmpty == false)
    }

    @Test func acceptsInjectsAdditions() throws {
        #expect(try problems("metadata: {name: x}\n", "metadata: {name: x, annotations: {sidecar.speedscale.com/inject: \"true\"}}\n").isEmpty)
        #expect(try problems("env: ~\n", "env:\n- name: HTTP_PROXY\n  value: http://localhost:4140\n").isEmpty)
        #expect(try problems("hosts: [\"./*\"]\n", "hosts: [\"./*\", \"speedscale/*\"]\n").isEmpty)
    }
}

import KubeManifests
import SpeedscaleIstio
import SpliceYAML
import Testing

/// The injector's choices (DECISIONS.md D3-D6, D9) on small manifests.
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
        #expect(reasons.joined().contains("8081, 9090"))
        #expect(result.output == result.original)
    }

    @Test func noPortIsAFailureNeverADefaultOf80() throws {
        let result = try inject(deployment(containers: "      - name: a\n        image: x\n"))
        #expect(result.hasFailures)
        #expect(!output(result).contains("proxy-port"))
    }

    @Test func theProxyPortFlagPicksTheContainerListeningOnIt() throws {
        let containers = "      - name: a\n        ports:\n        - containerPort: 1\n      - name: b\n        ports:\n        - containerPort: 2\n"
        let result = try inject(deployment(containers: containers)) { $0.proxyPort = 2 }
        #expect(result.outcomes.map(\.status) == [.injected])
        let text = output(result)
        let envAt = try #require(text.range(of: "HTTP_PROXY"))
        let bAt = try #require(text.range(of: "- name: b"))
        #expect(envAt.lowerBound > bAt.lowerBound, "the variables go on container b")
    }

    @Test func ambiguousContainersAreReportedWithCandidates() throws {
        let containers = "      - name: a\n        ports:\n        - containerPort: 1\n      - name: b\n        ports:\n        - containerPort: 2\n"
        let result = try inject(deployment(containers: containers))
        #expect(result.outcomes.first?.status == .failed(["cannot tell which container is the app; candidates: a, b (use --container)"]))
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
        #expect(reasons.joined().contains("anchor &m"))
        #expect(!result.changed)
    }

    @Test func transparentModeAddsOnlyInject() throws {
        let result = try inject(deployment(containers: "      - name: a\n        image: x\n")) { $0.mode = .transparent }
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
            $0.outboundPort = 5000
            $0.lowercaseEnv = true
            $0.proxyEnvHost = "127.0.0.1"
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
        #expect(result.outcomes.map(\.status) == [.injected, .skipped("not selected by -l app in (web,api)")])
        let text = output(result)
        let separator = try #require(text.range(of: "---\n"))
        #expect(text[..<separator.lowerBound].contains("sidecar.speedscale.com/inject"))
        #expect(String(text[separator.upperBound...]) == unlabelled)
    }
}

import Foundation
import KubeManifests
@testable import SpeedscaleIstio
import SpliceYAML
import Testing
import TestSupport

/// A run read a window at a time gives exactly what the same run held whole gives, also
/// when what decides a workload's edits (the Service that tells its port) sits in another
/// window; runs that need every workload at once, or that do not parse, are held whole.
@Suite struct WindowedRunTests {
    /// Every run in windows of about 4 KiB, so that short streams are cut into many.
    static let small = Windowing(threshold: 0, windowSize: 4 << 10)
    /// The kinds inject reads in the first pass.
    static let kinds = KindMention(["Namespace", "Service", "Sidecar", "VirtualService"])

    /// `count` Deployments that declare no port, then the Services that select them and
    /// target port 8080 (the only place their app port shows), then ConfigMaps: a Deployment's
    /// Service is always in a later window than the Deployment itself.
    static func stream(_ count: Int) -> ManifestInput {
        var text = ""
        for index in 0..<count {
            text += """
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: app-\(index)
                  namespace: team-\(index % 7)
                spec:
                  template:
                    metadata:
                      labels:
                        app: app-\(index)
                    spec:
                      containers:
                      - name: app
                        image: registry.example.com/app-\(index):1.0.0 # a comment

                """
        }
        for index in 0..<count {
            text += "---\napiVersion: v1\nkind: Service\nmetadata:\n  name: app-\(index)\n  namespace: team-\(index % 7)\n"
            text += "spec:\n  selector: {app: app-\(index)}\n  ports:\n  - port: 80\n    targetPort: 8080\n"
        }
        text += "---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  a: \"1\"\n"
        return ManifestInput(file: "stream.yaml", source: YAMLSource(text))
    }

    @Test func aStreamInWindowsGivesWhatItGivesWhole() throws {
        let input = Self.stream(200)
        let run = WindowedRun([input], windowing: Self.small, workers: .one, reading: Self.kinds) { _ in false }
        #expect(run != nil)
        #expect(run?.index.services(selecting: ["app": "app-0"], in: "team-0").map(\.name) == ["app-0"])
        let injector = Injector(options: InjectOptions())
        let whole = try injector.inject([input], workers: .one, windowing: .never)
        // The port came from a Service in a later window.
        #expect(whole[0].outcomes.filter { $0.decision?.port?.number == 8080 }.count == 200)
        for workers in [Workers.one, Workers(3)] {
            let windowed = try injector.inject([input], workers: workers, windowing: Self.small)
            #expect(ParallelRunTests.shown(windowed) == ParallelRunTests.shown(whole))
        }

        let injected = ManifestInput(file: input.file, source: YAMLSource(whole[0].output))
        let uninjector = Uninjector(options: InjectOptions())
        let back = try uninjector.uninject([injected], workers: .one, windowing: .never)
        #expect(back[0].output == input.source.bytes)
        for workers in [Workers.one, Workers(3)] {
            let windowed = try uninjector.uninject([injected], workers: workers, windowing: Self.small)
            #expect(ParallelRunTests.shown(windowed) == ParallelRunTests.shown(back))
        }
    }

    @Test func severalInputsInWindowsShareOneIndex() throws {
        let deployments = Self.stream(40)
        // The Services of the first input's Deployments, in a second input of their own.
        let text = String(decoding: deployments.source.bytes, as: UTF8.self)
        let cut = try #require(text.range(of: "---\napiVersion: v1\nkind: Service"))
        let inputs = [
            ManifestInput(file: "deployments.yaml", source: YAMLSource(String(text[..<cut.lowerBound]))),
            ManifestInput(file: "services.yaml", source: YAMLSource(String(text[cut.lowerBound...]))),
        ]
        let injector = Injector(options: InjectOptions())
        let whole = try injector.inject(inputs, workers: .one, windowing: .never)
        #expect(whole[0].outcomes.allSatisfy { $0.decision?.port?.number == 8080 })
        let windowed = try injector.inject(inputs, workers: Workers(2), windowing: Self.small)
        #expect(ParallelRunTests.shown(windowed) == ParallelRunTests.shown(whole))
    }

    @Test func runsThatNeedEveryWorkloadAtOnceOrDoNotParseAreHeldWhole() throws {
        let input = Self.stream(20)
        #expect(WindowedRun([input], windowing: .standard, workers: .one, reading: Self.kinds) { _ in false } == nil)
        #expect(WindowedRun([input], windowing: Self.small, workers: .one, reading: Self.kinds) { !$0.services.isEmpty } == nil)

        let sidecar = "---\napiVersion: networking.istio.io/v1\nkind: Sidecar\nmetadata:\n  name: default\n  namespace: team-0\nspec:\n  egress:\n  - hosts:\n    - ./*\n"
        let withSidecar = ManifestInput(file: "mesh.yaml", source: YAMLSource(input.source.bytes + Array(sidecar.utf8)))
        let injector = Injector(options: InjectOptions())
        let whole = try injector.inject([withSidecar], workers: .one, windowing: .never)
        // The Sidecar of team-0 is opened, which needs every workload of the run.
        #expect(whole[0].outcomes.last?.name == "sidecar/default")
        #expect(whole[0].outcomes.last?.status == .injected)
        #expect(ParallelRunTests.shown(try injector.inject([withSidecar], workers: .one, windowing: Self.small)) == ParallelRunTests.shown(whole))

        // A window that does not parse (the first, among Deployments): found in the first pass
        // when it may hold a Service, else in the second; either way the run is parsed whole and the error told as usual.
        for tail in ["---\nkind: Service\nspec: [unclosed\n", "---\nkind: Job\nspec: [unclosed\n"] {
            let broken = ManifestInput(file: "broken.yaml", source: YAMLSource(Array(tail.utf8) + input.source.bytes))
            #expect((WindowedRun([broken], windowing: Self.small, workers: .one, reading: Self.kinds) { _ in false } == nil) == tail.contains("Service"))
            let results = try injector.inject([broken, input], workers: Workers(2), windowing: Self.small)
            #expect(results[0].parseError != nil)
            #expect(ParallelRunTests.shown(results) == ParallelRunTests.shown(try injector.inject([broken, input], workers: .one, windowing: .never)))
        }
    }

    @Test(.enabled(if: ProjectPaths.corpusIsPresent, "../shared/corpus is absent"))
    func theCorpusGivesTheSameResultsInWindows() throws {
        let inputs = ParallelRunTests.corpusInputs
        let stream = ParallelRunTests.corpusStream
        let injector = Injector(options: InjectOptions())
        let uninjector = Uninjector(options: InjectOptions())
        for run in [inputs, [stream]] {
            let whole = try injector.inject(run, workers: .one, windowing: .never)
            let windowed = try injector.inject(run, workers: Workers(2), windowing: Self.small)
            #expect(ParallelRunTests.shown(windowed) == ParallelRunTests.shown(whole))
            let injected = whole.filter { $0.parseError == nil }.map { ManifestInput(file: $0.file, source: YAMLSource($0.output)) }
            #expect(ParallelRunTests.shown(try uninjector.uninject(injected, workers: Workers(2), windowing: Self.small))
                == ParallelRunTests.shown(try uninjector.uninject(injected, workers: .one, windowing: .never)))
        }
        // The corpus files without Sidecars or VirtualServices, as one stream, are read in windows.
        let plain = inputs.filter { input in
            guard let stream = try? YAMLStream(parsing: input.source) else { return false }
            let manifests = ManifestStream(stream)
            return manifests.sidecars.isEmpty && manifests.virtualServices.isEmpty
        }
        var bytes: [UInt8] = []
        for input in plain {
            if !bytes.isEmpty { bytes += Array("\n---\n".utf8) }
            bytes += input.source.bytes
        }
        let joined = ManifestInput(file: "plain.yaml", source: YAMLSource(bytes))
        #expect(WindowedRun([joined], windowing: Self.small, workers: .one, reading: Self.kinds) { !$0.sidecars.isEmpty || !$0.virtualServices.isEmpty } != nil)
        let whole = try injector.inject([joined], workers: .one, windowing: .never)
        #expect(whole[0].changed)
        #expect(ParallelRunTests.shown(try injector.inject([joined], workers: Workers(2), windowing: Self.small)) == ParallelRunTests.shown(whole))

        let linter = Linter()
        for run in [inputs, [stream], [joined]] {
            let report = linter.lint(run, workers: .one, windowing: .never)
            #expect(!report.findings.isEmpty)
            #expect(Self.shown(linter.lint(run, workers: Workers(2), windowing: Self.small)) == Self.shown(report))
        }
    }

    /// What a reader of a lint report sees.
    static func shown(_ report: LintReport) -> [String] {
        report.findings.map { "\($0.file):\($0.start)-\($0.end) \($0.ruleID) \($0.severity) \($0.message) \($0.resource)" }
            + report.failures.map(\.description) + ["suppressed \(report.suppressedCount)", "ignored \(report.ignoredFiles)"]
    }

    @Test func lintInWindowsReportsWhatItReportsWhole() throws {
        // Findings of workload rules about Deployments that ask for the sidecar with a boolean, in
        // every window; one of them suppressed; a Namespace with both injection labels.
        let asked = "kind: Deployment\nmetadata:\n  annotations:\n    sidecar.speedscale.com/inject: yes\n"
        var text = String(decoding: Self.stream(120).source.bytes, as: UTF8.self).replacingOccurrences(of: "kind: Deployment\nmetadata:\n", with: asked)
        text += "---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: team-1\n  labels:\n    istio-injection: enabled\n    istio.io/rev: canary\n"
        let linter = Linter()
        let first = try #require(linter.lint([ManifestInput(file: "stream.yaml", source: YAMLSource(text))], windowing: .never).findings.first)
        let firstAsked = try #require(text.range(of: asked))
        text.replaceSubrange(firstAsked, with: asked + "    speedscale-istio.io/ignore-\(first.ruleID): \"on purpose\"\n")
        let input = ManifestInput(file: "stream.yaml", source: YAMLSource(text))
        let whole = linter.lint([input], workers: .one, windowing: .never)
        #expect(whole.suppressedCount > 0)
        #expect(whole.findings.count > 120)
        #expect(whole.findings.contains { $0.ruleID == "IST008" })
        #expect(WindowedRun([input], windowing: Self.small, workers: .one, reading: Self.kinds) { _ in false } != nil)
        for workers in [Workers.one, Workers(3)] {
            #expect(Self.shown(linter.lint([input], workers: workers, windowing: Self.small)) == Self.shown(whole))
        }
    }

    @Test func lintGoesBackToTheWholeRunWhenAFindingLiesInAnotherWindow() throws {
        // IST019: Services, far from their Deployments, that target the Speedscale sidecar's
        // inbound port of pods that do not run it. Found only by looking at both.
        let text = String(decoding: Self.stream(60).source.bytes, as: UTF8.self).replacingOccurrences(of: "targetPort: 8080", with: "targetPort: 4143")
        let input = ManifestInput(file: "stream.yaml", source: YAMLSource(text))
        let linter = Linter()
        let whole = linter.lint([input], workers: .one, windowing: .never)
        #expect(whole.findings.filter { $0.ruleID == "IST019" }.count == 60)
        #expect(Self.shown(linter.lint([input], workers: Workers(2), windowing: Self.small)) == Self.shown(whole))
    }

    @Test func kindsAreFoundWhereverTheyAreSpelledOut() {
        let mention = KindMention(["Service", "Namespace"])
        func may(_ text: String) -> Bool { mention.mayHold(Array(text.utf8)[...]) }
        #expect(may("kind: Service\n"))
        #expect(may("{\"kind\":\"Namespace\"}"))
        #expect(may("kind: 'Service'"))
        #expect(may("a: &k Service\nkind: *k\n"))
        #expect(may("kind: VirtualService"))
        // Escapes can spell a kind without its letters; so can text that is not UTF-8.
        #expect(may("kind: \"Serv\\x69ce\""))
        #expect(may("k\u{0}ind: x"))
        #expect(!may("kind: Deployment\nspec:\n  serviceAccountName: service\n"))
        #expect(!may("kind: Servic"))
        // Bytes of every range are passed over or looked at as they should be.
        #expect(!may("kind: Sérvice\u{FF}\u{7F}~ÿ"))
        #expect(may("ü\u{7F}Namespace"))
        #expect(!may(""))
        #expect(!KindMention([]).mayHold(Array("kind: Service".utf8)[...]))
    }
}

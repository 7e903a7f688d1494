import Foundation
import SpeedscaleIstio
import SpliceYAML
import Testing
import TestSupport

/// Lint over the Istio manifests of ../shared/corpus (Istio's samples and test data, and the
/// Istio manifests of other projects), each file linted alone as a user would: no finding at
/// warning or above but the true ones listed here with the reason; and inject's output of
/// every corpus file that lints clean at warning level lints clean too.
@Suite(.enabled(if: ProjectPaths.corpusIsPresent, "../shared/corpus is absent"))
struct IstioCorpusTests {
    /// The corpus files that hold Istio's own manifests: the istio/istio repository's, and
    /// other projects' files with Istio in their name.
    static let istioFiles: [String] = ProjectPaths.corpusFiles.map(ProjectPaths.corpusName).filter { name in
        name.hasPrefix("istio__istio/") || name.lowercased().contains("istio")
    }

    /// The findings at warning or above that are true, by file, as `RULE kind/namespace/name`, with why.
    static let trueFindings: [String: [(finding: String, reason: String)]] = [
        "istio__istio/pkg__config__analysis__analyzers__testdata__misannotated.yaml": [
            ("IST009 Deployment//fortio-deploy", "Istio's analyzer test data: sidecar.istio.io/statsInclusionPrefixes on the Deployment's metadata, where Istio ignores it (its IST0107)"),
        ],
        "istio__istio/pkg__config__analysis__analyzers__testdata__sidecar-default-selector.yaml": [
            ("IST006 Sidecar/ns2/has-conflict-2", "Istio's analyzer test data: two Sidecars without workloadSelector in ns2 (its IST0111)"),
            ("IST007 Sidecar/ns-ambient/namespace-scoped", "Istio's analyzer test data: a Sidecar in an ambient namespace has no effect"),
            ("IST007 Sidecar/ns-ambient/pod-scoped", "Istio's analyzer test data: a Sidecar in an ambient namespace has no effect"),
        ],
        "istio__istio/pkg__config__analysis__analyzers__testdata__sidecar-selector.yaml": [
            ("IST006 Sidecar/default/dupe-2", "Istio's analyzer test data: two Sidecars select the same pod (its IST0110)"),
            ("IST006 Sidecar/default/overlap-2", "Istio's analyzer test data: two Sidecars select the same pod (its IST0110)"),
        ],
    ]

    /// The findings of `bytes` at warning or above, as `RULE kind/namespace/name`.
    static func problems(_ bytes: [UInt8], file: String) -> [String] {
        Linter().lint([ManifestInput(file: file, source: YAMLSource(bytes))]).findings.filter { $0.severity >= .warning }.map {
            "\($0.ruleID) \($0.resource.kind)/\($0.resource.namespace ?? "")/\($0.resource.name)"
        }
    }

    @Test func theCorpusHoldsIstiosSamples() {
        #expect(Self.istioFiles.count >= 50)
        #expect(Self.istioFiles.contains("istio__istio/samples__bookinfo__networking__bookinfo-gateway.yaml"))
    }

    @Test(arguments: istioFiles)
    func istiosManifestsGetOnlyTrueWarnings(_ name: String) throws {
        let bytes = try ProjectPaths.bytes(ProjectPaths.corpus.appendingPathComponent(name))
        let expected = (Self.trueFindings[name] ?? []).map(\.finding).sorted()
        #expect(Self.problems(bytes, file: name).sorted() == expected)
    }

    /// Bookinfo injected and linted with its networking samples: its gateway VirtualService
    /// (hosts "*") and its short hosts, whose Services are in the run, are not reported.
    @Test func bookinfoInjectedHasNoVirtualServiceFindings() throws {
        let folder = ProjectPaths.corpus.appendingPathComponent("istio__istio")
        let platform = "samples__bookinfo__platform__kube__bookinfo.yaml"
        let injected = try Injector(options: InjectOptions()).inject(YAMLSource(try ProjectPaths.bytes(folder.appendingPathComponent(platform))), file: platform)
        #expect(injected.outcomes.filter { $0.status == .injected }.count >= 6)
        let networking = Self.istioFiles.filter { $0.hasPrefix("istio__istio/samples__bookinfo__networking__") }
        #expect(networking.count >= 5)
        let inputs = try [ManifestInput(file: platform, source: YAMLSource(injected.output))] + networking.map { name in
            ManifestInput(file: name, source: YAMLSource(try ProjectPaths.bytes(ProjectPaths.corpus.appendingPathComponent(name))))
        }
        let findings = Linter().lint(inputs).findings
        #expect(findings.filter { ["IST014", "IST015"].contains($0.ruleID) || $0.severity >= .warning }.map(\.message) == [])
    }

    @Test(arguments: ProjectPaths.corpusFiles.map(ProjectPaths.corpusName))
    func injectKeepsACleanFileClean(_ name: String) throws {
        let bytes = try ProjectPaths.bytes(ProjectPaths.corpus.appendingPathComponent(name))
        guard (try? YAMLStream(parsing: bytes)) != nil, Self.problems(bytes, file: name).isEmpty else { return }
        let result = try Injector(options: InjectOptions()).inject(YAMLSource(bytes), file: name)
        #expect(Self.problems(result.output, file: name) == [])
    }
}

import Foundation
import KubeManifests
import SpeedscaleIstio
import SpliceYAML
import Testing
import TestSupport

/// What inject writes lints clean: over the fixtures, inject adds no finding at warning or
/// above (the corpus is covered by the profile corpus properties, for every profile), except
/// the ones listed, which are true and which inject leaves to a person on purpose.
@Suite struct InjectThenLintTests {
    static let fixtureInputs: [String] = ProjectPaths.cases(in: "inject").map { "inject/\($0)/input.yaml" } + ["quickstart/deployment.yaml"]

    /// Findings inject's output may add, by fixture, with the reason.
    static let expected: [String: (rules: [String], reason: String)] = [
        "inject/sidecar-egress-root-namespace/input.yaml": (
            ["IST020"],
            "the mesh-wide Sidecar of the root namespace (istio-system by default) keeps the newly injected deployment/web from the forwarder; inject never edits a mesh-wide Sidecar, so lint reports it"),
    ]

    @Test(arguments: fixtureInputs)
    func injectedFixturesLintClean(_ name: String) throws {
        let bytes = try ProjectPaths.bytes(ProjectPaths.fixtures.appendingPathComponent(name))
        let result = try Injector(options: InjectOptions()).inject(YAMLSource(bytes), file: name)
        let allowed = Self.expected[name]?.rules ?? []
        let problems = LintDelta.newProblems(before: bytes, after: result.output, file: name)
        #expect(problems.filter { problem in !allowed.contains { problem.contains(": \($0) ") } } == [])
        for rule in allowed {
            #expect(problems.contains { $0.contains(": \(rule) ") }, "\(rule) was expected: \(Self.expected[name]?.reason ?? "")")
        }
    }
}

/// lint over every real manifest: a file libyaml parses is linted without failure, and one it
/// rejects is reported as a failure, never as a finding.
@Suite(.enabled(if: ProjectPaths.corpusIsPresent, "../shared/corpus is absent"))
struct LintCorpusTests {
    @Test(arguments: ProjectPaths.corpusFiles.map(ProjectPaths.corpusName))
    func lintReadsEveryParsableFile(_ name: String) throws {
        let bytes = try ProjectPaths.bytes(ProjectPaths.corpus.appendingPathComponent(name))
        let parses = (try? YAMLStream(parsing: bytes)) != nil
        let report = Linter().lint([ManifestInput(file: name, source: YAMLSource(bytes))])
        #expect(report.failures.isEmpty == parses)
        if !parses { #expect(report.findings.isEmpty) }
        for finding in report.findings {
            #expect(finding.start.line >= 1 && finding.start.column >= 1 && finding.start <= finding.end)
        }
    }
}

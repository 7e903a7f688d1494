import Foundation
import KubeManifests
import SpeedscaleIstio
import SpliceYAML
import Testing
import TestSupport

/// What inject writes lints clean: over the fixtures, inject adds no finding at warning or
/// above (the corpus is covered by the profile corpus properties, for every profile).
@Suite struct InjectThenLintTests {
    static let fixtureInputs: [String] = ProjectPaths.cases(in: "inject").map { "inject/\($0)/input.yaml" } + ["quickstart/deployment.yaml"]

    @Test(arguments: fixtureInputs)
    func injectedFixturesLintClean(_ name: String) throws {
        let bytes = try ProjectPaths.bytes(ProjectPaths.fixtures.appendingPathComponent(name))
        let result = try Injector(options: InjectOptions()).inject(YAMLSource(bytes), file: name)
        #expect(LintDelta.newProblems(before: bytes, after: result.output, file: name) == [])
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

import Foundation
import KubeManifests
import SpeedscaleIstio
import SpliceYAML
import Testing
import TestSupport

/// Rules are shared with inject: what inject writes must lint clean (nothing at warning or
/// above) for the workloads it injected. Over the fixtures and every corpus manifest.
@Suite struct InjectThenLintTests {
    static let fixtureInputs: [String] = ProjectPaths.cases(in: "inject").map { "inject/\($0)/input.yaml" } + ["quickstart/deployment.yaml"]

    @Test(arguments: fixtureInputs)
    func injectedFixturesLintClean(_ name: String) throws {
        let problems = try Self.problemsAfterInjecting(ProjectPaths.bytes(ProjectPaths.fixtures.appendingPathComponent(name)), file: name)
        #expect(problems == [])
    }

    @Test(.enabled(if: ProjectPaths.corpusIsPresent, "../shared/corpus is absent"), arguments: ProjectPaths.corpusFiles.map(ProjectPaths.corpusName))
    func injectedCorpusLintsClean(_ name: String) throws {
        let problems = try Self.problemsAfterInjecting(ProjectPaths.bytes(ProjectPaths.corpus.appendingPathComponent(name)), file: name)
        #expect(problems == [])
    }

    /// The findings at warning or above about workloads inject injected (or found already injected).
    static func problemsAfterInjecting(_ bytes: [UInt8], file: String) throws -> [String] {
        guard let result = try? Injector(options: InjectOptions()).inject(YAMLSource(bytes), file: file) else { return [] }
        let injected = Set(result.outcomes.filter { $0.status == .injected || $0.status == .unchanged }.map { "\($0.namespace ?? "")/\($0.name)" })
        let report = Linter().lint([ManifestInput(file: file, source: YAMLSource(result.output))])
        #expect(report.failures.isEmpty)
        return report.findings.filter { finding in
            finding.severity >= .warning
                && injected.contains("\(finding.resource.namespace ?? "")/\(finding.resource.kind.lowercased())/\(finding.resource.name)")
        }.map { "\($0.start): \($0.ruleID) \($0.message)" }
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

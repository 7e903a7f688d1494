import Foundation
import SpliceYAML
import Testing
import TestSupport

/// `lint` over every corpus file libyaml parses, in one run: exit 0 or 1, never 2, and a
/// JSON report that parses.
@Suite(.enabled(if: ProjectPaths.corpusIsPresent, "../shared/corpus is absent"))
struct LintCorpusCommandTests {
    @Test func lintOverTheWholeCorpusFinishesWithoutAnErrorExit() throws {
        let parsable = ProjectPaths.corpusFiles.filter { (try? YAMLStream(parsing: ProjectPaths.bytes($0))) != nil }
        #expect(parsable.count > 100)
        let run = try ToolRunner.run(["lint", "--format", "json"] + parsable.flatMap { ["-f", $0.path] })
        #expect(run.status == 0 || run.status == 1, "stderr: \(run.stderr)")
        let findings = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout)) as? [[String: Any]])
        #expect(findings.allSatisfy { ($0["line"] as? Int ?? 0) >= 1 && ($0["column"] as? Int ?? 0) >= 1 })
    }
}

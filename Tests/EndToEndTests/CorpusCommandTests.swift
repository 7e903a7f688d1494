import Foundation
import SpliceYAML
import Testing
import TestSupport

/// The built tool over every file of ../shared/corpus, one run per file: inject exits 0, or 2
/// with FILE:LINE:COL for the files libyaml rejects, and never writes part of a failed run.
@Suite(.enabled(if: ProjectPaths.corpusIsPresent, "../shared/corpus is absent"))
struct CorpusCommandTests {
    static let files = ProjectPaths.corpusFiles.map(ProjectPaths.corpusName)

    @Test(arguments: files)
    func injectExitsWithTheCodeOfWhatTheFileHolds(_ name: String) throws {
        let path = "../shared/corpus/" + name
        let bytes = try ProjectPaths.bytes(ProjectPaths.corpus.appendingPathComponent(name))
        let parses = (try? YAMLStream(parsing: bytes)) != nil
        let run = try ToolRunner.run(["inject", "--skip-failed", "--report", "json", "-f", path])
        var failed = 0
        if parses {
            #expect(run.status == 0, "stderr: \(run.stderr)")
            #expect(run.stdout.count >= bytes.count, "inject only adds")
            let report = try #require(try JSONSerialization.jsonObject(with: Data(run.stderr.utf8)) as? [String: Any])
            failed = try #require((report["summary"] as? [String: Any])?["failed"] as? Int)
        } else {
            #expect(run.status == 2)
            #expect(run.stdout.isEmpty)
            let text = try ToolRunner.run(["inject", "--skip-failed", "-f", path])
            let position = text.stderr.dropFirst(path.count + 1).prefix { $0 != " " }
            #expect(text.stderr.hasPrefix(path + ":"), "stderr: \(text.stderr)")
            let numbers = position.split(separator: ":", omittingEmptySubsequences: false)
            #expect(numbers.count == 3 && numbers[2].isEmpty && numbers.prefix(2).allSatisfy { Int($0) != nil },
                    "FILE:LINE:COL: in \(text.stderr)")
        }
        // Without --skip-failed a failed workload fails the whole run (exit 1), with nothing on
        // stdout (D9); an unparsable file exits 2; everything else 0.
        let strict = try ToolRunner.run(["inject", "-f", path])
        #expect(strict.status == (parses ? (failed > 0 ? 1 : 0) : 2), "stderr: \(strict.stderr)")
        if strict.status != 0 { #expect(strict.stdout.isEmpty) }
        if strict.status == 1 { #expect(strict.stderr.contains(" failed: ")) }
    }
}

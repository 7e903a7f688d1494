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
    func injectExitsZeroOrTwoForUnparsableInput(_ name: String) throws {
        let path = "../shared/corpus/" + name
        let bytes = try ProjectPaths.bytes(ProjectPaths.corpus.appendingPathComponent(name))
        let parses = (try? YAMLStream(parsing: bytes)) != nil
        let run = try ToolRunner.run(["inject", "--skip-failed", "-f", path])
        if parses {
            #expect(run.status == 0, "stderr: \(run.stderr)")
            #expect(run.stdout.count >= bytes.count, "inject only adds")
        } else {
            #expect(run.status == 2)
            #expect(run.stdout.isEmpty)
            let position = run.stderr.dropFirst(path.count + 1).prefix { $0 != " " }
            #expect(run.stderr.hasPrefix(path + ":"), "stderr: \(run.stderr)")
            let numbers = position.split(separator: ":", omittingEmptySubsequences: false)
            #expect(numbers.count == 3 && numbers[2].isEmpty && numbers.prefix(2).allSatisfy { Int($0) != nil },
                    "FILE:LINE:COL: in \(run.stderr)")
        }
        // Without --skip-failed a failed workload fails the whole run, with nothing on stdout (D9).
        let strict = try ToolRunner.run(["inject", "-f", path])
        #expect([0, 1, 2].contains(strict.status))
        if strict.status != 0 { #expect(strict.stdout.isEmpty) }
        if strict.status == 1 { #expect(strict.stderr.contains(" failed: ")) }
    }
}

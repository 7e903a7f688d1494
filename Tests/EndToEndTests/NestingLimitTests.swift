import Testing
import TestSupport

/// The nesting limit from the command line: deeper input is refused with exit 2 and the
/// position where it crosses 1,000 levels, before libyaml's slow path is reached.
@Suite struct NestingLimitTests {
    @Test(arguments: [["inject"], ["uninject"], ["lint"]])
    func deeperThanTheLimitIsRefusedWithItsPosition(_ command: [String]) throws {
        let input = Array(("kind: ConfigMap\ndata: " + String(repeating: "[", count: 100_000) + "\n").utf8)
        let run = try ToolRunner.run(command, stdin: input)
        #expect(run.status == 2)
        #expect(run.stdout.isEmpty)
        // The root mapping is the first level, so the 1,000th `[` (column 1,006) crosses the limit.
        #expect(run.stderr.contains("-:2:1006: the document nests collections more than 1000 levels deep"), "\(run.stderr)")
    }
}

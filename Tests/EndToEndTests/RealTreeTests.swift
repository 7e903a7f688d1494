import Foundation
import Testing
import TestSupport

/// inject over a real tree that holds files which are not YAML (a Helm template, a broken
/// file): every one is reported, not just the first; without --skip-failed nothing is written
/// and the exit is 2; with it they are passed through byte for byte (or left untouched with -i)
/// and the rest is processed; the exit is 2 only when no file could be processed.
@Suite struct RealTreeTests {
    private let tree = ProjectPaths.fixtures.appendingPathComponent("trees/chart")
    private let template = "Fixtures/trees/chart/templates/deployment.yaml"
    private let broken = "Fixtures/trees/chart/manifests/broken.yaml"

    @Test func everyUnparsableFileIsReportedAndNothingIsWritten() throws {
        let run = try ToolRunner.run(["inject", "-R", "-f", "Fixtures/trees/chart"])
        #expect(run.status == 2)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains("\(broken):7:1: while parsing a flow sequence"), "\(run.stderr)")
        #expect(run.stderr.contains("\(template):12:9: "), "\(run.stderr)")
        #expect(run.stderr.contains("error: 2 files are not YAML; nothing was written"), "\(run.stderr)")
        let json = try ToolRunner.run(["inject", "-R", "-f", "Fixtures/trees/chart", "--report", "json"])
        let report = try #require(try JSONSerialization.jsonObject(with: Data(json.stderr.utf8)) as? [String: Any])
        #expect(report["status"] as? String == "parse-error")
        #expect((report["unparsable"] as? [[String: Any]])?.compactMap { $0["file"] as? String } == [broken, template])
    }

    @Test func withSkipFailedTheyPassThroughByteForByte() throws {
        let run = try ToolRunner.run(["inject", "--skip-failed", "-R", "-f", "Fixtures/trees/chart"])
        #expect(run.status == 0, "\(run.stderr)")
        let output = run.output
        for file in [broken, template] {
            let bytes = String(decoding: try ProjectPaths.bytes(ProjectPaths.root.appendingPathComponent(file)), as: UTF8.self)
            #expect(output.contains(bytes), "\(file) is passed through unchanged")
            #expect(run.stderr.contains("note: \(file):"), "\(run.stderr)")
        }
        #expect(output.contains("sidecar.speedscale.com/inject: \"true\""), "the parsable file is injected")
        #expect(run.stderr.contains("deployment/plain (Fixtures/trees/chart/manifests/app.yaml) injected\n"))
    }

    @Test func inPlaceLeavesThemUntouchedAndRewritesTheRest() throws {
        try TemporaryDirectory.with { directory in
            for name in ["templates/deployment.yaml", "manifests/app.yaml", "manifests/broken.yaml"] {
                try directory.write("chart/" + name, try ProjectPaths.bytes(tree.appendingPathComponent(name)))
            }
            let run = try ToolRunner.run(["inject", "--skip-failed", "-i", "-R", "-f", "chart"], directory: directory.url)
            #expect(run.status == 0, "\(run.stderr)")
            for name in ["templates/deployment.yaml", "manifests/broken.yaml"] {
                #expect(try directory.bytes("chart/" + name) == (try ProjectPaths.bytes(tree.appendingPathComponent(name))))
            }
            #expect(try directory.bytes("chart/manifests/app.yaml") != (try ProjectPaths.bytes(tree.appendingPathComponent("manifests/app.yaml"))))
        }
    }

    @Test func excludingTheTemplatesLeavesOnlyTheBrokenFile() throws {
        let run = try ToolRunner.run(["inject", "-R", "-f", "Fixtures/trees/chart", "--exclude", "templates/"])
        #expect(run.status == 2)
        #expect(!run.stderr.contains(template))
        #expect(run.stderr.contains("error: 1 file is not YAML"), "\(run.stderr)")
    }

    @Test func whenNoFileCanBeProcessedTheExitIsTwoEvenWithSkipFailed() throws {
        let run = try ToolRunner.run(["inject", "--skip-failed", "-f", broken, "-f", template])
        #expect(run.status == 2)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains("error: no input could be processed: 2 files are not YAML"), "\(run.stderr)")
    }
}

import Foundation
import Testing
import TestSupport

/// Errors come out in the report format asked for, and a run that wrote nothing does not say
/// that objects were injected.
@Suite struct ErrorReportTests {
    private func jsonReport(_ run: ToolRun) throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: Data(run.stderr.utf8))
        return try #require(object as? [String: Any], "stderr is one JSON object: \(run.stderr)")
    }

    @Test(arguments: ["inject", "uninject"])
    func aParseErrorIsAJSONReportWithItsPosition(_ subcommand: String) throws {
        let run = try ToolRunner.run([subcommand, "--report", "json", "-f", "-"], stdin: Array("kind: Pod\nspec: [\n".utf8))
        #expect(run.status == 2)
        #expect(run.stdout.isEmpty)
        let report = try jsonReport(run)
        #expect(report["status"] as? String == "parse-error")
        #expect(report["written"] as? Bool == false)
        let error = try #require(report["error"] as? [String: Any])
        #expect(error["file"] as? String == "-")
        #expect(error["line"] as? Int == 3)
        #expect(error["column"] as? Int == 1)
        #expect((error["problem"] as? String)?.isEmpty == false)
        #expect((report["message"] as? String)?.hasPrefix("-:3:1: ") == true)
        #expect((report["objects"] as? [Any])?.isEmpty == true)
        let text = try ToolRunner.run([subcommand, "-f", "-"], stdin: Array("kind: Pod\nspec: [\n".utf8))
        #expect(text.status == 2)
        #expect(text.stderr == (report["message"] as? String ?? "") + "\n", "the text report prints the same message")
    }

    @Test func anUnreadableInputIsAJSONReport() throws {
        try TemporaryDirectory.with { directory in
            let run = try ToolRunner.run(["inject", "--report", "json", "-f", "missing.yaml"], directory: directory.url)
            #expect(run.status == 2)
            let report = try jsonReport(run)
            #expect(report["status"] as? String == "input-error")
            #expect(report["message"] as? String == "missing.yaml: no such file or directory")
            let error = try #require(report["error"] as? [String: Any])
            #expect(error["file"] as? String == "missing.yaml")
            #expect(error["line"] is NSNull, "every key is there, null when unknown")
            let tooLarge = try ToolRunner.run(["inject", "--report", "json", "--max-input-size", "4"], stdin: Array("kind: Pod\n".utf8))
            #expect(try jsonReport(tooLarge)["status"] as? String == "input-error")
            let notText = try ToolRunner.run(["inject", "--report", "json"], stdin: [0x6B, 0x00])
            let located = try #require(try jsonReport(notText)["error"] as? [String: Any])
            #expect(located["line"] as? Int == 1)
            #expect(located["column"] as? Int == 1)
        }
    }

    @Test func standardInputCannotBeRewrittenInPlaceWhateverItsName() throws {
        for name in ["-", "/dev/stdin", "/dev/fd/0"] {
            let run = try ToolRunner.run(["inject", "-i", "-f", name], stdin: try ProjectPaths.injectFixture("no-annotations-no-env"))
            #expect(run.status == 2)
            #expect(run.stderr == "error: \(name): standard input cannot be rewritten in place; name the files to rewrite with -f, or leave out --in-place\n")
            #expect(!run.stderr.contains("no such file"))
        }
        let json = try ToolRunner.run(["inject", "-i", "-f", "/dev/stdin", "--report", "json"], stdin: Array("kind: Pod\n".utf8))
        #expect(try jsonReport(json)["status"] as? String == "input-error")
    }

    /// A workload that injects, and one that fails (two ports and no --proxy-port).
    private func mixedFiles(_ directory: TemporaryDirectory) throws {
        try directory.write("good.yaml", ProjectPaths.injectFixture("no-annotations-no-env"))
        try directory.write("bad.yaml", ProjectPaths.injectFixture("socks5-tls-options"))
    }

    @Test func aRunThatWritesNothingSaysWouldBeInjected() throws {
        try TemporaryDirectory.with { directory in
            try mixedFiles(directory)
            let blocked = try ToolRunner.run(["inject", "-i", "-f", "good.yaml", "-f", "bad.yaml"], directory: directory.url)
            #expect(blocked.status == 1)
            let lines = blocked.stderr.split(separator: "\n").map(String.init)
            #expect(lines.contains("deployment/plain (good.yaml) would be injected"), "\(blocked.stderr)")
            #expect(!lines.contains { $0.hasSuffix(") injected") })
            #expect(lines.contains("2 objects: 1 would be injected, 0 unchanged, 0 skipped, 1 failed"))
            #expect(lines.last?.hasPrefix("error: 1 object could not be injected; nothing was written") == true)
            let json = try jsonReport(try ToolRunner.run(["inject", "--report", "json", "-f", "good.yaml", "-f", "bad.yaml"], directory: directory.url))
            #expect(json["written"] as? Bool == false)
            #expect((json["objects"] as? [[String: Any]])?.first?["status"] as? String == "injected", "JSON keeps inject's decision per object")

            let check = try ToolRunner.run(["inject", "--check", "-f", "good.yaml"], directory: directory.url)
            #expect(check.status == 1)
            #expect(check.stderr.hasPrefix("deployment/plain (good.yaml) would be injected\n"), "\(check.stderr)")

            let written = try ToolRunner.run(["inject", "-f", "good.yaml"], directory: directory.url)
            #expect(written.status == 0)
            #expect(written.stderr.hasPrefix("deployment/plain (good.yaml) injected\n"))
            #expect(try jsonReport(try ToolRunner.run(["inject", "--report", "json", "-f", "good.yaml"], directory: directory.url))["written"] as? Bool == true)
        }
    }

    @Test func uninjectSaysWouldBeUninjectedWhenNothingIsWritten() throws {
        try TemporaryDirectory.with { directory in
            try directory.write("done.yaml", ProjectPaths.injectFixture("no-annotations-no-env", "expected.yaml"))
            let check = try ToolRunner.run(["uninject", "--check", "-f", "done.yaml"], directory: directory.url)
            #expect(check.status == 1)
            #expect(check.stderr.hasPrefix("deployment/plain (done.yaml) would be uninjected\n"), "\(check.stderr)")
            #expect(check.stderr.contains("1 object: 1 would be uninjected, 0 unchanged, 0 skipped, 0 failed\n"))
        }
    }
}

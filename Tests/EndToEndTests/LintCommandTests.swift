import Foundation
import Testing
import TestSupport

/// `lint` and `explain` as a user runs them: thresholds, exit codes, streams, files, colour.
@Suite struct LintCommandTests {
    /// One error (SS006), one warning (SS003) and one info (IST001).
    static let mixed = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: mixed
          annotations:
            sidecar.speedscale.com/inject: "true"
            sidecar.speedscale.com/proxy-type: "dual"
            sidecar.speedscale.com/proxy-protocol: "tcp:http"
            sidecar.speedscale.com/proxy-port: "8080"
            sidecar.speedscale.com/proxy-hots: "localhost"
            sidecar.speedscale.com/capture-mode: "istio"
        spec:
          template:
            metadata:
              labels:
                sidecar.istio.io/inject: "true"
            spec:
              containers:
              - name: web
                ports:
                - containerPort: 8080
                env:
                - {name: HTTP_PROXY, value: "http://localhost:4140"}
                - {name: HTTPS_PROXY, value: "http://localhost:4140"}

        """
    /// Only infos (IST001, IST013).
    static let infoOnly = mixed.replacing("    sidecar.speedscale.com/proxy-hots: \"localhost\"\n", with: "")
        .replacing("    sidecar.speedscale.com/capture-mode: \"istio\"\n", with: "")

    struct Threshold: Sendable, CustomTestStringConvertible {
        let format: String
        let failOn: String
        let input: String
        let expected: Int32
        var testDescription: String { "\(format) --fail-on \(failOn) on \(input) exits \(expected)" }
    }

    static let thresholds: [Threshold] = ["text", "json", "sarif"].flatMap { format in
        [("error", "mixed", 1), ("warning", "mixed", 1), ("info", "mixed", 1), ("none", "mixed", 0),
         ("error", "info", 0), ("warning", "info", 0), ("info", "info", 1), ("none", "info", 0)]
            .map { Threshold(format: format, failOn: $0.0, input: $0.1, expected: Int32($0.2)) }
    }

    @Test(arguments: thresholds)
    func exitCodeFollowsFailOnInEveryFormat(_ case_: Threshold) throws {
        let input = case_.input == "mixed" ? Self.mixed : Self.infoOnly
        let run = try ToolRunner.run(["lint", "--format", case_.format, "--fail-on", case_.failOn, "-f", "-"], stdin: Array(input.utf8))
        #expect(run.status == case_.expected, "stderr: \(run.stderr)")
        #expect(!run.stdout.isEmpty)
    }

    @Test(arguments: ["text", "json", "sarif"])
    func unparsableInputExitsTwoAndIsNotAFinding(_ format: String) throws {
        let broken = Array("kind: Deployment\nmetadata:\n  name: [broken\n".utf8)
        let run = try ToolRunner.run(["lint", "--format", format, "-f", "-"], stdin: broken)
        #expect(run.status == 2)
        #expect(run.stderr.hasPrefix("-:4:1: "), "stderr: \(run.stderr)")
        #expect(!run.output.contains("broken"))
    }

    @Test func aMissingFileExitsTwo() throws {
        let run = try ToolRunner.run(["lint", "-f", "no/such/file.yaml"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("no/such/file.yaml: no such file or directory"))
    }

    @Test func minSeverityFiltersWhatIsShownAndWhatFails() throws {
        let run = try ToolRunner.run(["lint", "--min-severity", "error", "--fail-on", "warning", "-f", "-"], stdin: Array(Self.mixed.utf8))
        #expect(run.output.contains("[SS006]"))
        #expect(!run.output.contains("[SS003]") && !run.output.contains("[IST001]"))
        #expect(run.stderr.contains("4 below --min-severity"))
        let warnings = try ToolRunner.run(["lint", "--min-severity", "warning", "--fail-on", "warning", "-f", "-"], stdin: Array(Self.infoOnly.utf8))
        #expect(warnings.status == 0, "an info below --min-severity is not reported, so it cannot fail the run")
        #expect(warnings.stdout.isEmpty)
    }

    @Test func textLinesNameFileLineColumnSeverityRuleAndResource() throws {
        let run = try ToolRunner.run(["lint", "-f", "-"], stdin: Array(Self.mixed.utf8))
        #expect(run.output.contains("-:10:5: warning [SS003] unknown annotation sidecar.speedscale.com/proxy-hots, which the operator ignores; did you mean sidecar.speedscale.com/proxy-host? (Deployment/mixed)\n"))
        #expect(run.output.contains("-:11:42: error [SS006] sidecar.speedscale.com/capture-mode is \"istio\"; that mode was removed in July 2022; the only value is \"proxy\" (Deployment/mixed)\n"))
    }

    @Test func outputOptionWritesTheReportToAFile() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("lint-output-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let run = try ToolRunner.run(["lint", "--format", "json", "-o", "report.json", "-f", "-"], stdin: Array(Self.mixed.utf8), directory: directory)
        #expect(run.status == 1)
        #expect(run.stdout.isEmpty)
        let data = try Data(contentsOf: directory.appendingPathComponent("report.json"))
        let findings = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
        #expect(findings.contains { $0["rule"] as? String == "SS003" && $0["line"] as? Int == 10 && $0["column"] as? Int == 5 })
        let resource = try #require(findings.first?["resource"] as? [String: Any])
        #expect(resource["kind"] as? String == "Deployment" && resource["name"] as? String == "mixed")
    }

    @Test func colourOnlyWhenAskedOrOnATerminal() throws {
        let plain = try ToolRunner.run(["lint", "-f", "-"], stdin: Array(Self.mixed.utf8))
        #expect(!plain.output.contains("\u{1B}["), "a pipe is not a terminal")
        let forced = try ToolRunner.run(["lint", "--color", "always", "-f", "-"], stdin: Array(Self.mixed.utf8), environment: ["NO_COLOR": "1"])
        #expect(forced.output.contains("\u{1B}[1;31merror\u{1B}[0m"))
        let json = try ToolRunner.run(["lint", "--color", "always", "--format", "json", "-f", "-"], stdin: Array(Self.mixed.utf8))
        #expect(!json.output.contains("\u{1B}["))
    }

    @Test func listRulesPrintsTheCatalogue() throws {
        let run = try ToolRunner.run(["lint", "--list-rules"])
        #expect(run.status == 0)
        #expect(run.output.hasPrefix("ID      SEVERITY  TITLE\n"))
        for id in ["SS001", "SS013", "ENV001", "ENV016", "IST001", "IST015", "LNT001"] {
            #expect(run.output.contains("\n\(id)"), "\(id) missing")
        }
        let json = try ToolRunner.run(["lint", "--list-rules", "--format", "json"])
        let rules = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout)) as? [[String: Any]])
        #expect(rules.allSatisfy { ($0["helpUri"] as? String)?.hasPrefix("https://") == true })
    }

    @Test func explainPrintsOneRuleInFull() throws {
        let run = try ToolRunner.run(["explain", "ss008"])
        #expect(run.status == 0)
        #expect(run.output.hasPrefix("SS008: Invalid proxy-protocol\nSeverity: error\nSource: https://"))
        #expect(run.output.contains("proxy-protocol: ↓\"socks5\""))
        #expect(run.output.contains("Does not trigger:"))
    }

    @Test func explainOfAnUnknownRuleExitsTwoWithASuggestion() throws {
        let run = try ToolRunner.run(["explain", "ENV01"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("unknown rule \"ENV01\"; did you mean ENV001?"))
        #expect(run.stdout.isEmpty)
    }

    @Test func lintNeverChangesItsInput() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("lint-input-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("input.yaml")
        try Data(Self.mixed.utf8).write(to: file)
        _ = try ToolRunner.run(["lint", "-f", file.path], directory: directory)
        #expect(try String(contentsOf: file, encoding: .utf8) == Self.mixed)
    }

    @Test func anInvalidConfigurationExitsTwoWithItsPosition() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("lint-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data("rules:\n  SS01: off\n".utf8).write(to: directory.appendingPathComponent(".speedscale-istio.yaml"))
        let found = try ToolRunner.run(["lint", "-f", "-"], stdin: Array(Self.mixed.utf8), directory: directory)
        #expect(found.status == 2)
        #expect(found.stderr.contains(".speedscale-istio.yaml:2:3: unknown rule \"SS01\""), "stderr: \(found.stderr)")
        #expect(found.stdout.isEmpty)
        try Data("rules:\n  SS006: warning\n  SS003: off\n".utf8).write(to: directory.appendingPathComponent("strict.yaml"))
        let given = try ToolRunner.run(["lint", "--config", "strict.yaml", "-f", "-"], stdin: Array(Self.mixed.utf8), directory: directory)
        #expect(given.status == 0, "SS006 is a warning now: \(given.stderr)")
        #expect(given.output.contains("warning [SS006]"))
        #expect(!given.output.contains("[SS003]"))
        let missing = try ToolRunner.run(["lint", "--config", "none.yaml", "-f", "-"], stdin: Array(Self.mixed.utf8), directory: directory)
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("none.yaml: cannot be read"))
    }
}

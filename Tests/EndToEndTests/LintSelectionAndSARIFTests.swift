import Foundation
import Testing
import TestSupport

/// lint's `-l`, the option groups it shares with inject, and what its SARIF says beyond the
/// findings: where the tool lives, fingerprints that survive moved lines, and the inputs it
/// could not parse.
@Suite struct LintSelectionAndSARIFTests {
    /// Two workloads with the same mistake (SS006), labelled `tier: web` and `tier: db`.
    static let twoWorkloads = ["web", "db"].map { tier in
        LintCommandTests.mixed.replacing("  name: mixed\n", with: "  name: \(tier)\n  labels:\n    tier: \(tier)\n")
    }.joined(separator: "---\n")

    /// The JSON findings of `lint ARGUMENTS` over `input`.
    private func findings(_ arguments: [String], _ input: String) throws -> [[String: Any]] {
        let run = try ToolRunner.run(["lint", "--format", "json", "--fail-on", "none", "-f", "-"] + arguments, stdin: Array(input.utf8))
        #expect(run.status == 0, "\(run.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(run.stdout)) as? [[String: Any]])
    }

    /// The resource names the findings are about.
    private func names(_ findings: [[String: Any]]) -> Set<String> {
        Set(findings.compactMap { ($0["resource"] as? [String: Any])?["name"] as? String })
    }

    @Test func selectorKeepsTheFindingsOfTheWorkloadsItPicks() throws {
        #expect(try names(findings([], Self.twoWorkloads)) == ["web", "db"])
        let web = try findings(["-l", "tier=web"], Self.twoWorkloads)
        #expect(names(web) == ["web"])
        #expect(web.contains { $0["rule"] as? String == "SS006" })
        #expect(try names(findings(["--selector", "tier in (web,db)"], Self.twoWorkloads)) == ["web", "db"])
        #expect(try findings(["-l", "tier=cache"], Self.twoWorkloads).isEmpty)
        let bad = try ToolRunner.run(["lint", "-l", "tier in (", "-f", "-"], stdin: Array(Self.twoWorkloads.utf8))
        #expect(bad.status == 2, "a selector that does not parse is bad usage, as for inject")
    }

    @Test func lintAndInjectShareTheColorAndSelectionFlags() throws {
        let help = { (command: String) throws -> String in try ToolRunner.run([command, "--help"]).output }
        let lint = try help("lint"), inject = try help("inject")
        for line in ["  --color <when>          Colour the output", "  -l, --selector <selector>"] {
            #expect(lint.contains(line) && inject.contains(line), "\(line)")
        }
        let colored = try ToolRunner.run(["lint", "--color", "always", "--fail-on", "none", "-f", "-"], stdin: Array(Self.twoWorkloads.utf8))
        #expect(colored.output.contains("\u{1B}["))
    }

    /// The SARIF run of `lint` over the files written in `directory`.
    private func sarifRun(_ files: [String: String], in directory: TemporaryDirectory) throws -> (status: Int32, run: [String: Any]) {
        for (name, text) in files { try directory.write(name, text) }
        let run = try ToolRunner.run(["lint", "--format", "sarif", "--fail-on", "none"] + files.keys.sorted().flatMap { ["-f", $0] }, directory: directory.url)
        let log = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout)) as? [String: Any])
        return (run.status, try #require((log["runs"] as? [[String: Any]])?.first))
    }

    /// Each result's fingerprint and start line.
    private func fingerprints(_ run: [String: Any]) -> [(String, Int)] {
        ((run["results"] as? [[String: Any]]) ?? []).map { result in
            let fingerprint = (result["partialFingerprints"] as? [String: String])?["speedscaleIstioFinding/v1"] ?? ""
            let region = (((result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])?["region"] as? [String: Any])
            return (fingerprint, region?["startLine"] as? Int ?? 0)
        }
    }

    @Test func fingerprintsStayWhenLinesMoveAndDifferBetweenFindings() throws {
        try TemporaryDirectory.with { directory in
            let before = fingerprints(try sarifRun(["deploy.yaml": Self.twoWorkloads], in: directory).run)
            let shifted = "# a comment\n# and another\n\n" + Self.twoWorkloads
            let after = fingerprints(try sarifRun(["deploy.yaml": shifted], in: directory).run)
            #expect(before.count > 3)
            #expect(before.map(\.0) == after.map(\.0), "the same fingerprints")
            #expect(zip(before, after).allSatisfy { $0.1 + 3 == $1.1 }, "on lines three further down")
            #expect(Set(before.map(\.0)).count == before.count, "one fingerprint per finding")
            #expect(before.allSatisfy { !$0.0.isEmpty })
        }
    }

    @Test func unparsableInputsAreToolExecutionNotifications() throws {
        try TemporaryDirectory.with { directory in
            let (status, run) = try sarifRun(["good.yaml": LintCommandTests.mixed, "chart/deployment.yaml": "metadata:\n  name: {{ .Values.name }\n"], in: directory)
            #expect(status == 2, "an unparsable input still exits 2")
            let invocation = try #require((run["invocations"] as? [[String: Any]])?.first)
            #expect(invocation["executionSuccessful"] as? Bool == false)
            let notifications = try #require(invocation["toolExecutionNotifications"] as? [[String: Any]])
            #expect(notifications.count == 1)
            #expect(notifications.first?["level"] as? String == "error")
            #expect(((notifications.first?["message"] as? [String: Any])?["text"] as? String)?.hasPrefix("chart/deployment.yaml is not valid YAML: ") == true)
            let location = (notifications.first?["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any]
            #expect((location?["artifactLocation"] as? [String: Any])?["uri"] as? String == "chart/deployment.yaml")
            let line = (location?["region"] as? [String: Any])?["startLine"] as? Int
            let stderr = try ToolRunner.run(["lint", "-f", "chart/deployment.yaml"], directory: directory.url).stderr
            #expect(stderr.hasPrefix("chart/deployment.yaml:\(line ?? 0):"), "the line lint's message gives: \(stderr)")
            #expect(!((run["results"] as? [Any]) ?? []).isEmpty, "the other input is still reported")
            let clean = try sarifRun(["good.yaml": LintCommandTests.mixed], in: directory).run
            #expect(((clean["invocations"] as? [[String: Any]])?.first?["executionSuccessful"] as? Bool) == true)
        }
    }

    @Test(.enabled(if: SARIFSchemaTests.validator != nil, "python3 with jsonschema, or ../shared/schemas/sarif-schema-2.1.0.json, is absent"))
    func aReportWithAnUnparsableInputMatchesTheSchema() throws {
        let python = try #require(SARIFSchemaTests.validator)
        try TemporaryDirectory.with { directory in
            try directory.write("good.yaml", LintCommandTests.mixed)
            try directory.write("bad.yaml", "a: [\n")
            _ = try ToolRunner.run(["lint", "--format", "sarif", "-f", "good.yaml", "-f", "bad.yaml", "-o", "report.sarif"], directory: directory.url)
            let script = "import json, sys, jsonschema\njsonschema.validate(json.load(open(sys.argv[2])), json.load(open(sys.argv[1])))\n"
            let check = try ToolRunner.runProgram(python, ["-c", script, SARIFSchemaTests.schema.path, directory.path("report.sarif").path])
            #expect(check.status == 0, "\(check.stderr)")
        }
    }

    @Test func theDriverSaysWhereTheToolLivesAsTheKrewManifestDoes() throws {
        let run = try ToolRunner.run(["lint", "--format", "sarif", "-f", "-"], stdin: Array(LintCommandTests.infoOnly.utf8))
        let log = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout)) as? [String: Any])
        let driver = try #require(((log["runs"] as? [[String: Any]])?.first?["tool"] as? [String: Any])?["driver"] as? [String: Any])
        let uri = try #require(driver["informationUri"] as? String)
        let krew = String(decoding: try ProjectPaths.bytes(ProjectPaths.root.appendingPathComponent(".krew.yaml")), as: UTF8.self)
        #expect(krew.contains("  homepage: \(uri)\n"))
        for rule in (driver["rules"] as? [[String: Any]]) ?? [] {
            #expect((rule["helpUri"] as? String)?.hasPrefix("https://") == true)
            let description = (rule["fullDescription"] as? [String: Any])?["text"] as? String
            #expect(description?.isEmpty == false)
        }
    }
}

import Foundation
import Testing
import TestSupport

/// Golden reports: `Fixtures/lint/<case>/input.yaml` (with the case's own
/// `.speedscale-istio.yaml`, found from the working directory) gives `expected.txt`,
/// `expected.json` and `expected.sarif`. The tool runs in the case folder, so paths stay relative.
@Suite struct GoldenLintTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let format: String
        var testDescription: String { "\(name) \(format)" }
    }

    static let cases: [Case] = ProjectPaths.cases(in: "lint").flatMap { name in
        [("text", "txt"), ("json", "json"), ("sarif", "sarif")].map { Case(name: name, format: $0.0) }
    }

    static func expectedFile(_ format: String) -> String {
        "expected." + (format == "text" ? "txt" : format)
    }

    @Test(arguments: cases)
    func lintGivesTheExpectedReport(_ golden: Case) throws {
        let folder = ProjectPaths.fixtures.appendingPathComponent("lint/\(golden.name)")
        let expected = try String(contentsOf: folder.appendingPathComponent(Self.expectedFile(golden.format)), encoding: .utf8)
        let json = try String(contentsOf: folder.appendingPathComponent("expected.json"), encoding: .utf8)
        let run = try ToolRunner.run(["lint", "-f", "input.yaml", "--format", golden.format], directory: folder)
        #expect(run.status == (json.contains("\"severity\": \"error\"") ? 1 : 0), "stderr: \(run.stderr)")
        #expect(run.output == expected)
    }
}

/// The SARIF report validates against the SARIF 2.1.0 JSON schema (with Python's jsonschema).
@Suite struct SARIFSchemaTests {
    static let schema = ProjectPaths.root.deletingLastPathComponent().appendingPathComponent("shared/schemas/sarif-schema-2.1.0.json")

    static var validatorIsAvailable: Bool {
        guard FileManager.default.fileExists(atPath: schema.path), let python = ToolRunner.which("python3") else { return false }
        return (try? ToolRunner.runProgram(python, ["-c", "import jsonschema"]).status) == 0
    }

    @Test(.enabled(if: validatorIsAvailable, "python3 with jsonschema, or ../shared/schemas/sarif-schema-2.1.0.json, is absent"),
          arguments: ProjectPaths.cases(in: "lint"))
    func sarifReportMatchesTheSchema(_ name: String) throws {
        let folder = ProjectPaths.fixtures.appendingPathComponent("lint/\(name)")
        let run = try ToolRunner.run(["lint", "-f", "input.yaml", "--format", "sarif"], directory: folder)
        let python = try #require(ToolRunner.which("python3"))
        let script = """
            import json, sys, jsonschema
            schema = json.load(open(sys.argv[1]))
            jsonschema.validate(json.load(sys.stdin), schema)
            """
        let check = try ToolRunner.runProgram(python, ["-c", script, Self.schema.path], stdin: run.stdout)
        #expect(check.status == 0, "\(check.stderr)")
    }
}

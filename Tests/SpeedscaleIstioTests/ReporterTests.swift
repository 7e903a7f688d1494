import SpeedscaleIstio
import SpliceYAML
import Testing

/// The reporters as library types.
@Suite struct ReporterTests {
    private let report = LintReport(
        rules: [ProxyTypeValueRule.description],
        findings: [LintFinding(
            ruleID: "SS007", severity: .error, message: "proxy-type is \"duel\"", file: "dir/my file.yaml",
            start: SourceLocation(line: 3, column: 5), end: SourceLocation(line: 3, column: 11),
            resource: ResourceReference(kind: "Deployment", namespace: "shop", name: "web"))])

    @Test func textIsOneLinePerFinding() {
        #expect(TextReporter().render(report) == "dir/my file.yaml:3:5: error [SS007] proxy-type is \"duel\" (Deployment/shop/web)\n")
        #expect(TextReporter(colors: true).render(report).contains("\u{1B}[1;31merror\u{1B}[0m"))
    }

    @Test func jsonHasTheFieldsOfTheIssue() throws {
        let text = JSONReporter().render(report)
        #expect(text.contains("\"rule\": \"SS007\",\n    \"severity\": \"error\",\n    \"file\": \"dir/my file.yaml\",\n    \"line\": 3,\n    \"column\": 5,"))
        #expect(text.contains("\"resource\": {\n      \"kind\": \"Deployment\",\n      \"namespace\": \"shop\",\n      \"name\": \"web\"\n    }"))
    }

    @Test func sarifPointsAtTheRegionAndTheRule() {
        let text = SARIFReporter().render(report)
        #expect(text.contains("\"uri\": \"dir/my%20file.yaml\""))
        #expect(text.contains("\"startLine\": 3,\n                  \"startColumn\": 5,"))
        #expect(text.contains("\"ruleIndex\": 0"))
        #expect(text.contains("\"helpUri\": \"https://docs.speedscale.com/getting-started/installation/sidecar/proxy-modes/\""))
        #expect(SARIFReporter.uri("/abs/p.yaml") == "file:///abs/p.yaml")
        #expect(SARIFReporter.level(.info) == "note")
    }

    @Test func colourFollowsTheModeTheTerminalAndNoColor() {
        #expect(ColorMode.auto.usesColor(isTerminal: true, environment: [:]))
        #expect(!ColorMode.auto.usesColor(isTerminal: false, environment: [:]))
        #expect(!ColorMode.auto.usesColor(isTerminal: true, environment: ["NO_COLOR": "1"]))
        #expect(ColorMode.auto.usesColor(isTerminal: true, environment: ["NO_COLOR": ""]))
        #expect(!ColorMode.auto.usesColor(isTerminal: true, environment: ["TERM": "dumb"]))
        #expect(ColorMode.always.usesColor(isTerminal: false, environment: ["NO_COLOR": "1"]))
        #expect(!ColorMode.never.usesColor(isTerminal: true, environment: [:]))
    }
}

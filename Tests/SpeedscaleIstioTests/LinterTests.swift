import SpeedscaleIstio
import SpliceYAML
import Testing

/// Suppression annotations, severities from the configuration, and what the linter reports.
@Suite struct LinterTests {
    private let workload = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          annotations:
            sidecar.speedscale.com/inject: "true"
            sidecar.speedscale.com/capture-mode: "proxy"
            sidecar.speedscale.com/proxy-type: "forward"
            sidecar.speedscale.com/proxy-protocol: "http"
        SUPPRESS
        spec:
          template:
            spec:
              containers:
              - name: web
                image: example/web:1.0

        """

    private func lint(_ suppress: String = "", configuration: LintConfiguration = LintConfiguration()) -> LintReport {
        let text = workload.replacing("SUPPRESS\n", with: suppress)
        return Linter(configuration: configuration).lint([ManifestInput(file: "w.yaml", source: YAMLSource(text))])
    }

    @Test func aSuppressionWithAReasonSilencesItsRuleOnThatResource() {
        #expect(lint().findings.map(\.ruleID) == ["ENV001"])
        let silenced = lint("    speedscale-istio.io/ignore-ENV001: \"proxy set by an init script\"\n")
        #expect(silenced.findings.isEmpty)
        #expect(silenced.suppressedCount == 1)
    }

    @Test func aKeyWrittenTwiceIsAnErrorAtTheLaterKeyNamingTheFirstsLine() throws {
        let text = """
            apiVersion: v1
            kind: List
            items:
            - kind: Deployment
              metadata:
                name: web
              spec:
                template:
                  spec:
                    containers:
                    - name: web
                      image: a
                    containers:
                    - name: other
                      image: b
                      image: c

            """
        let report = Linter().lint([ManifestInput(file: "d.yaml", source: YAMLSource(text))])
        let found = report.findings.filter { $0.ruleID == "YML001" }
        #expect(found.map(\.start) == [SourceLocation(line: 13, column: 9), SourceLocation(line: 16, column: 11)])
        #expect(found.map(\.severity) == [.error, .error])
        #expect(found.first?.message.contains("line 10") == true, "\(found.first?.message ?? "")")
        #expect(found.first?.message.contains("containers") == true)
        #expect(found.map(\.resource.name) == ["web", "web"], "the List's item that holds the keys")
    }

    @Test func anEmptyReasonSilencesNothingAndIsItselfAWarning() {
        let report = lint("    speedscale-istio.io/ignore-ENV001: \"  \"\n")
        #expect(report.findings.map(\.ruleID) == ["LNT001", "ENV001"])
        #expect(report.findings.first?.severity == .warning)
        #expect(report.suppressedCount == 0)
    }

    @Test func theConfigurationTurnsRulesOffAndChangesSeverities() {
        var configuration = LintConfiguration()
        configuration.rules = ["ENV001": .severity(.info)]
        #expect(lint(configuration: configuration).findings.map(\.severity) == [.info])
        configuration.rules = ["ENV001": .off]
        let report = lint(configuration: configuration)
        #expect(report.findings.isEmpty)
        #expect(!report.rules.contains { $0.id == "ENV001" })
    }

    @Test func findingsCarryFileLineColumnEndAndResource() throws {
        let finding = try #require(lint().findings.first)
        #expect(finding.file == "w.yaml")
        #expect(finding.start == SourceLocation(line: 14, column: 9))
        #expect(finding.end == finding.start)
        #expect(finding.resource == ResourceReference(kind: "Deployment", namespace: nil, name: "web"))
    }

    @Test func anUnparsableInputIsAFailureAndTheOthersAreStillLinted() {
        let report = Linter().lint([
            ManifestInput(file: "bad.yaml", source: YAMLSource("a: [\n")),
            ManifestInput(file: "w.yaml", source: YAMLSource(workload.replacing("SUPPRESS\n", with: ""))),
        ])
        #expect(report.failures.map(\.file) == ["bad.yaml"])
        #expect(report.findings.map(\.file) == ["w.yaml"])
    }

    @Test func ignoredPathsAreNotRead() {
        var configuration = LintConfiguration()
        configuration.ignorePaths = [PathGlob("vendor/**")]
        let report = Linter(configuration: configuration).lint([ManifestInput(file: "vendor/bad.yaml", source: YAMLSource("a: [\n"))])
        #expect(report.failures.isEmpty)
        #expect(report.ignoredFiles == ["vendor/bad.yaml"])
    }

    @Test func istioObjectsInOneInputApplyToWorkloadsInAnother() {
        let workload = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: w\n  namespace: shop\n  annotations:\n    sidecar.speedscale.com/inject: \"true\"\n"
        let sidecar = "apiVersion: networking.istio.io/v1\nkind: Sidecar\nmetadata:\n  name: default\n  namespace: shop\nspec:\n  egress:\n  - hosts: [\"./*\"]\n"
        let report = Linter().lint([ManifestInput(file: "w.yaml", source: YAMLSource(workload)), ManifestInput(file: "s.yaml", source: YAMLSource(sidecar))])
        #expect(report.findings.map { "\($0.file):\($0.start) \($0.ruleID)" } == ["s.yaml:8:12 IST003"])
    }

    @Test func aWorkloadWithoutSpeedscaleAnnotationsGetsNoSpeedscaleFindings() {
        let text = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: plain
            spec:
              template:
                spec:
                  containers:
                  - name: a
                    ports:
                    - containerPort: 4140
                    env:
                    - {name: HTTP_PROXY, value: "https://corp-proxy:3128"}
                    - {name: NO_PROXY, value: "*"}
                    - {name: NO_PROXY, value: "*"}
                  - name: b
            """
        #expect(Linter().lint([ManifestInput(file: "p.yaml", source: YAMLSource(text))]).findings.isEmpty)
    }
}


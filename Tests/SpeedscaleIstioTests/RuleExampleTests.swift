import SpeedscaleIstio
import SpliceYAML
import Testing

/// One example of one rule, as a test argument.
struct RuleExampleCase: Sendable, CustomTestStringConvertible {
    let ruleID: String
    let triggering: Bool
    let index: Int

    var testDescription: String { "\(ruleID) \(triggering ? "triggering" : "non-triggering") #\(index + 1)" }

    /// Every example of every registered rule.
    static let all: [RuleExampleCase] = RuleRegistry.rules.flatMap { rule in
        let description = rule.description
        return description.triggeringExamples.indices.map { RuleExampleCase(ruleID: description.id, triggering: true, index: $0) }
            + description.nonTriggeringExamples.indices.map { RuleExampleCase(ruleID: description.id, triggering: false, index: $0) }
    }
}

/// A finding reduced to what the examples pin down.
private struct Mark: Equatable, CustomStringConvertible {
    let rule: String
    let severity: Severity
    let line: Int
    let column: Int

    var description: String { "\(rule) \(severity.rawValue) at \(line):\(column)" }
}

/// Every rule over the examples it carries: a triggering example gives exactly one finding
/// of the rule per `↓`, at the marker's line and column, with the expected severity; a
/// non-triggering example gives none.
@Suite struct RuleExampleTests {
    @Test(arguments: RuleExampleCase.all)
    func ruleFindsExactlyTheMarkedNodes(_ example: RuleExampleCase) throws {
        let rule = try #require(RuleRegistry.rule(example.ruleID))
        let description = rule.description
        let sample = example.triggering ? description.triggeringExamples[example.index] : description.nonTriggeringExamples[example.index]
        var configuration = LintConfiguration()
        configuration.settings = sample.settings
        let report = Linter(configuration: configuration, rules: [rule])
            .lint([ManifestInput(file: "example.yaml", source: YAMLSource(sample.text))])
        #expect(report.failures.isEmpty, "the example does not parse: \(report.failures)")
        let found = report.findings.map { Mark(rule: $0.ruleID, severity: $0.severity, line: $0.start.line, column: $0.start.column) }
        let expected = sample.markedLocations.map {
            Mark(rule: description.id, severity: sample.severity ?? description.severity, line: $0.line, column: $0.column)
        }
        #expect(found == expected, "messages: \(report.findings.map(\.message))")
        if example.triggering {
            #expect(!expected.isEmpty, "a triggering example needs a ↓ marker")
        }
    }

    @Test func everyRuleHasAUniqueIDExamplesAndALink() {
        var seen: Set<String> = []
        for rule in RuleRegistry.rules {
            let description = rule.description
            #expect(seen.insert(description.id).inserted, "\(description.id) is registered twice")
            #expect(!description.triggeringExamples.isEmpty, "\(description.id) has no triggering example")
            #expect(!description.nonTriggeringExamples.isEmpty, "\(description.id) has no non-triggering example")
            #expect(description.helpURI.hasPrefix("https://"), "\(description.id) has no link")
            #expect(!description.title.isEmpty && !description.summary.isEmpty && !description.fix.isEmpty)
        }
    }

    @Test func theCatalogueHasTheRulesTheIssueAsksFor() {
        let required = [
            "SS001", "SS002", "SS003", "SS004", "SS005", "SS006", "SS007", "SS008", "SS009", "SS012", "SS013",
            "SS015", "SS016", "SS017", "ENV001", "ENV002", "ENV003", "ENV004", "ENV005", "ENV006", "ENV007", "ENV008",
            "ENV016", "IST001", "IST003", "IST004", "IST006", "IST010", "IST014", "IST015",
        ]
        let ids = Set(RuleRegistry.ids)
        #expect(required.filter { !ids.contains($0) } == [])
    }
}

import Foundation
import SpeedscaleIstio
import TestSupport
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
            // Runtimes: the JVM, Node, Go and the CA each runtime trusts.
            "ENV010", "ENV011", "ENV012", "ENV014", "ENV017", "ENV019", "TLS001", "TLS005", "TLS007",
        ]
        let ids = Set(RuleRegistry.ids)
        #expect(required.filter { !ids.contains($0) } == [])
    }
}

/// One correction of one rule, as a test argument.
struct RuleCorrectionCase: Sendable, CustomTestStringConvertible {
    let ruleID: String
    let index: Int

    var testDescription: String { "\(ruleID) correction #\(index + 1)" }

    /// Every correction of every registered rule.
    static let all: [RuleCorrectionCase] = RuleRegistry.rules.flatMap { rule in
        rule.description.corrections.indices.map { RuleCorrectionCase(ruleID: rule.description.id, index: $0) }
    }
}

/// Every rule over its corrections: the rule fires before and not after, and no rule fires at
/// error after that did not before. For inject and uninject, the command gives the manifest
/// after exactly, changes nothing more, and after uninject, and inject again, the rule stays
/// quiet; a correction by hand is the rule's advice followed as a person would.
@Suite struct RuleCorrectionTests {
    private func run(_ command: RuleCorrection.Command, _ text: String) throws -> String {
        let input = [ManifestInput(file: "example.yaml", source: YAMLSource(text))]
        let result: InjectionResult
        switch command {
        case .inject(let request):
            var options = InjectOptions()
            options.request = request
            result = try Injector(options: options).inject(input)[0]
        case .uninject:
            result = try Uninjector(options: InjectOptions()).uninject(input)[0]
        case .byHand:
            return text
        }
        #expect(!result.hasFailures, "\(result.outcomes.map(\.status))")
        return String(decoding: result.output, as: UTF8.self)
    }

    @Test(arguments: RuleCorrectionCase.all)
    func theCorrectionFixesWhatTheRuleFinds(_ test: RuleCorrectionCase) throws {
        let rule = try #require(RuleRegistry.rule(test.ruleID))
        let correction = rule.description.corrections[test.index]
        let where_ = Testing.SourceLocation(fileID: "SpeedscaleIstio/\(correction.file.split(separator: "/").last ?? "")", filePath: correction.file, line: correction.line, column: 1)
        var configuration = LintConfiguration()
        configuration.settings = correction.settings
        let lint = { (text: String) in
            Linter(configuration: configuration, rules: [rule]).lint([ManifestInput(file: "example.yaml", source: YAMLSource(text))]).findings
        }
        #expect(!lint(correction.before).isEmpty, "the rule does not fire before the correction", sourceLocation: where_)
        let after = correction.command == .byHand ? correction.after : try run(correction.command, correction.before)
        #expect(after == correction.after, "the command wrote:\n\(after)", sourceLocation: where_)
        #expect(lint(correction.after).isEmpty, "the rule still fires: \(lint(correction.after).map(\.message))", sourceLocation: where_)
        let newErrors = SuggestedFix.newErrors(before: correction.before, after: correction.after, settings: correction.settings)
        #expect(newErrors == [], "an error-level rule fires instead", sourceLocation: where_)
        guard correction.command != .byHand else { return }
        #expect(try run(correction.command, after) == after, "a second run changed it", sourceLocation: where_)
        if case .inject = correction.command {
            let stripped = try run(.uninject, after)
            #expect(lint(stripped).isEmpty, "the rule fires after uninject: \(lint(stripped).map(\.message))", sourceLocation: where_)
            let again = try run(correction.command, stripped)
            #expect(lint(again).isEmpty, "the rule fires after uninject and inject: \(lint(again).map(\.message))", sourceLocation: where_)
        }
    }

    @Test func rulesThatInjectFixesCarryCorrections() {
        let fixed = [
            "SS001", "SS011", "SS015", "SS023", "ENV001", "ENV006", "ENV018", "IST002", "IST003",
            "ENV010", "ENV011", "ENV012", "ENV013", "ENV014", "ENV019", "TLS001",
        ]
        for id in fixed {
            #expect(RuleRegistry.rule(id)?.description.corrections.isEmpty == false, "\(id) has no correction")
        }
    }
}

/// The registry cannot silently miss a rule: every rule type in the sources is registered.
@Suite struct RuleRegistryTests {
    @Test func everyRuleTypeInTheSourcesIsRegistered() throws {
        let rules = ProjectPaths.root.appendingPathComponent("Sources/SpeedscaleIstio/Rules")
        let enumerator = try #require(FileManager.default.enumerator(at: rules, includingPropertiesForKeys: nil))
        var declared: [String] = []
        for case let file as URL in enumerator where file.pathExtension == "swift" {
            let text = try String(contentsOf: file, encoding: .utf8)
            for match in text.matches(of: /struct (\w+): (?:WorkloadRule|MeshRule)/) {
                declared.append(String(match.1))
                // Rule files sit in the folder of their ID's prefix.
                let folder = file.deletingLastPathComponent().lastPathComponent
                if let id = text.firstMatch(of: /id: "([A-Z]+)[0-9]+"/)?.1 {
                    #expect(folder == String(id), "\(file.lastPathComponent) holds a \(id) rule but sits in \(folder)/")
                }
            }
        }
        let registered = Set(RuleRegistry.rules.map { String(describing: $0) })
        #expect(declared.count >= 50)
        #expect(Set(declared).subtracting(registered).sorted() == [], "rule types not in the registry")
        #expect(registered.subtracting(declared).sorted() == [], "registered types not found in the sources")
    }
}

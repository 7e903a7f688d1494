import KubeManifests
import SpeedscaleIstio
import SpliceYAML
import Testing

/// Applying what rules suggest, and checking what follows.
enum SuggestedFix {
    /// The findings of `rule` over `text` with the object each is about.
    static func findings(of rule: any Rule.Type, in text: String, settings: RuleSettings) throws -> [(object: KubeObject, finding: Finding)] {
        var configuration = LintConfiguration()
        configuration.settings = settings
        let manifests = ManifestStream(try YAMLStream(parsing: YAMLSource(text)))
        return Linter(configuration: configuration).findings(in: [manifests], rules: [rule]).found.map { ($0.1, $0.2) }
    }

    /// `text` with the edits of `findings` applied, each on its object.
    static func applying(_ findings: [(object: KubeObject, finding: Finding)], to text: String) throws -> String {
        let source = YAMLSource(text)
        let stream = try YAMLStream(parsing: source)
        var patches: [Int: DocumentPatch] = [:]
        var order: [Int] = []
        for (object, finding) in findings {
            let key = object.node.start
            if patches[key] == nil {
                patches[key] = DocumentPatch(editor: YAMLEditor(source: source, document: stream.documents[object.documentIndex]), root: object.node)
                order.append(key)
            }
            for case .upsert(let path, let value) in finding.fixes {
                patches[key]?.upsert(path, value)
            }
        }
        var edits: [Edit] = []
        for key in order {
            edits += try patches[key]?.edits() ?? []
        }
        let output = try source.applying(edits)
        _ = try YAMLStream(parsing: output)
        return String(decoding: output, as: UTF8.self)
    }

    /// The error-level findings of every rule over `after` that `before` did not have, as
    /// `RULE kind/namespace/name: message`.
    static func newErrors(before: String, after: String, settings: RuleSettings) -> [String] {
        var configuration = LintConfiguration()
        configuration.settings = settings
        let errors = { (text: String) in
            Linter(configuration: configuration).lint([ManifestInput(file: "example.yaml", source: YAMLSource(text))]).findings
                .filter { $0.severity == .error }
        }
        let key = { (finding: LintFinding) in "\(finding.ruleID) \(finding.resource.kind)/\(finding.resource.namespace ?? "")/\(finding.resource.name)" }
        var old: [String: Int] = [:]
        for finding in errors(before) { old[key(finding), default: 0] += 1 }
        var added: [String] = []
        for finding in errors(after) {
            if let count = old[key(finding)], count > 0 {
                old[key(finding)] = count - 1
            } else {
                added.append("\(key(finding)): \(finding.message)")
            }
        }
        return added
    }
}

/// What rules suggest is valid: where the fix is an edit, the findings carry it, and applying
/// it to the rule's triggering example silences the rule without any error-level rule firing
/// instead; where the fix is advice, the rule carries a correction (inject, uninject or by
/// hand), which ``RuleCorrectionTests`` check the same way.
@Suite struct SuggestedFixTests {
    @Test(arguments: RuleExampleCase.all.filter(\.triggering))
    func theSuggestedEditsFixTheTriggeringExample(_ test: RuleExampleCase) throws {
        let rule = try #require(RuleRegistry.rule(test.ruleID))
        let example = rule.description.triggeringExamples[test.index]
        let found = try SuggestedFix.findings(of: rule, in: example.text, settings: example.settings)
        try #require(!found.isEmpty, "the example does not trigger the rule")
        let withEdits = found.filter { !$0.finding.fixes.isEmpty }
        // Advice only: covered by the rule's corrections (checked below).
        guard !withEdits.isEmpty else { return }
        #expect(withEdits.count == found.count, "some findings carry an edit and some do not: \(found.map(\.finding.message))")
        let fixed = try SuggestedFix.applying(withEdits, to: example.text)
        let after = try SuggestedFix.findings(of: rule, in: fixed, settings: example.settings)
        #expect(after.isEmpty, "the rule still fires after its edits:\n\(fixed)\n\(after.map(\.finding.message))")
        #expect(SuggestedFix.newErrors(before: example.text, after: fixed, settings: example.settings) == [], "\(fixed)")
    }

    /// Every Istio rule's fix is checked: each triggering example gets edits from the findings,
    /// or the rule carries at least one correction.
    @Test func everyIstioRuleHasACheckedFix() throws {
        for rule in RuleRegistry.rules where rule.description.id.hasPrefix("IST") {
            let description = rule.description
            var advised = 0
            for example in description.triggeringExamples {
                let found = try SuggestedFix.findings(of: rule, in: example.text, settings: example.settings)
                if found.contains(where: { $0.finding.fixes.isEmpty }) { advised += 1 }
            }
            #expect(advised == 0 || !description.corrections.isEmpty, "\(description.id): \(advised) triggering examples have advice only and the rule has no correction")
        }
    }
}

/// The catalogue as `lint --list-rules` and `explain` print it.
public enum RuleCatalogue {
    /// One line per rule: ID, severity in force, title (and `off` when the configuration turns it off).
    public static func listing(_ rules: [RuleDescription] = RuleRegistry.rules.map { $0.description }, configuration: LintConfiguration = LintConfiguration()) -> String {
        let width = max(2, rules.map(\.id.count).max() ?? 0)
        var out = "ID" + String(repeating: " ", count: width - 2) + "  SEVERITY  TITLE\n"
        for rule in rules {
            let state = configuration.isEnabled(rule.id) ? configuration.severity(of: rule.id, chosen: rule.severity).rawValue : "off"
            out += rule.id.padded(to: width) + "  " + state.padded(to: 8) + "  " + rule.title + "\n"
        }
        return out
    }

    /// The catalogue as a JSON list.
    public static func json(_ rules: [RuleDescription] = RuleRegistry.rules.map { $0.description }, configuration: LintConfiguration = LintConfiguration()) -> String {
        JSONValue.array(rules.map { rule in
            .object([
                JSONMember("id", .string(rule.id)),
                JSONMember("severity", .string(configuration.severity(of: rule.id, chosen: rule.severity).rawValue)),
                JSONMember("enabled", .bool(configuration.isEnabled(rule.id))),
                JSONMember("title", .string(rule.title)),
                JSONMember("summary", .string(rule.summary)),
                JSONMember("fix", .string(rule.fix)),
                JSONMember("helpUri", .string(rule.helpURI)),
            ])
        }).rendered
    }

    /// One rule in full: title, severity, source, what it checks, the fix, and its examples
    /// (with `↓` where a finding points).
    public static func explanation(_ rule: RuleDescription) -> String {
        var out = "\(rule.id): \(rule.title)\n"
        out += "Severity: \(rule.severity.rawValue)\n"
        out += "Source: \(rule.helpURI)\n\n"
        out += rule.summary + "\n\n"
        out += "Fix: \(rule.fix)\n"
        out += examples("Triggers (↓ marks where the finding points)", rule.triggeringExamples)
        out += examples("Does not trigger", rule.nonTriggeringExamples)
        out += "\nSuppress on one resource with the annotation speedscale-istio.io/ignore-\(rule.id): \"<reason>\".\n"
        return out
    }

    /// The closest rule ID to `id`, for an unknown one.
    public static func suggestion(for id: String) -> String? {
        Suggestion.closest(to: id, among: RuleRegistry.ids)
    }

    private static func examples(_ heading: String, _ examples: [RuleExample]) -> String {
        guard !examples.isEmpty else { return "" }
        var out = "\n\(heading):\n"
        for (index, example) in examples.enumerated() {
            var notes = example.settings.changes.map { "with \($0)" }
            if let severity = example.severity { notes.insert("reported as \(severity.rawValue)", at: 0) }
            out += "  \(index + 1).\(notes.isEmpty ? "" : " (" + notes.joined(separator: ", ") + ")")\n"
            for line in example.manifest.split(separator: "\n", omittingEmptySubsequences: false) where !line.isEmpty {
                out += "    " + line + "\n"
            }
        }
        return out
    }
}

extension String {
    /// The string padded with spaces to `width` characters.
    func padded(to width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}

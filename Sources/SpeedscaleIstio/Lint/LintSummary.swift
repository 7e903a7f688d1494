/// The one-line summary lint prints on standard error.
public enum LintSummary {
    /// `3 findings (1 error, 2 warnings, 0 info) in 2 inputs`, with what was hidden, suppressed,
    /// skipped or unparsable.
    public static func line(report: LintReport, shown: LintReport, inputs: Int) -> String {
        let counts = "\(shown.count(.error)) error(s), \(shown.count(.warning)) warning(s), \(shown.count(.info)) info"
        var parts = ["\(shown.findings.count) finding(s) (\(counts)) in \(inputs) input(s)"]
        let hidden = report.findings.count - shown.findings.count
        if hidden > 0 { parts.append("\(hidden) below --min-severity") }
        if report.suppressedCount > 0 { parts.append("\(report.suppressedCount) suppressed") }
        if !report.ignoredFiles.isEmpty { parts.append("\(report.ignoredFiles.count) input(s) ignored by ignorePaths") }
        if !report.failures.isEmpty { parts.append("\(report.failures.count) input(s) not parsable") }
        return "lint: " + parts.joined(separator: "; ") + "\n"
    }
}

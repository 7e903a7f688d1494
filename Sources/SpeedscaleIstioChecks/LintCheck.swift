import SpeedscaleIstio
import SpliceYAML
import SpliceYAMLChecks

/// The invariants of lint, for the `FuzzLint` target and the replay of `Fuzz/FailCases/lint/`
/// (the whole input is the document):
/// - lint never traps;
/// - every finding's start and end lie inside the input, start before end, and so does every
///   input failure's position;
/// - an input that does not parse gives one failure and no finding; one that parses, no failure;
/// - every finding names a rule of the report's catalogue;
/// - read a few documents at a time (``Windowing``), it reports what it reports held whole.
public enum LintCheck: FuzzCheck {
    /// `lint`.
    public static let name = "lint"

    /// What `input` breaks (empty when every invariant holds).
    public static func violations(of input: [UInt8]) -> [String] {
        let source = YAMLSource(input)
        let report = Linter().lint([ManifestInput(file: "fuzz.yaml", source: source)])
        var found: [String] = []
        let parses = (try? YAMLStream(parsing: source)) != nil
        if parses != report.failures.isEmpty {
            found.append(parses ? "lint failed on an input that parses: \(report.failures)" : "lint reported no failure on an input that does not parse")
        }
        if !parses && !report.findings.isEmpty {
            found.append("lint reported \(report.findings.count) findings on an input that does not parse")
        }
        for failure in report.failures where source.offset(of: failure.location) == nil {
            found.append("the failure at \(failure.location) is outside the input: \(failure.problem)")
        }
        let windowed = Linter().lint([ManifestInput(file: "fuzz.yaml", source: source)], windowing: InjectCheck.smallWindows)
        if windowed.findings != report.findings || windowed.failures != report.failures || windowed.suppressedCount != report.suppressedCount {
            found.append("lint in windows reports \(windowed.findings.count) findings and \(windowed.failures.count) failures, held whole \(report.findings.count) and \(report.failures.count)")
        }
        let rules = Dictionary(report.rules.map { ($0.id, $0) }) { first, _ in first }
        for finding in report.findings {
            let start = source.offset(of: finding.start)
            let end = source.offset(of: finding.end)
            if start == nil || end == nil || finding.end < finding.start {
                found.append("\(finding.ruleID) spans \(finding.start)-\(finding.end), not a range of the input: \(finding.message)")
            }
            if rules[finding.ruleID] == nil {
                found.append("\(finding.ruleID) is not in the report's rule catalogue")
            }
            if found.count > 5 { break }
        }
        return found
    }
}

import SpeedscaleIstio
import SpliceYAML

/// The lint findings at warning or above that an output has and its input had not, compared
/// by rule and resource (positions move when lines are added).
enum LintDelta {
    /// `configuration` gives lint what inject was told (a runtime, say), as the configuration
    /// file does for both.
    static func newProblems(before: [UInt8], after: [UInt8], file: String, configuration: LintConfiguration = LintConfiguration()) -> [String] {
        let old = Linter(configuration: configuration).lint([ManifestInput(file: file, source: YAMLSource(before))])
        let new = Linter(configuration: configuration).lint([ManifestInput(file: file, source: YAMLSource(after))])
        var seen: [String: Int] = [:]
        for finding in old.findings where finding.severity >= .warning { seen[key(finding), default: 0] += 1 }
        var problems: [String] = []
        for finding in new.findings where finding.severity >= .warning {
            if let count = seen[key(finding)], count > 0 {
                seen[key(finding)] = count - 1
            } else {
                problems.append("\(finding.start): \(finding.ruleID) \(finding.message)")
            }
        }
        return problems
    }

    private static func key(_ finding: LintFinding) -> String {
        "\(finding.ruleID) \(finding.resource.kind)/\(finding.resource.namespace ?? "")/\(finding.resource.name)"
    }
}

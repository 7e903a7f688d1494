/// The text report: `FILE:LINE:COL: SEVERITY [ID] message (kind/namespace/name)`, one line
/// per finding, optionally coloured with ANSI escapes.
public struct TextReporter: Sendable {
    /// Whether to colour the location, severity and rule ID.
    public var colors: Bool

    /// Makes a reporter.
    public init(colors: Bool = false) {
        self.colors = colors
    }

    /// The report as lines of text (empty when there is nothing to report).
    public func render(_ report: LintReport) -> String {
        report.findings.map { line(for: $0) + "\n" }.joined()
    }

    /// One finding's line, without its newline.
    public func line(for finding: LintFinding) -> String {
        let location = "\(finding.file):\(finding.start.line):\(finding.start.column):"
        let severity = finding.severity.rawValue
        guard colors else {
            return "\(location) \(severity) [\(finding.ruleID)] \(finding.message) (\(finding.resource.description))"
        }
        return "\(Self.bold)\(location)\(Self.reset) \(Self.color(finding.severity))\(severity)\(Self.reset) "
            + "\(Self.dim)[\(finding.ruleID)]\(Self.reset) \(finding.message) \(Self.dim)(\(finding.resource.description))\(Self.reset)"
    }

    static let reset = "\u{1B}[0m"
    static let bold = "\u{1B}[1m"
    static let dim = "\u{1B}[2m"

    static func color(_ severity: Severity) -> String {
        switch severity {
        case .error: return "\u{1B}[1;31m"
        case .warning: return "\u{1B}[1;33m"
        case .info: return "\u{1B}[1;36m"
        }
    }
}

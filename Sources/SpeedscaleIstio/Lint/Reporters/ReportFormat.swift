/// The formats lint writes its report in.
public enum ReportFormat: String, Sendable, CaseIterable {
    /// `FILE:LINE:COL: SEVERITY [ID] message (kind/namespace/name)`, one line per finding.
    case text
    /// A JSON list of findings.
    case json
    /// SARIF 2.1.0.
    case sarif

    /// The report of `report` in this format.
    public func render(_ report: LintReport, colors: Bool = false) -> String {
        switch self {
        case .text: return TextReporter(colors: colors).render(report)
        case .json: return JSONReporter().render(report)
        case .sarif: return SARIFReporter().render(report)
        }
    }
}

/// When the text report is coloured.
public enum ColorMode: String, Sendable, CaseIterable {
    /// On a terminal, unless `NO_COLOR` is set or `TERM` is `dumb`.
    case auto
    /// Always.
    case always
    /// Never.
    case never

    /// Whether to colour output that goes to a terminal (`isTerminal`) in `environment`.
    public func usesColor(isTerminal: Bool, environment: [String: String]) -> Bool {
        switch self {
        case .always: return true
        case .never: return false
        case .auto:
            let noColor = environment["NO_COLOR"].map { !$0.isEmpty } ?? false
            return isTerminal && !noColor && environment["TERM"] != "dumb"
        }
    }
}

/// The tool's name and version, as reports give them.
public enum ToolInfo {
    /// The executable's name.
    public static let name = "kubectl-speedscale_istio"
    /// The version.
    public static let version = "0.1.0"
    /// Where users read about the tool (SARIF's `informationUri`; the krew manifest's homepage).
    public static let informationURI = "https://github.com/speedscale/kubectl-speedscale-istio"
}

/// The JSON report: a list of findings, each with `rule`, `severity`, `file`, `line`,
/// `column`, `endLine`, `endColumn`, `message`, `resource` and `helpUri`.
public struct JSONReporter: Sendable {
    /// Makes a reporter.
    public init() {}

    /// The report as a JSON array.
    public func render(_ report: LintReport) -> String {
        JSONValue.array(report.findings.map { finding in
            .object([
                JSONMember("rule", .string(finding.ruleID)),
                JSONMember("severity", .string(finding.severity.rawValue)),
                JSONMember("file", .string(finding.file)),
                JSONMember("line", .number(finding.start.line)),
                JSONMember("column", .number(finding.start.column)),
                JSONMember("endLine", .number(finding.end.line)),
                JSONMember("endColumn", .number(finding.end.column)),
                JSONMember("message", .string(finding.message)),
                JSONMember("resource", Self.resource(finding.resource)),
                JSONMember("helpUri", .optional(report.rule(finding.ruleID)?.helpURI)),
            ])
        }).rendered
    }

    /// A resource as a JSON object (`namespace` is null when the manifest gives none).
    static func resource(_ resource: ResourceReference) -> JSONValue {
        .object([
            JSONMember("kind", .string(resource.kind)),
            JSONMember("namespace", .optional(resource.namespace)),
            JSONMember("name", .string(resource.name)),
        ])
    }
}

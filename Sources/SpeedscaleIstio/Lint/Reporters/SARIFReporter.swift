/// The SARIF 2.1.0 report: one run whose driver lists the rules that ran (with `helpUri`),
/// and one result per finding with its physical location (file, start and end line and
/// column, in Unicode code points) and the resource as a logical location.
public struct SARIFReporter: Sendable {
    /// Makes a reporter.
    public init() {}

    /// The report as a SARIF log.
    public func render(_ report: LintReport) -> String {
        let index = Dictionary(report.rules.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { first, _ in first })
        let run = JSONValue.object([
            JSONMember("tool", .object([JSONMember("driver", .object([
                JSONMember("name", .string(ToolInfo.name)),
                JSONMember("version", .string(ToolInfo.version)),
                JSONMember("rules", .array(report.rules.map(Self.rule))),
            ]))])),
            JSONMember("columnKind", .string("unicodeCodePoints")),
            JSONMember("results", .array(report.findings.map { Self.result($0, ruleIndex: index[$0.ruleID]) })),
        ])
        return JSONValue.object([
            JSONMember("$schema", .string("https://json.schemastore.org/sarif-2.1.0.json")),
            JSONMember("version", .string("2.1.0")),
            JSONMember("runs", .array([run])),
        ]).rendered
    }

    /// SARIF's level for a severity.
    public static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: return "error"
        case .warning: return "warning"
        case .info: return "note"
        }
    }

    static func rule(_ rule: RuleDescription) -> JSONValue {
        .object([
            JSONMember("id", .string(rule.id)),
            JSONMember("shortDescription", .object([JSONMember("text", .string(rule.title))])),
            JSONMember("fullDescription", .object([JSONMember("text", .string(rule.summary))])),
            JSONMember("help", .object([JSONMember("text", .string(rule.fix))])),
            JSONMember("helpUri", .string(rule.helpURI)),
            JSONMember("defaultConfiguration", .object([JSONMember("level", .string(level(rule.severity)))])),
        ])
    }

    static func result(_ finding: LintFinding, ruleIndex: Int?) -> JSONValue {
        var members = [JSONMember("ruleId", .string(finding.ruleID))]
        if let ruleIndex { members.append(JSONMember("ruleIndex", .number(ruleIndex))) }
        members += [
            JSONMember("level", .string(level(finding.severity))),
            JSONMember("message", .object([JSONMember("text", .string(finding.message))])),
            JSONMember("locations", .array([.object([
                JSONMember("physicalLocation", .object([
                    JSONMember("artifactLocation", .object([JSONMember("uri", .string(uri(finding.file)))])),
                    JSONMember("region", .object([
                        JSONMember("startLine", .number(finding.start.line)),
                        JSONMember("startColumn", .number(finding.start.column)),
                        JSONMember("endLine", .number(finding.end.line)),
                        JSONMember("endColumn", .number(finding.end.column)),
                    ])),
                ])),
                JSONMember("logicalLocations", .array([.object([
                    JSONMember("name", .string(finding.resource.name)),
                    JSONMember("fullyQualifiedName", .string(finding.resource.description)),
                    JSONMember("kind", .string("resource")),
                ])])),
            ])])),
        ]
        return .object(members)
    }

    /// A file name as a URI reference: relative paths stay relative, absolute ones become
    /// `file://` URIs, and characters URIs do not allow are percent-encoded.
    public static func uri(_ path: String) -> String {
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~/!$&'()*+,;=:@".unicodeScalars)
        var encoded = ""
        for byte in path.utf8 {
            let scalar = Unicode.Scalar(byte)
            if byte < 0x80 && allowed.contains(scalar) {
                encoded.unicodeScalars.append(scalar)
            } else {
                let hex = String(byte, radix: 16, uppercase: true)
                encoded += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return path.hasPrefix("/") ? "file://" + encoded : encoded
    }
}

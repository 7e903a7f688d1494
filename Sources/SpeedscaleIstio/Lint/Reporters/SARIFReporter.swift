/// The SARIF 2.1.0 report: one run whose driver lists the rules that ran (with `helpUri` and
/// `fullDescription`), one result per finding with its physical location (file, start and end
/// line and column, in Unicode code points), the resource as a logical location and a
/// fingerprint that does not change when lines move, and one invocation whose
/// `toolExecutionNotifications` name the inputs that could not be parsed.
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
                JSONMember("informationUri", .string(ToolInfo.informationURI)),
                JSONMember("rules", .array(report.rules.map(Self.rule))),
            ]))])),
            JSONMember("invocations", .array([Self.invocation(report.failures)])),
            JSONMember("columnKind", .string("unicodeCodePoints")),
            JSONMember("results", .array(zip(report.findings, Self.fingerprints(report.findings)).map {
                Self.result($0, ruleIndex: index[$0.ruleID], fingerprint: $1)
            })),
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

    /// The run's invocation: successful unless an input could not be parsed, each such input
    /// an error notification at the place libyaml gave up.
    static func invocation(_ failures: [LintInputFailure]) -> JSONValue {
        .object([
            JSONMember("executionSuccessful", .bool(failures.isEmpty)),
            JSONMember("toolExecutionNotifications", .array(failures.map { failure in
                .object([
                    JSONMember("level", .string("error")),
                    JSONMember("message", .object([JSONMember("text", .string("\(failure.file) is not valid YAML: \(failure.problem)"))])),
                    JSONMember("locations", .array([.object([
                        JSONMember("physicalLocation", .object([
                            JSONMember("artifactLocation", .object([JSONMember("uri", .string(uri(failure.file)))])),
                            JSONMember("region", .object([
                                JSONMember("startLine", .number(failure.location.line)),
                                JSONMember("startColumn", .number(failure.location.column)),
                            ])),
                        ])),
                    ])])),
                ])
            })),
        ])
    }

    /// The key of ``fingerprints(_:)`` in `partialFingerprints`.
    public static let fingerprintKey = "speedscaleIstioFinding/v1"

    /// A fingerprint per finding, from what it is about and not where it is: the rule, the
    /// file, the resource and the message, and which of several identical findings it is.
    /// Lines added above a finding do not change it, so code-scanning services keep
    /// tracking the same alert.
    public static func fingerprints(_ findings: [LintFinding]) -> [String] {
        var seen: [String: Int] = [:]
        return findings.map { finding in
            let identity = [finding.ruleID, finding.file, finding.resource.description, finding.message].joined(separator: "\u{1F}")
            let occurrence = seen[identity, default: 0] + 1
            seen[identity] = occurrence
            return hex(fnv1a(Array(identity.utf8))) + ":\(occurrence)"
        }
    }

    /// The 64-bit FNV-1a hash of `bytes`.
    private static func fnv1a(_ bytes: [UInt8]) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash
    }

    /// `value` as 16 lowercase hexadecimal digits.
    private static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    static func result(_ finding: LintFinding, ruleIndex: Int?, fingerprint: String) -> JSONValue {
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
            JSONMember("partialFingerprints", .object([JSONMember(fingerprintKey, .string(fingerprint))])),
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

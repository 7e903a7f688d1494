import SpliceYAML

/// A configuration file that cannot be used, with the position of the problem.
public struct ConfigurationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file's name.
    public let file: String
    /// Where the problem is, when it is in the file's text.
    public let location: SourceLocation?
    /// What is wrong.
    public let message: String

    /// Makes an error.
    public init(file: String, location: SourceLocation?, message: String) {
        self.file = file
        self.location = location
        self.message = message
    }

    /// `FILE:LINE:COL: message` (`FILE: message` without a position).
    public var description: String {
        location.map { "\(file):\($0): \(message)" } ?? "\(file): \(message)"
    }
}

extension LintConfiguration {
    /// The top-level keys of a configuration file.
    static let topLevelKeys = ["rules", "ignorePaths", "settings"]
    /// The keys of `settings`.
    static let settingKeys = [
        "speedscaleNamespace", "registryOnly", "assumeTLSOut", "meshedByDefault", "egressExclusions", "istioCNI",
        "forwarderPort", "rootNamespace", "inMeshCallers",
    ]
    /// The values a rule may be given.
    static let ruleValues = ["off", "on", "error", "warning", "info"]

    /// Reads a configuration file with the project's YAML layer, so every error has its position.
    /// - Parameters:
    ///   - source: the file's bytes.
    ///   - file: its name, for errors.
    ///   - knownRules: the rule IDs it may name.
    /// - Throws: ``ConfigurationError`` for YAML that does not parse, unknown keys or rules, and bad values.
    public static func parse(_ source: YAMLSource, file: String, knownRules: [String] = RuleRegistry.ids) throws(ConfigurationError) -> LintConfiguration {
        let stream: YAMLStream
        do {
            stream = try YAMLStream(parsing: source)
        } catch {
            throw ConfigurationError(file: file, location: error.location, message: error.problem)
        }
        let reader = ConfigurationReader(source: source, file: file, knownRules: knownRules)
        var configuration = LintConfiguration()
        guard let root = stream.documents.first?.root, !root.isNull else { return configuration }
        if stream.documents.count > 1, let second = stream.documents.dropFirst().first {
            throw reader.error(at: second.root, "a configuration file holds one document")
        }
        guard root.kind == .mapping else { throw reader.error(at: root, "the configuration must be a mapping of rules, ignorePaths and settings") }
        for pair in root.pairs {
            let key = try reader.key(pair, among: topLevelKeys, in: "configuration")
            switch key {
            case "rules": configuration.rules = try reader.rules(pair.value)
            case "ignorePaths": configuration.ignorePaths = try reader.strings(pair.value, what: "ignorePaths").map(PathGlob.init)
            default: configuration.settings = try reader.settings(pair.value)
            }
        }
        return configuration
    }
}

/// Reads the parts of a configuration file, turning every problem into a positioned error.
private struct ConfigurationReader {
    let source: YAMLSource
    let file: String
    let knownRules: [String]

    func error(at node: YAMLNode, _ message: String) -> ConfigurationError {
        ConfigurationError(file: file, location: source.location(ofByte: node.start), message: message)
    }

    func key(_ pair: YAMLPair, among keys: [String], in place: String) throws(ConfigurationError) -> String {
        guard pair.key.kind == .scalar, keys.contains(pair.key.value) else {
            let hint = Suggestion.closest(to: pair.key.value, among: keys).map { "; did you mean \"\($0)\"?" } ?? " (known: \(keys.joined(separator: ", ")))"
            throw error(at: pair.key, "unknown key \"\(pair.key.value)\" in \(place)\(hint)")
        }
        return pair.key.value
    }

    func scalar(_ node: YAMLNode, what: String) throws(ConfigurationError) -> String {
        guard node.kind == .scalar, !node.isNull else { throw error(at: node, "\(what) must be a single value") }
        return node.value
    }

    func rules(_ node: YAMLNode) throws(ConfigurationError) -> [String: LintConfiguration.RuleOverride] {
        if node.isNull { return [:] }
        guard node.kind == .mapping else { throw error(at: node, "rules must map rule IDs to off, on, error, warning or info") }
        var rules: [String: LintConfiguration.RuleOverride] = [:]
        for pair in node.pairs {
            guard pair.key.kind == .scalar, knownRules.contains(pair.key.value.uppercased()) else {
                let hint = Suggestion.closest(to: pair.key.value, among: knownRules).map { "; did you mean \($0)?" } ?? ""
                throw error(at: pair.key, "unknown rule \"\(pair.key.value)\"\(hint) (see lint --list-rules)")
            }
            let value = try scalar(pair.value, what: "rule \(pair.key.value)")
            switch value {
            case "off": rules[pair.key.value.uppercased()] = .off
            case "on": rules[pair.key.value.uppercased()] = .on
            default:
                guard let severity = Severity(rawValue: value) else {
                    throw error(at: pair.value, "rule \(pair.key.value) is \"\(value)\"; use one of \(LintConfiguration.ruleValues.joined(separator: ", "))")
                }
                rules[pair.key.value.uppercased()] = .severity(severity)
            }
        }
        return rules
    }

    func strings(_ node: YAMLNode, what: String) throws(ConfigurationError) -> [String] {
        if node.isNull { return [] }
        guard node.kind == .sequence else { throw error(at: node, "\(what) must be a list") }
        var values: [String] = []
        for item in node.items {
            values.append(try scalar(item, what: "each entry of \(what)"))
        }
        return values
    }

    func boolean(_ node: YAMLNode, what: String) throws(ConfigurationError) -> Bool {
        switch try scalar(node, what: what) {
        case "true": return true
        case "false": return false
        case let other: throw error(at: node, "\(what) must be true or false, not \"\(other)\"")
        }
    }

    func namespace(_ node: YAMLNode, what: String) throws(ConfigurationError) -> String {
        let value = try scalar(node, what: what)
        guard DNSName.isLabel(value) else { throw error(at: node, "\(what) \"\(value)\" is not a namespace name") }
        return value
    }

    func port(_ node: YAMLNode, what: String) throws(ConfigurationError) -> Int {
        let value = try scalar(node, what: what)
        guard let number = PortNumber.parse(value) else { throw error(at: node, "\(what) must be a port number (1-65535), not \"\(value)\"") }
        return number
    }

    func settings(_ node: YAMLNode) throws(ConfigurationError) -> RuleSettings {
        var settings = RuleSettings()
        if node.isNull { return settings }
        guard node.kind == .mapping else { throw error(at: node, "settings must be a mapping") }
        for pair in node.pairs {
            let key = try key(pair, among: LintConfiguration.settingKeys, in: "settings")
            switch key {
            case "speedscaleNamespace": settings.speedscaleNamespace = try namespace(pair.value, what: key)
            case "registryOnly": settings.registryOnly = try boolean(pair.value, what: key)
            case "assumeTLSOut": settings.assumeTLSOut = try boolean(pair.value, what: key)
            case "meshedByDefault": settings.meshedByDefault = try boolean(pair.value, what: key)
            case "egressExclusions": settings.egressExclusions = try boolean(pair.value, what: key)
            case "forwarderPort": settings.forwarderPort = try port(pair.value, what: key)
            case "rootNamespace": settings.rootNamespace = try namespace(pair.value, what: key)
            case "inMeshCallers": settings.inMeshCallers = try boolean(pair.value, what: key)
            default: settings.istioCNI = try boolean(pair.value, what: key)
            }
        }
        return settings
    }
}

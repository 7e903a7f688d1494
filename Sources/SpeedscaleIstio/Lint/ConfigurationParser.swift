import KubeManifests
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
    static let topLevelKeys = ["rules", "ignorePaths", "settings", "inject"]
    /// The keys of `settings`.
    static let settingKeys = [
        "speedscaleNamespace", "registryOnly", "assumeTLSOut", "meshedByDefault", "egressExclusions", "istioCNI",
        "forwarderPort", "rootNamespace", "inMeshCallers", "createJKS",
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
        guard let root = stream.documents.first?.root, !root.isNull else { return LintConfiguration() }
        if stream.documents.count > 1, let second = stream.documents.dropFirst().first {
            throw reader.error(at: second.root, "a configuration file holds one document")
        }
        return try parse(root, in: source, file: file, knownRules: knownRules)
    }

    /// Reads a configuration from the mapping `root` of `source` (a configuration file's
    /// document, or an object that holds the same keys), skipping the keys in `skipping`
    /// (an object's `apiVersion`, `kind` and `metadata`).
    /// - Throws: ``ConfigurationError`` for unknown keys or rules, and bad values.
    public static func parse(
        _ root: YAMLNode, in source: YAMLSource, file: String, knownRules: [String] = RuleRegistry.ids, skipping: Set<String> = []
    ) throws(ConfigurationError) -> LintConfiguration {
        let reader = ConfigurationReader(source: source, file: file, knownRules: knownRules)
        var configuration = LintConfiguration()
        guard root.kind == .mapping else { throw reader.error(at: root, "the configuration must be a mapping of rules, ignorePaths, settings and inject") }
        for pair in root.pairs {
            if pair.key.isScalar, skipping.contains(pair.key.value) { continue }
            let key = try reader.key(pair, among: topLevelKeys, in: "configuration")
            switch key {
            case "rules": configuration.rules = try reader.rules(pair.value)
            case "ignorePaths": configuration.ignorePaths = try reader.strings(pair.value, what: "ignorePaths").map(PathGlob.init)
            case "inject": configuration.inject = try reader.inject(pair.value)
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
            case "createJKS": settings.createJKS = try boolean(pair.value, what: key)
            default: settings.istioCNI = try boolean(pair.value, what: key)
            }
        }
        return settings
    }
}

// MARK: - The inject section

extension LintConfiguration {
    /// The keys that set a workload's inject settings, in `inject` and in each of its `workloads`.
    static let injectSettingKeys = [
        "mode", "runtime", "protocol", "proxyPort", "container", "proxyHost", "proxyEnvHost", "outboundPort",
        "tlsOut", "lowercaseEnv", "noProxy", "envVia", "exclude",
    ]
    /// The keys that say which workloads an entry of `workloads` applies to.
    static let selectionKeys = ["match", "selector"]
}

extension ConfigurationReader {
    /// The `inject` section: settings for every workload, and `workloads`, a list of
    /// overrides each selected by `match` (`kind/name` or `namespace/kind/name`) or `selector`
    /// (a label selector, as `-l` takes).
    func inject(_ node: YAMLNode) throws(ConfigurationError) -> InjectConfiguration {
        var configuration = InjectConfiguration()
        if node.isNull { return configuration }
        guard node.kind == .mapping else { throw error(at: node, "inject must be a mapping of settings and workloads") }
        var settingPairs: [YAMLPair] = []
        for pair in node.pairs {
            let key = try key(pair, among: LintConfiguration.injectSettingKeys + ["workloads"], in: "inject")
            if key == "workloads" {
                configuration.workloads = try workloadOverrides(pair.value)
            } else {
                settingPairs.append(pair)
            }
        }
        configuration.defaults = try workloadSettings(settingPairs)
        return configuration
    }

    private func workloadOverrides(_ node: YAMLNode) throws(ConfigurationError) -> [WorkloadOverride] {
        if node.isNull { return [] }
        guard node.kind == .sequence else { throw error(at: node, "inject.workloads must be a list of entries, each with match or selector") }
        var overrides: [WorkloadOverride] = []
        for item in node.items {
            guard item.kind == .mapping else { throw error(at: item, "each entry of inject.workloads must be a mapping with match or selector") }
            var selection: WorkloadSelection?
            var settingPairs: [YAMLPair] = []
            for pair in item.pairs {
                let key = try key(pair, among: LintConfiguration.selectionKeys + LintConfiguration.injectSettingKeys, in: "an entry of inject.workloads")
                guard LintConfiguration.selectionKeys.contains(key) else {
                    settingPairs.append(pair)
                    continue
                }
                guard selection == nil else { throw error(at: pair.key, "an entry of inject.workloads takes one match or one selector") }
                selection = key == "match" ? try match(pair.value) : try labelSelector(pair.value)
            }
            guard let selection else {
                throw error(at: item, "this entry of inject.workloads selects no workload; give match: kind/name (or namespace/kind/name), or selector: a label selector")
            }
            overrides.append(WorkloadOverride(selection: selection, settings: try workloadSettings(settingPairs)))
        }
        return overrides
    }

    /// `kind/name` or `namespace/kind/name`.
    private func match(_ node: YAMLNode) throws(ConfigurationError) -> WorkloadSelection {
        let text = try scalar(node, what: "match")
        let parts = text.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 2 || parts.count == 3, parts.allSatisfy({ !$0.isEmpty }) else {
            throw error(at: node, "match \"\(text)\" must be kind/name or namespace/kind/name (deployment/orders, shop/deployment/orders)")
        }
        let kinds = WorkloadKind.allCases.map { $0.rawValue.lowercased() }
        let kind = parts[parts.count - 2].lowercased()
        guard kinds.contains(kind) else {
            let hint = Suggestion.closest(to: kind, among: kinds).map { "; did you mean \($0)?" } ?? " (kinds: \(kinds.joined(separator: ", ")))"
            throw error(at: node, "match \"\(text)\": \"\(parts[parts.count - 2])\" is not a workload kind\(hint)")
        }
        if parts.count == 3 {
            guard DNSName.isLabel(parts[0]) else { throw error(at: node, "match \"\(text)\": \"\(parts[0])\" is not a namespace name") }
            return .namespacedName(namespace: parts[0], kind: kind, name: parts[2])
        }
        return .name(kind: kind, name: parts[1])
    }

    private func labelSelector(_ node: YAMLNode) throws(ConfigurationError) -> WorkloadSelection {
        let text = try scalar(node, what: "selector")
        do {
            return .labels(try LabelSelector(parsing: text))
        } catch {
            throw self.error(at: node, "selector \"\(text)\": \(error.description)")
        }
    }

    /// The settings of `pairs` (keys already checked).
    private func workloadSettings(_ pairs: [YAMLPair]) throws(ConfigurationError) -> WorkloadSettings {
        var settings = WorkloadSettings()
        var request = ProfileRequest()
        for pair in pairs {
            let key = pair.key.value
            let value = pair.value
            switch key {
            case "mode": request.mode = try choice(value, what: key, CaptureProfile.self)
            case "runtime": request.hints.runtime = try choice(value, what: key, RuntimeChoice.self)
            case "protocol": request.forwardProtocol = try choice(value, what: key, ForwardProtocol.self)
            case "proxyPort": request.hints.proxyPort = try port(value, what: key)
            case "outboundPort": request.outboundPort = try port(value, what: key)
            case "container": request.hints.container = try scalar(value, what: key)
            case "proxyHost": request.proxyHost = try scalar(value, what: key)
            case "proxyEnvHost": request.proxyEnvHost = try scalar(value, what: key)
            case "tlsOut": request.tlsOut = try boolean(value, what: key)
            case "lowercaseEnv": request.lowercaseEnv = try boolean(value, what: key)
            case "envVia": request.environmentPlacement = try choice(value, what: key, EnvironmentPlacement.self)
            case "noProxy": request.noProxy = try hosts(value)
            default: settings.exclude = try boolean(value, what: key)
            }
        }
        settings.request = request
        return settings
    }

    /// One of the values of `type`, by name.
    private func choice<Value: RawRepresentable & CaseIterable>(_ node: YAMLNode, what: String, _ type: Value.Type) throws(ConfigurationError) -> Value
    where Value.RawValue == String {
        let text = try scalar(node, what: what)
        guard let value = Value(rawValue: text) else {
            let names = Value.allCases.map(\.rawValue)
            let hint = Suggestion.closest(to: text, among: names).map { "; did you mean \($0)?" } ?? ""
            throw error(at: node, "\(what) is \"\(text)\"; use one of \(names.joined(separator: ", "))\(hint)")
        }
        return value
    }

    /// A list of hosts, or one comma-separated string of them.
    private func hosts(_ node: YAMLNode) throws(ConfigurationError) -> [String] {
        let entries = node.kind == .sequence ? try strings(node, what: "noProxy") : [try scalar(node, what: "noProxy")]
        let hosts = entries.flatMap { HostList.entries($0) }
        if let bad = hosts.first(where: { $0.contains(" ") || $0.contains("\t") }) {
            throw error(at: node, "noProxy entry \"\(bad)\" is not a host; give a list of hosts, or one comma-separated string")
        }
        return hosts
    }
}

import SpeedscaleIstio
import SpliceYAML

/// The settings of a KRM function run: `functionConfig`, either a ConfigMap whose `data` keys
/// are the long flag names of the subcommand that does the work (`protocol: socks5`,
/// `tls-out: "true"`), or an object of kind ``configurationKind`` that holds what the
/// configuration file holds (`inject`, `rules`, `settings`, `ignorePaths`). A ConfigMap's keys
/// are turned into arguments and parsed by that subcommand's own parser, so every flag it has
/// works here and nothing is listed twice. Flags that name inputs or outputs (the Input and
/// Output sections of its help) do not apply.
struct FunctionConfig {
    /// The kind of a functionConfig that holds the configuration file's sections.
    static let configurationKind = "SpeedscaleIstioConfig"

    /// The configuration a functionConfig of kind ``configurationKind`` holds, or nil for
    /// another kind (or none), when the configuration file is read instead.
    /// - Throws: ``ConfigurationError`` naming the position in the ResourceList.
    static func configuration(from functionConfig: YAMLNode?, in source: YAMLSource) throws(ConfigurationError) -> LintConfiguration? {
        guard let functionConfig, functionConfig.string(at: ["kind"]) == configurationKind else { return nil }
        return try LintConfiguration.parse(
            functionConfig, in: source, file: "-", skipping: ["apiVersion", "kind", "metadata"])
    }

    /// A functionConfig that cannot be used.
    struct Invalid: Error, CustomStringConvertible {
        let description: String
    }

    /// The help sections whose flags do not apply to a function: it reads standard input and
    /// writes a ResourceList to standard output.
    static let excludedSections: Set<String> = ["Input", "Output"]

    /// The flags argument-parser adds to every command, which would print help or the version
    /// instead of a ResourceList.
    static let builtInFlags: Set<String> = ["help", "version"]

    /// The arguments `functionConfig` stands for, for `command`.
    /// - Throws: ``Invalid`` for another kind than ConfigMap, an unknown or excluded key, or a
    ///   flag whose value is not a boolean.
    static func arguments(from functionConfig: YAMLNode?, for command: CommandNode) throws(Invalid) -> [String] {
        guard let functionConfig else { return [] }
        let kind = functionConfig.string(at: ["kind"]) ?? "<none>"
        if kind == configurationKind { return [] }
        guard kind == "ConfigMap" else {
            throw Invalid(description: "functionConfig of kind \(kind) is not supported; use a ConfigMap whose data keys are \(command.commandName)'s long flag names, or a \(configurationKind) that holds the configuration file's sections")
        }
        guard let data = functionConfig["data"], !data.isNull else { return [] }
        guard data.isMapping else { throw Invalid(description: "functionConfig: data must be a mapping of flag names to values") }
        var arguments: [String] = []
        for pair in data.pairs {
            let key = pair.key.value
            guard pair.value.isScalar else { throw Invalid(description: "functionConfig: data.\(key) must be a string") }
            let value = pair.value.value
            guard let argument = command.argument(longName: key), !builtInFlags.contains(key) else {
                throw Invalid(description: "functionConfig: \"\(key)\" is not a flag of \(command.commandName) (data keys are long flag names, such as protocol or tls-out)")
            }
            if let section = argument.sectionTitle, excludedSections.contains(section) {
                throw Invalid(description: "functionConfig: --\(key) does not apply to a KRM function, which reads and writes a ResourceList")
            }
            guard argument.kind == .flag else {
                arguments.append("--\(key)=\(value)")
                continue
            }
            switch value.lowercased() {
            case "true", "yes", "on": arguments.append("--\(key)")
            case "false", "no", "off", "": break
            default: throw Invalid(description: "functionConfig: \(key) is a flag; give \"true\" or \"false\", not \"\(value)\"")
            }
        }
        return arguments
    }
}

extension FunctionConfig {
    /// Checks the flags given after `krm` on the command line: those that name inputs or
    /// outputs do not apply.
    /// - Throws: ``Invalid`` naming the first such flag.
    static func check(_ words: [String], for command: CommandNode) throws(Invalid) {
        for word in words where word.hasPrefix("-") && word != "-" && word != "--" {
            let spelling = word.hasPrefix("--") ? String(word.prefix { $0 != "=" }) : String(word.prefix(2))
            if let section = command.argument(spelled: spelling)?.sectionTitle, excludedSections.contains(section) {
                throw Invalid(description: "\(spelling) does not apply to a KRM function, which reads and writes a ResourceList")
            }
            if let name = command.argument(spelled: spelling)?.longName, builtInFlags.contains(name) {
                throw Invalid(description: "\(spelling) does not apply to a KRM function")
            }
        }
    }
}

import KubeManifests
import SpliceYAML

/// What a workload holds at an entry's place.
public enum CurrentValue: Sendable, Equatable {
    /// Nothing.
    case absent
    /// A value; `isString` tells whether YAML reads it as a string.
    case value(String, isString: Bool)
    /// A variable set through `valueFrom`.
    case valueFrom
    /// Something that is not a single value (a mapping or a list).
    case notScalar

    /// The value, when there is one.
    public var text: String? {
        if case .value(let text, _) = self { return text }
        return nil
    }
}

/// Reads a workload's current values at the places profiles own: its own annotations
/// (where this tool writes them), the app container's variables, and the lines of
/// `extra-container-env-vars`.
public struct CurrentEntries: Sendable {
    /// The workload's own annotations mapping.
    let annotations: YAMLNode?
    /// The app container's variables in force, by name.
    let variables: [String: EnvVar]
    /// The `extra-container-env-vars` annotation.
    let extra: ExtraEnvironment?

    /// Reads the entries of `workload`, with `container` as its app container.
    public init(_ workload: Workload, container: Container?) {
        annotations = workload.annotationsNode
        var variables: [String: EnvVar] = [:]
        for variable in container?.env ?? [] { variables[variable.name] = variable }
        self.variables = variables
        let extraNode = annotations?.kind == .mapping ? annotations?.pair(forKey: SpeedscaleAnnotation.extraContainerEnvVars)?.value : nil
        extra = extraNode.flatMap { $0.kind == .scalar ? ExtraEnvironment($0.isNull ? "" : $0.value) : nil }
    }

    /// The value at `place`.
    public func value(at place: EntryPlace) -> CurrentValue {
        switch place {
        case .annotation(let key):
            guard let annotations, annotations.kind == .mapping, let node = annotations.pair(forKey: key)?.value else { return .absent }
            guard node.kind == .scalar else { return .notScalar }
            return .value(node.isNull ? "" : node.value, isString: node.isString)
        case .variable(let name):
            return variable(name)
        case .listEntry(let name, let entry):
            let list = variable(name)
            guard case .value(let text, _) = list else { return list == .absent ? .absent : list }
            return HostList.contains(text, entry) ? .value(entry, isString: true) : .absent
        case .extraVariable(let name):
            return extra?.value(name).map { .value($0, isString: true) } ?? .absent
        case .extraListEntry(let name, let entry):
            guard let text = extra?.value(name) else { return .absent }
            return HostList.contains(text, entry) ? .value(entry, isString: true) : .absent
        case .jvmProperty(let holder, let name):
            let options = value(at: holder)
            guard case .value(let text, _) = options else { return options }
            return JavaOptionsText.property(name, in: text).map { .value($0, isString: true) } ?? .absent
        case .jvmOption(let holder, let option):
            guard let text = value(at: holder).text else { return .absent }
            return JavaOptionsText.words(text).contains(option) ? .value(option, isString: true) : .absent
        }
    }

    /// The text of the app container's variable `name`, when it has a literal value.
    func variableText(_ name: String) -> String? {
        variable(name).text
    }

    /// The text of `extra-container-env-vars`, when present.
    var extraText: String? { extra?.text }

    private func variable(_ name: String) -> CurrentValue {
        guard let variable = variables[name] else { return .absent }
        if variable.hasValueFrom { return .valueFrom }
        guard let node = variable.valueNode else { return .value("", isString: true) }
        guard node.kind == .scalar else { return .notScalar }
        return .value(node.isNull ? "" : node.value, isString: node.isString)
    }
}

/// Where an entry a profile owns lives on a workload.
public enum EntryPlace: Hashable, Sendable, CustomStringConvertible {
    /// A workload annotation (`metadata.annotations`, a CronJob's job template's).
    case annotation(String)
    /// A variable of the app container's `env`, whole.
    case variable(String)
    /// One host of a comma-separated list variable of the app container (`NO_PROXY`).
    case listEntry(variable: String, entry: String)
    /// A `NAME=value` line of the `extra-container-env-vars` annotation.
    case extraVariable(String)
    /// One host of a comma-separated list in a line of the `extra-container-env-vars` annotation.
    case extraListEntry(variable: String, entry: String)

    /// The place as a report names it.
    public var description: String {
        switch self {
        case .annotation(let key): return "annotation \(key)"
        case .variable(let name): return "variable \(name)"
        case .listEntry(let name, let entry): return "\(entry) in \(name)"
        case .extraVariable(let name): return "\(name) in \(SpeedscaleAnnotation.extraContainerEnvVars)"
        case .extraListEntry(let name, let entry): return "\(entry) in \(name) of \(SpeedscaleAnnotation.extraContainerEnvVars)"
        }
    }

    /// Whether the entry lives on the app container (it then needs one).
    public var isOnContainer: Bool {
        switch self {
        case .variable, .listEntry: return true
        case .annotation, .extraVariable, .extraListEntry: return false
        }
    }

    /// The list variable this place is an entry of, if it is one.
    var listVariable: String? {
        switch self {
        case .listEntry(let name, _), .extraListEntry(let name, _): return name
        default: return nil
        }
    }
}

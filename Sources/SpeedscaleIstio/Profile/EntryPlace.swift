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
    /// One `-Dname=value` system property among the JVM options held at another place: the
    /// app container's `JAVA_TOOL_OPTIONS`, its line in `extra-container-env-vars`, or the
    /// `tls-java-tool-options-value` annotation. Its value is the property's.
    indirect case jvmProperty(in: EntryPlace, name: String)
    /// One option (a word such as `-Xmx512m`) among the JVM options held at another place,
    /// copied there from the app container's `JAVA_TOOL_OPTIONS`. Its value is the option.
    indirect case jvmOption(in: EntryPlace, option: String)

    /// The place as a report names it.
    public var description: String {
        switch self {
        case .annotation(let key): return "annotation \(key)"
        case .variable(let name): return "variable \(name)"
        case .listEntry(let name, let entry): return "\(entry) in \(name)"
        case .extraVariable(let name): return "\(name) in \(SpeedscaleAnnotation.extraContainerEnvVars)"
        case .extraListEntry(let name, let entry): return "\(entry) in \(name) of \(SpeedscaleAnnotation.extraContainerEnvVars)"
        case .jvmProperty(let holder, let name): return "-D\(name) in \(holder.javaOptionsName)"
        case .jvmOption(let holder, let option): return "\(option) in \(holder.javaOptionsName)"
        }
    }

    /// How a message names a place that holds JVM options (`JAVA_TOOL_OPTIONS`, the annotation key).
    public var javaOptionsName: String {
        switch self {
        case .variable(let name): return name
        case .extraVariable(let name): return "\(name) of \(SpeedscaleAnnotation.extraContainerEnvVars)"
        case .annotation(let key): return key
        default: return description
        }
    }

    /// Whether the entry lives on the app container (it then needs one).
    public var isOnContainer: Bool {
        switch self {
        case .variable, .listEntry: return true
        case .annotation, .extraVariable, .extraListEntry: return false
        case .jvmProperty(let holder, _), .jvmOption(let holder, _): return holder.isOnContainer
        }
    }

    /// The place that holds the JVM options this place is one of, if it is one.
    public var jvmOptionsHolder: EntryPlace? {
        switch self {
        case .jvmProperty(let holder, _), .jvmOption(let holder, _): return holder
        default: return nil
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

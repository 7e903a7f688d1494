import KubeManifests
import SpliceYAML

/// A place that gives a container JVM options: a variable such as `JAVA_TOOL_OPTIONS` or
/// `JAVA_OPTS`, the `tls-java-tool-options-value` annotation (which the operator writes into
/// `JAVA_TOOL_OPTIONS`), or an item of the container's `command` or `args`.
package struct JavaOptionSource: Sendable {
    /// How the options reach the JVM.
    package enum Kind: Sendable, Equatable {
        /// A variable the JVM or the `java` launcher reads by itself.
        case jvmVariable
        /// `JAVA_OPTS`: read only by launch scripts that pass it to `java`.
        case launchScriptVariable
        /// The `tls-java-tool-options-value` annotation.
        case annotation
        /// An item of `command` or `args`.
        case commandLine
    }

    /// Variables the JVM (`JAVA_TOOL_OPTIONS`, `_JAVA_OPTIONS`) or the `java` launcher
    /// (`JDK_JAVA_OPTIONS`) reads by itself.
    package static let jvmVariables = ["JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS"]
    /// The launch-script convention the JVM itself ignores.
    package static let launchScriptVariable = "JAVA_OPTS"

    /// The variable, annotation key, or `command`/`args`, as a message names it.
    package let name: String
    /// How the options reach the JVM.
    package let kind: Kind
    /// The container it belongs to; nil for the annotation, which applies to every app container.
    package let container: Container?
    /// The node that holds the options.
    package let node: YAMLNode
    /// The `-D` properties it sets.
    package let options: JVMOptions

    /// Whether the JVM receives these options without a launch script's help.
    package var reachesJVM: Bool { kind != .launchScriptVariable }

    /// `in JAVA_TOOL_OPTIONS of container "web"`, as messages place a flag.
    package var place: String {
        guard let container else { return "in \(name)" }
        return "in \(name) of container \"\(container.name ?? "")\""
    }
}

extension WorkloadContext {
    /// Every place that gives the checked containers JVM options with at least one `-D`
    /// property: the `tls-java-tool-options-value` annotation once, then for each container
    /// its JVM variables, `JAVA_OPTS` (literal values only) and its `command`/`args` items.
    package var javaOptionSources: [JavaOptionSource] {
        var sources: [JavaOptionSource] = []
        if let entry = sidecar.annotations.entry(SpeedscaleAnnotation.tlsJavaToolOptionsValue), let text = entry.text {
            sources.append(JavaOptionSource(name: entry.key, kind: .annotation, container: nil, node: entry.valueNode, options: JVMOptions(text)))
        }
        for container in checkedContainers {
            let environment = ProxyEnvironment(container)
            let variables = JavaOptionSource.jvmVariables.map { ($0, JavaOptionSource.Kind.jvmVariable) }
                + [(JavaOptionSource.launchScriptVariable, .launchScriptVariable)]
            for (name, kind) in variables {
                guard let text = environment.value(name), let node = environment.variables[name]?.valueNode else { continue }
                sources.append(JavaOptionSource(name: name, kind: kind, container: container, node: node, options: JVMOptions(text)))
            }
            for item in container.commandLine {
                sources.append(JavaOptionSource(name: "command/args", kind: .commandLine, container: container, node: item, options: JVMOptions(item.value)))
            }
        }
        return sources.filter { !$0.options.properties.isEmpty }
    }
}

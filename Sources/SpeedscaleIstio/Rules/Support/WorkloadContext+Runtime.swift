import KubeManifests

extension WorkloadContext {
    /// The runtime of `container`: the app container's as decided for the workload (asked
    /// for, or detected), another container's as detected.
    package func runtime(of container: Container) -> RuntimeGuess {
        if let app = appContainer.value, app.index == container.index { return runtime }
        return RuntimeDetection.guess(container)
    }

    /// The JVM options that reach `container`'s JVM: its `JAVA_TOOL_OPTIONS` (and the other
    /// variables the JVM reads), `JAVA_OPTS` when its command passes it on, its command line,
    /// the `tls-java-tool-options-value` annotation, and a `JAVA_TOOL_OPTIONS` line of
    /// `extra-container-env-vars`.
    package func javaOptions(reaching container: Container) -> [JVMOptions] {
        let passesJavaOpts = container.commandLine.contains { JavaOptsOnlyRule.references(JavaOptionSource.launchScriptVariable, in: $0.value) }
        var options = javaOptionSources.filter { source in
            guard source.container == nil || source.container?.index == container.index else { return false }
            return source.reachesJVM || passesJavaOpts
        }.map(\.options)
        if let text = sidecar.annotations.value(SpeedscaleAnnotation.extraContainerEnvVars),
           let line = ExtraEnvironment(text).value(JavaTrustStore.toolOptionsVariable) {
            options.append(JVMOptions(line))
        }
        return options
    }

    /// Whether `container`'s JVM is told by flags where a proxy is.
    package func javaProxyFlags(reaching container: Container) -> Bool {
        javaOptions(reaching: container).contains { !$0.proxyHosts.isEmpty }
    }
}

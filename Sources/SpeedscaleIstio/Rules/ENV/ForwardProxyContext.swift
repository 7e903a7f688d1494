import KubeManifests

extension WorkloadContext {
    /// The proxy environments the ENV rules check: none unless the workload is injected in
    /// forward or dual mode; then those of ``checkedContainers``.
    var forwardProxyEnvironments: [ProxyEnvironment] {
        guard sidecar.needsProxyEnvironment else { return [] }
        return checkedContainers.map(ProxyEnvironment.init)
    }

    /// Every proxy endpoint of the checked containers, with the JVM flags of the
    /// `tls-java-tool-options-value` annotation and of a `JAVA_TOOL_OPTIONS` line of
    /// `extra-container-env-vars` counted once per container. The proxy variables of a JVM
    /// told by flags where the proxy is are left out: they route nothing of the JVM's.
    var forwardProxyEndpoints: [ProxyEndpoint] {
        let javaOptions = sidecar.annotations.entry(SpeedscaleAnnotation.tlsJavaToolOptionsValue)
        return forwardProxyEnvironments.flatMap { environment in
            let endpoints = environment.endpoints(javaOptionsAnnotation: javaOptions) + extraJavaEndpoints
            return endpoints.contains { $0.form != .url } ? endpoints.filter { $0.form != .url } : endpoints
        }
    }

    /// The JVM proxy flags of a `JAVA_TOOL_OPTIONS` line of `extra-container-env-vars`.
    var extraJavaEndpoints: [ProxyEndpoint] {
        guard let entry = sidecar.annotations.entry(SpeedscaleAnnotation.extraContainerEnvVars), let text = entry.text,
              let options = ExtraEnvironment(text).value(JavaTrustStore.toolOptionsVariable) else { return [] }
        return ProxyEnvironment.javaEndpoints(options, node: entry.valueNode)
    }

    /// The environments whose proxy variables are what routes the app: not those of a JVM
    /// told by flags where the proxy is (the JVM does not read the proxy variables).
    var proxyVariableEnvironments: [ProxyEnvironment] {
        let javaOptions = sidecar.annotations.entry(SpeedscaleAnnotation.tlsJavaToolOptionsValue)
        return forwardProxyEnvironments.filter { environment in
            !(environment.endpoints(javaOptionsAnnotation: javaOptions) + extraJavaEndpoints).contains { $0.form != .url }
        }
    }
}

extension ProxyEndpoint {
    /// How a message shows it: `HTTP_PROXY=http://localhost:4140`, or `-Dhttp.proxyHost=localhost`.
    var shown: String {
        form == .url ? "\(name)=\(value)" : "\(name)=\(host)"
    }
}

import KubeManifests

extension WorkloadContext {
    /// The proxy environments the ENV rules check: none unless the workload is injected in
    /// forward or dual mode; then those of ``checkedContainers``.
    var forwardProxyEnvironments: [ProxyEnvironment] {
        guard sidecar.needsProxyEnvironment else { return [] }
        return checkedContainers.map(ProxyEnvironment.init)
    }

    /// Every proxy endpoint of the checked containers, with the JVM flags of the
    /// `tls-java-tool-options-value` annotation counted once per container.
    var forwardProxyEndpoints: [ProxyEndpoint] {
        let javaOptions = sidecar.annotations.entry(SpeedscaleAnnotation.tlsJavaToolOptionsValue)
        return forwardProxyEnvironments.flatMap { $0.endpoints(javaOptionsAnnotation: javaOptions) }
    }
}

extension ProxyEndpoint {
    /// How a message shows it: `HTTP_PROXY=http://localhost:4140`, or `-Dhttp.proxyHost=localhost`.
    var shown: String {
        form == .url ? "\(name)=\(value)" : "\(name)=\(host)"
    }
}

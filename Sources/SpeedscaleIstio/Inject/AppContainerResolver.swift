import KubeManifests

/// Chooses the app container of a workload (DECISIONS.md D5).
public enum AppContainerResolver {
    /// Names of sidecars that are never the app.
    public static let knownSidecars: Set<String> = ["istio-proxy", "istio-init", "linkerd-proxy"]

    /// Whether `container` is a known sidecar (`istio-proxy`, `linkerd-proxy`, `speedscale-*`, ...).
    public static func isKnownSidecar(_ container: Container) -> Bool {
        guard let name = container.name else { return false }
        return knownSidecars.contains(name) || name.hasPrefix("speedscale-")
    }

    /// `--container` wins; else the single candidate; else the one listening on `port`;
    /// else the single one that declares a containerPort.
    public static func resolve(_ workload: Workload, options: InjectOptions, port: Int?) -> Resolution<Container> {
        let containers = workload.containers
        if let wanted = options.container {
            if let match = containers.first(where: { $0.name == wanted }) { return .resolved(match) }
            return .failed("no container named \"\(wanted)\"; containers: \(names(containers))")
        }
        let candidates = containers.filter { !isKnownSidecar($0) }
        if candidates.isEmpty {
            return .failed(containers.isEmpty ? "the pod spec has no containers" : "only known sidecars: \(names(containers))")
        }
        if candidates.count == 1 { return .resolved(candidates[0]) }
        if let port {
            let listening = candidates.filter { $0.ports.contains { $0.number == port } }
            if listening.count == 1 { return .resolved(listening[0]) }
        }
        let withPorts = candidates.filter { !$0.ports.isEmpty }
        if withPorts.count == 1 { return .resolved(withPorts[0]) }
        return .failed("cannot tell which container is the app; candidates: \(names(candidates)) (use --container)")
    }

    static func names(_ containers: [Container]) -> String {
        containers.map { $0.name ?? "<unnamed>" }.joined(separator: ", ")
    }
}

/// Chooses the app port (`proxy-port`) of a workload (DECISIONS.md D6).
public enum AppPortResolver {
    /// The port already written in the workload's `proxy-port` annotation, when it is a valid port.
    public static func annotatedPort(of workload: Workload) -> Int? {
        workload.annotations[SpeedscaleAnnotation.proxyPort].flatMap(PortNumber.parse)
    }

    /// `requested` wins; else the app container's single containerPort.
    public static func resolve(_ container: Container, requested: Int?) -> Resolution<Int> {
        if let requested { return .resolved(requested) }
        let ports = container.ports.compactMap(\.number)
        let distinct = Array(Set(ports)).sorted()
        if distinct.count == 1 { return .resolved(distinct[0]) }
        let name = container.name ?? "<unnamed>"
        if distinct.isEmpty {
            return .failed("container \"\(name)\" declares no containerPort (use --proxy-port)")
        }
        return .failed("container \"\(name)\" declares several ports: \(distinct.map(String.init).joined(separator: ", ")) (use --proxy-port)")
    }
}

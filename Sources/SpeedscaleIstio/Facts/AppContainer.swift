import KubeManifests

/// Chooses the app container of a workload: the one whose environment the forward profiles
/// configure.
public enum AppContainer {
    /// Names of sidecars that are never the app.
    public static let knownSidecars: Set<String> = ["istio-proxy", "istio-init", "linkerd-proxy"]

    /// Whether `container` is a known sidecar (`istio-proxy`, `linkerd-proxy`, `speedscale-*`, ...).
    public static func isKnownSidecar(_ container: Container) -> Bool {
        guard let name = container.name else { return false }
        return knownSidecars.contains(name) || name.hasPrefix("speedscale-")
    }

    /// The named container wins; else the single container that is not a known sidecar; else
    /// the one listening on `port`; else the single one that declares a containerPort.
    public static func choose(in workload: Workload, named wanted: String?, port: Int?) -> Resolution<Container> {
        let containers = workload.containers
        if let wanted {
            if let match = containers.first(where: { $0.name == wanted }) { return .resolved(match) }
            return .failed(.noContainerNamed(wanted, containers: names(containers)))
        }
        let candidates = containers.filter { !isKnownSidecar($0) }
        if candidates.count == 1 { return .resolved(candidates[0]) }
        if let port {
            let listening = candidates.filter { $0.ports.contains { $0.number == port } }
            if listening.count == 1 { return .resolved(listening[0]) }
        }
        let withPorts = candidates.filter { !$0.ports.isEmpty }
        if withPorts.count == 1 { return .resolved(withPorts[0]) }
        return .failed(.ambiguousContainer(candidates: names(candidates)))
    }

    static func names(_ containers: [Container]) -> [String] {
        containers.map { $0.name ?? "<unnamed>" }
    }
}

/// The outcome of choosing something: the choice, or why none could be made.
public enum Resolution<Value: Sendable>: Sendable {
    case resolved(Value)
    case failed(WorkloadProblem)

    /// The chosen value, if any.
    public var value: Value? {
        if case .resolved(let value) = self { return value }
        return nil
    }

    /// Why nothing was chosen, if so.
    public var problem: WorkloadProblem? {
        if case .failed(let problem) = self { return problem }
        return nil
    }
}

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
        switch choice(in: workload, named: wanted, port: port) {
        case .resolved(let choice): return .resolved(choice.container)
        case .failed(let problem): return .failed(problem)
        }
    }

    /// ``choose(in:named:port:)`` with the reason for the choice.
    public static func choice(in workload: Workload, named wanted: String?, port: Int?) -> Resolution<AppContainerChoice> {
        let containers = workload.containers
        if let wanted {
            if let match = containers.first(where: { $0.name == wanted }) { return .resolved(AppContainerChoice(match, reason: "named")) }
            return .failed(.noContainerNamed(wanted, containers: names(containers)))
        }
        let candidates = containers.filter { !isKnownSidecar($0) }
        if candidates.count == 1 {
            let reason = candidates.count == containers.count ? "the only container" : "the only container that is not a known sidecar"
            return .resolved(AppContainerChoice(candidates[0], reason: reason))
        }
        if let port {
            let listening = candidates.filter { $0.ports.contains { $0.number == port } }
            if listening.count == 1 { return .resolved(AppContainerChoice(listening[0], reason: "the one listening on \(port)")) }
        }
        let withPorts = candidates.filter { !$0.ports.isEmpty }
        if withPorts.count == 1 { return .resolved(AppContainerChoice(withPorts[0], reason: "the only one that declares a port")) }
        return .failed(.ambiguousContainer(candidates: names(candidates)))
    }

    static func names(_ containers: [Container]) -> [String] {
        containers.map { $0.name ?? "<unnamed>" }
    }
}

/// The app container, and why it is the one.
public struct AppContainerChoice: Sendable {
    /// The container.
    public let container: Container
    /// Why (`the only container`, `named`, `the one listening on 8080`).
    public let reason: String

    /// Makes a choice.
    public init(_ container: Container, reason: String) {
        self.container = container
        self.reason = reason
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

import KubeManifests

/// The port the app listens on (`proxy-port` in dual mode), and where it was read.
public struct AppPort: Sendable, Equatable, CustomStringConvertible {
    /// Where the port was read.
    public enum Source: Sendable, Equatable {
        /// Asked for (a flag or the configuration file).
        case requested
        /// The workload's own `proxy-port` annotation.
        case annotation
        /// The app container's single `containerPort`.
        case containerPort
        /// Inferred from a Service that selects the workload and targets one port of the app.
        case service(String)
        /// Inferred from the app container's only probe port.
        case probe
    }

    /// The port.
    public let number: Int
    /// Where it was read.
    public let source: Source

    /// Whether the port was inferred rather than declared.
    public var isInferred: Bool {
        switch source {
        case .service, .probe: return true
        case .requested, .annotation, .containerPort: return false
        }
    }

    /// `8080 (inferred from service/web)`.
    public var description: String {
        switch source {
        case .requested: return "\(number)"
        case .annotation: return "\(number) (from the proxy-port annotation)"
        case .containerPort: return "\(number) (the container's only port)"
        case .service(let name): return "\(number) (inferred from service/\(name))"
        case .probe: return "\(number) (inferred from the container's probes)"
        }
    }
}

/// What is known of a workload's app port.
public enum PortChoice: Sendable, Equatable {
    /// The port.
    case found(AppPort)
    /// The app declares no port and nothing else tells one: it has no inbound port.
    case none
    /// Several ports could be the app's.
    case several([Int])

    /// The port, if found.
    public var port: AppPort? {
        if case .found(let port) = self { return port }
        return nil
    }

    /// Chooses the app port of `container`: `requested` wins, then the workload's valid
    /// `annotated` port, then the container's single containerPort (1-65535); without one, a port that
    /// the Services selecting the workload (`services`) all target, else the container's only
    /// probe port.
    public static func choose(for container: Container, requested: Int?, annotated: Int?, services: [ServiceSummary]) -> PortChoice {
        if let requested { return .found(AppPort(number: requested, source: .requested)) }
        if let annotated { return .found(AppPort(number: annotated, source: .annotation)) }
        // Only numbers that can be ports: inject would write one uninject does not read back.
        let valid = 1...65535
        let declared = distinct(container.ports.compactMap(\.number).filter(valid.contains))
        if declared.count == 1 { return .found(AppPort(number: declared[0], source: .containerPort)) }
        var targets: [(port: Int, service: String)] = []
        for service in services {
            for target in service.targetPorts {
                let number = Int(target) ?? container.ports.first { $0.name == target }?.number
                guard let number, valid.contains(number), declared.isEmpty || declared.contains(number) else { continue }
                if !targets.contains(where: { $0.port == number }) { targets.append((number, service.name ?? "")) }
            }
        }
        if targets.count == 1 { return .found(AppPort(number: targets[0].port, source: .service(targets[0].service))) }
        let probes = container.probePorts.filter { valid.contains($0) && (declared.isEmpty || declared.contains($0)) }
        if probes.count == 1 && targets.isEmpty { return .found(AppPort(number: probes[0], source: .probe)) }
        if !declared.isEmpty { return .several(declared) }
        if targets.count > 1 { return .several(targets.map(\.port)) }
        return .none
    }

    private static func distinct(_ ports: [Int]) -> [Int] {
        Array(Set(ports)).sorted()
    }
}

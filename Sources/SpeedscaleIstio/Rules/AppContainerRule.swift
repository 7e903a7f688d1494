/// INJ002: inject must know which container is the app (D5).
public struct AppContainerRule: WorkloadRule {
    public static let description = RuleDescription(
        id: "INJ002", title: "App container cannot be chosen", severity: .error,
        summary: "Dual mode sets proxy variables on the app container; with several candidate containers and no way to tell them apart, the tool will not guess.",
        fix: "Name the app container with --container NAME.",
        helpURI: DocumentLink.speedscaleIstio)

    public init() {}

    public func check(_ context: WorkloadContext) -> [Finding] {
        guard case .failed(let reason) = context.appContainer else { return [] }
        let range = context.workload.podSpec?["containers"].map { $0.start..<$0.end } ?? context.workloadRange
        return [Finding(Self.description, reason, at: range)]
    }
}

/// INJ003: inject must know the app's port for `proxy-port` (D6).
public struct AppPortRule: WorkloadRule {
    public static let description = RuleDescription(
        id: "INJ003", title: "App port cannot be chosen", severity: .error,
        summary: "The reverse proxy forwards inbound traffic to proxy-port; Speedscale's default of 80 is wrong for most apps, so the port must be known.",
        fix: "Give the port with --proxy-port N, or declare exactly one containerPort on the app container.",
        helpURI: DocumentLink.speedscaleAnnotations)

    public init() {}

    public func check(_ context: WorkloadContext) -> [Finding] {
        guard context.appContainer?.value != nil, case .failed(let reason) = context.appPort else { return [] }
        let container = context.appContainer?.value
        let range = container.map { ($0.node["ports"] ?? $0.node) }.map { $0.start..<$0.end } ?? context.workloadRange
        return [Finding(Self.description, reason, at: range)]
    }
}

import ArgumentParser

/// `kubectl speedscale-istio`: make the Speedscale sidecar work inside an Istio mesh.
struct SpeedscaleIstioCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kubectl-speedscale_istio",
        abstract: "Make the Speedscale sidecar work inside an Istio mesh.",
        discussion: """
            Installed as a kubectl plugin, run it as `kubectl speedscale-istio`.
            Exit codes: 0 success, 1 a workload could not be injected, 2 bad usage or bad input.
            """,
        version: "0.1.0",
        subcommands: [Inject.self]
    )
}

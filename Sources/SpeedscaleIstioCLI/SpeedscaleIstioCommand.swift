import ArgumentParser
import SpeedscaleIstio

/// `kubectl speedscale-istio`: make the Speedscale sidecar work inside an Istio mesh.
struct SpeedscaleIstioCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kubectl-speedscale_istio",
        abstract: "Make the Speedscale sidecar work inside an Istio mesh.",
        discussion: """
            Installed as a kubectl plugin, run it as `kubectl speedscale-istio`.
            Exit codes: 0 success, 1 a workload could not be injected or lint reported something at
            or above --fail-on, 2 bad usage or bad input.
            """,
        version: ToolInfo.version,
        subcommands: [Inject.self, Lint.self, Explain.self]
    )
}

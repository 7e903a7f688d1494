import ArgumentParser

/// `kubectl speedscale-istio`: make the Speedscale sidecar work inside an Istio mesh.
struct SpeedscaleIstioCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kubectl-speedscale_istio",
        abstract: "Make the Speedscale sidecar work inside an Istio mesh.",
        discussion: """
            Installed as a kubectl plugin, run it as `kubectl speedscale-istio`.
            inject is the default subcommand: as a Helm post-renderer it reads standard
            input and writes the manifests to standard output.
            Exit codes: 0 success; 1 a workload could not be injected, or --check found
            changes; 2 bad usage, bad input, or files that could not be rewritten.
            """,
        version: "0.1.0",
        subcommands: [Inject.self, Uninject.self],
        defaultSubcommand: Inject.self
    )
}

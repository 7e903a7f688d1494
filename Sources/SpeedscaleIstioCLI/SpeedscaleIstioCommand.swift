import ArgumentParser
import SpeedscaleIstio

/// `kubectl speedscale-istio`: make the Speedscale sidecar work inside an Istio mesh.
struct SpeedscaleIstioCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kubectl-speedscale_istio",
        abstract: "Make the Speedscale sidecar work inside an Istio mesh.",
        discussion: """
            Installed as a kubectl plugin, run it as `kubectl speedscale-istio`.
            inject is the default subcommand: as a Helm post-renderer it reads standard \
            input and writes the manifests to standard output.
            Exit codes: 0 success; 1 a workload could not be injected, --check found changes, \
            or lint reported something at or above --fail-on; 2 bad usage, bad input, an \
            invalid configuration, or files that could not be rewritten.
            """,
        version: BuildInfo.text,
        subcommands: [Inject.self, Uninject.self, Lint.self, Explain.self, KRM.self, Completion.self, Version.self],
        defaultSubcommand: Inject.self
    )
}

import ArgumentParser
import SpeedscaleIstio

/// The flags inject and uninject share: where the sidecar's forward proxy listens, the
/// Speedscale namespace and forwarder port that Istio Sidecar egress must reach, and Istio's
/// root namespace.
struct MeshOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The sidecar's outbound (forward proxy) port. Default: 4140, or the workload's proxy-out-port.", valueName: "port"))
    var outboundPort: Int?

    @Option(help: ArgumentHelp("The host in HTTP_PROXY / HTTPS_PROXY. Default: localhost, or the loopback host the workload's proxy URL uses.", valueName: "host"))
    var proxyEnvHost: String?

    @Option(help: ArgumentHelp("The namespace Speedscale runs in. Default: the configuration file's settings.speedscaleNamespace, else speedscale.", valueName: "namespace"))
    var speedscaleNamespace: String?

    @Option(help: ArgumentHelp("The port the Speedscale sidecar reaches the forwarder on, which Istio Sidecar egress must open. Default: the configuration file's settings.forwarderPort, else 80.", valueName: "port"))
    var forwarderPort: Int?

    @Option(help: ArgumentHelp("Istio's root namespace (MeshConfig rootNamespace): its Sidecar without workloadSelector applies mesh-wide and is never edited. Default: the configuration file's settings.rootNamespace, else istio-system.", valueName: "namespace"))
    var rootNamespace: String?

    @Flag(help: "Leave Istio Sidecar egress hosts alone.")
    var noSidecarEgress = false

    func validate() throws {
        if let outboundPort, !(1...65535).contains(outboundPort) {
            throw ValidationError("--outbound-port must be a port number (1-65535), not \(outboundPort)")
        }
        if let forwarderPort, !(1...65535).contains(forwarderPort) {
            throw ValidationError("--forwarder-port must be a port number (1-65535), not \(forwarderPort)")
        }
    }

    /// Writes these flags, and the configuration file's settings they override, into `options`.
    func apply(to options: inout InjectOptions, configuration: LintConfiguration) {
        options.request.outboundPort = outboundPort
        options.request.proxyEnvHost = proxyEnvHost
        options.configuration = configuration.inject
        options.clusterSettings = configuration.settings
        options.speedscaleNamespace = speedscaleNamespace ?? configuration.settings.speedscaleNamespace
        options.forwarderPort = forwarderPort ?? configuration.settings.forwarderPort
        options.rootNamespace = rootNamespace ?? configuration.settings.rootNamespace
        options.sidecarEgress = !noSidecarEgress
    }

    /// The hosts of a comma-separated list flag, without spaces or empty entries.
    static func hosts(_ text: String) -> [String] {
        text.split(separator: ",").map { String($0.filter { $0 != " " }) }.filter { !$0.isEmpty }
    }
}

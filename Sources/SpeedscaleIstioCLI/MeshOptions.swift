import ArgumentParser
import SpeedscaleIstio

/// The flags inject and uninject share: where the sidecar's forward proxy listens, and the
/// Speedscale namespace that Istio Sidecar egress must reach.
struct MeshOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The sidecar's outbound (forward proxy) port.", valueName: "port"))
    var outboundPort: Int = SpeedscaleAnnotation.defaultOutPort

    @Option(help: ArgumentHelp("The host in HTTP_PROXY / HTTPS_PROXY.", valueName: "host"))
    var proxyEnvHost: String = "localhost"

    @Option(help: ArgumentHelp("The namespace Speedscale runs in.", valueName: "namespace"))
    var speedscaleNamespace: String = "speedscale"

    @Flag(help: "Leave Istio Sidecar egress hosts alone.")
    var noSidecarEgress = false

    func validate() throws {
        if !(1...65535).contains(outboundPort) {
            throw ValidationError("--outbound-port must be a port number (1-65535), not \(outboundPort)")
        }
    }

    /// Writes these flags into `options`.
    func apply(to options: inout InjectOptions) {
        options.outboundPort = outboundPort
        options.proxyEnvHost = proxyEnvHost
        options.speedscaleNamespace = speedscaleNamespace
        options.sidecarEgress = !noSidecarEgress
    }
}

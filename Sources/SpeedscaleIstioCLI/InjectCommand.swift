import ArgumentParser
import SpeedscaleIstio
import SpliceYAML

extension InjectOptions.Mode: ExpressibleByArgument {}
extension InjectOptions.ProxyProtocol: ExpressibleByArgument {}

/// `inject`: add the Speedscale-in-Istio configuration to workloads.
struct Inject: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Add the Speedscale sidecar's Istio configuration to workload manifests.",
        discussion: """
            Reads Deployments, StatefulSets and other workloads and writes them back with the
            dual-mode annotations and the proxy environment on the app container. Only the lines
            that must change are changed; everything else is written back byte for byte.
            """
    )

    @Option(name: [.short, .customLong("filename")], help: ArgumentHelp("A manifest file, or - for standard input (repeatable).", valueName: "file"))
    var filenames: [String] = []

    @Option(help: "The profile: dual (reverse + forward proxy, the default) or transparent (operator v1.4.227 and later).")
    var mode: InjectOptions.Mode = .dual

    @Option(help: ArgumentHelp("The port the app listens on (proxy-port). Default: the app container's single containerPort.", valueName: "port"))
    var proxyPort: Int?

    @Option(help: ArgumentHelp("The app container's name. Default: inferred.", valueName: "name"))
    var container: String?

    @Option(name: .customLong("protocol"), help: "The forward proxy protocol: http, socks5 or socks4.")
    var proxyProtocol: InjectOptions.ProxyProtocol = .http

    @Option(help: ArgumentHelp("Where the reverse proxy forwards inbound traffic (proxy-host).", valueName: "host"))
    var proxyHost: String = "localhost"

    @Flag(help: "Enable outbound TLS interception (tls-out).")
    var tlsOut = false

    @Option(help: ArgumentHelp("The sidecar's outbound (forward proxy) port.", valueName: "port"))
    var outboundPort: Int = 4140

    @Option(help: ArgumentHelp("The host in HTTP_PROXY / HTTPS_PROXY.", valueName: "host"))
    var proxyEnvHost: String = "localhost"

    @Flag(help: "Also write http_proxy and https_proxy.")
    var lowercaseEnv = false

    @Flag(help: "Do not add the Speedscale namespace to Istio Sidecar egress hosts.")
    var noSidecarEgress = false

    @Option(help: ArgumentHelp("The namespace Speedscale runs in.", valueName: "namespace"))
    var speedscaleNamespace: String = "speedscale"

    @Flag(help: "Replace conflicting annotation and variable values instead of failing.")
    var overwrite = false

    @Flag(help: "Leave workloads that cannot be injected unchanged and write the rest, instead of failing the run.")
    var skipFailed = false

    func validate() throws {
        if let proxyPort, !(1...65535).contains(proxyPort) {
            throw ValidationError("--proxy-port must be a port number (1-65535), not \(proxyPort)")
        }
        if !(1...65535).contains(outboundPort) {
            throw ValidationError("--outbound-port must be a port number (1-65535), not \(outboundPort)")
        }
    }

    var options: InjectOptions {
        var options = InjectOptions()
        options.mode = mode
        options.proxyPort = proxyPort
        options.container = container
        options.proxyProtocol = proxyProtocol
        options.proxyHost = proxyHost
        options.tlsOut = tlsOut
        options.outboundPort = outboundPort
        options.proxyEnvHost = proxyEnvHost
        options.lowercaseEnv = lowercaseEnv
        options.overwrite = overwrite
        options.sidecarEgress = !noSidecarEgress
        options.speedscaleNamespace = speedscaleNamespace
        return options
    }

    func run() throws {
        let inputs = try CommandInputs.read(filenames)
        let results: [InjectionResult]
        do {
            results = try Injector(options: options).inject(inputs.map { ManifestInput(file: $0.name, source: YAMLSource($0.bytes)) })
        } catch {
            StandardError.write("\(error.description)\n")
            throw ExitCode(2)
        }
        let outcomes = results.flatMap(\.outcomes)
        ReportPrinter.print(outcomes)
        for note in results.flatMap(\.notes) {
            StandardError.write("note: \(note)\n")
        }
        let failed = outcomes.filter(\.isFailure)
        if !failed.isEmpty && !skipFailed {
            StandardError.write("error: \(failed.count) workload(s) could not be injected; nothing was written (use --skip-failed to write the rest)\n")
            throw ExitCode(1)
        }
        StandardOutput.write(StreamJoiner.join(results.map(\.output)))
    }
}

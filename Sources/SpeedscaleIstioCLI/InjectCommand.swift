import ArgumentParser
import SpeedscaleIstio

extension InjectOptions.Mode: ExpressibleByArgument {}
extension InjectOptions.ProxyProtocol: ExpressibleByArgument {}

/// `inject`: add the Speedscale-in-Istio configuration to workloads.
struct Inject: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Add the Speedscale sidecar's Istio configuration to workload manifests.",
        discussion: """
            Reads Deployments, StatefulSets and other workloads and writes them back with the \
            dual-mode annotations and the proxy environment on the app container. Only the lines \
            that must change are changed; everything else is written back byte for byte.
            """
    )

    @OptionGroup(title: "Input")
    var input: InputOptions

    @OptionGroup(title: "Selection")
    var selection: SelectionOptions

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

    @Flag(help: "Also write http_proxy and https_proxy.")
    var lowercaseEnv = false

    @Option(help: ArgumentHelp("Hosts for NO_PROXY, comma-separated; merged with an existing value.", valueName: "hosts"))
    var noProxy: String?

    @Flag(help: "Add sidecar.speedscale.com/istio-cni: \"true\" (Istio installed with its CNI agent).")
    var istioCni = false

    @OptionGroup(title: "Proxy and mesh")
    var mesh: MeshOptions

    @Flag(help: "Replace conflicting annotation and variable values instead of failing.")
    var overwrite = false

    @Flag(help: "Leave workloads that cannot be injected unchanged and write the rest, instead of failing the run.")
    var skipFailed = false

    @OptionGroup(title: "Output")
    var output: OutputOptions

    func validate() throws {
        if let proxyPort, !(1...65535).contains(proxyPort) {
            throw ValidationError("--proxy-port must be a port number (1-65535), not \(proxyPort)")
        }
        try output.validate(for: input)
    }

    var options: InjectOptions {
        var options = InjectOptions()
        options.mode = mode
        options.proxyPort = proxyPort
        options.container = container
        options.proxyProtocol = proxyProtocol
        options.proxyHost = proxyHost
        options.tlsOut = tlsOut
        options.lowercaseEnv = lowercaseEnv
        options.noProxy = (noProxy ?? "").split(separator: ",").map { String($0.filter { $0 != " " }) }.filter { !$0.isEmpty }
        options.istioCNI = istioCni
        mesh.apply(to: &options)
        options.overwrite = overwrite
        options.selector = selection.selector
        return options
    }

    /// Injects `inputs` with the options these flags give: what `run` writes, and what the
    /// KRM function writes back as items.
    func transform(_ inputs: [ManifestInput]) throws(InjectError) -> [InjectionResult] {
        try Injector(options: options).inject(inputs)
    }

    func run() throws {
        try ManifestPipeline(input: input, output: output, skipFailed: skipFailed, changedWord: "injected").run { inputs throws(InjectError) in
            try transform(inputs)
        }
    }
}

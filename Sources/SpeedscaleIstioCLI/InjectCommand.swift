import ArgumentParser
import SpeedscaleIstio

extension CaptureProfile: ExpressibleByArgument {}
extension ForwardProtocol: ExpressibleByArgument {}
extension EnvironmentPlacement: ExpressibleByArgument {}
extension RuntimeChoice: ExpressibleByArgument {}

/// `inject`: add the Speedscale configuration to workloads.
struct Inject: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Add the Speedscale sidecar's Istio configuration to workload manifests.",
        discussion: """
            Reads Deployments, StatefulSets and other workloads and writes them back with the \
            annotations of the chosen profile and, for dual and forward, the proxy environment on \
            the app container. Only the lines that must change are changed; everything else is \
            written back byte for byte. A workload that already declares another profile keeps \
            it unless --mode is given, and is then converted.
            """
    )

    @OptionGroup(title: "Input")
    var input: InputOptions

    @OptionGroup(title: "Selection")
    var selection: SelectionOptions

    @Option(help: ArgumentHelp(
        "The profile: dual (reverse + forward proxy; forward when the app has no inbound port), forward, transparent (operator v1.4.227 and later) or ebpf (eBPF capture, no sidecar). Default: dual, and a workload's own profile is kept.",
        valueName: "profile"))
    var mode: CaptureProfile?

    @Option(help: ArgumentHelp("The port the app listens on (proxy-port). Default: the app container's single containerPort, else one a Service or probe points at.", valueName: "port"))
    var proxyPort: Int?

    @Option(help: ArgumentHelp("The app container's name. Default: inferred.", valueName: "name"))
    var container: String?

    @Option(help: ArgumentHelp(
        "The app's runtime, which decides how it is told to use the forward proxy: generic (the proxy variables), java (JVM flags in JAVA_TOOL_OPTIONS, or with --tls-out in sidecar.speedscale.com/tls-java-tool-options-value), node (also NODE_USE_ENV_PROXY=1), python or ruby (also the lowercase variables), go or dotnet (socks5:// for --protocol socks4), or auto: detected from the app container's image, command and variables. Default: the runtime a workload's current entries show, else auto.",
        valueName: "runtime"))
    var runtime: RuntimeChoice?

    @Option(name: .customLong("protocol"), help: ArgumentHelp("The forward proxy protocol: http (default), socks5 or socks4.", valueName: "protocol"))
    var forwardProtocol: ForwardProtocol?

    @Option(help: ArgumentHelp("Where the reverse proxy forwards inbound traffic (proxy-host). Default: localhost.", valueName: "host"))
    var proxyHost: String?

    @Flag(inversion: .prefixedNo, help: "Enable outbound TLS interception (tls-out).")
    var tlsOut: Bool?

    @Flag(inversion: .prefixedNo, help: "Also write http_proxy, https_proxy and no_proxy.")
    var lowercaseEnv: Bool?

    @Option(help: ArgumentHelp("Hosts added to NO_PROXY, comma-separated (localhost,127.0.0.1 is always there); merged with an existing value.", valueName: "hosts"))
    var noProxy: String?

    @Flag(inversion: .prefixedNo, help: "Add sidecar.speedscale.com/istio-cni: \"true\" (Istio installed with its CNI agent).")
    var istioCni: Bool?

    @Option(help: ArgumentHelp(
        "Where the proxy variables go: container (the app container's env, the default) or annotation (sidecar.speedscale.com/extra-container-env-vars, applied by the operator to every non-sidecar container, only when it adds the sidecar).",
        valueName: "place"))
    var envVia: EnvironmentPlacement?

    @OptionGroup(title: "Proxy and mesh")
    var mesh: MeshOptions

    @OptionGroup
    var configurationFile: ConfigurationOption

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

    /// The options these flags give over `configuration` (the configuration file's).
    func options(configuration: LintConfiguration) -> InjectOptions {
        var options = InjectOptions()
        options.request.mode = mode
        options.request.hints = WorkloadHints(container: container, proxyPort: proxyPort, runtime: runtime)
        options.request.forwardProtocol = forwardProtocol
        options.request.proxyHost = proxyHost
        options.request.tlsOut = tlsOut
        options.request.lowercaseEnv = lowercaseEnv
        options.request.noProxy = noProxy.map(MeshOptions.hosts)
        options.request.istioCNI = istioCni
        options.request.environmentPlacement = envVia
        mesh.apply(to: &options, configuration: configuration)
        options.overwrite = overwrite
        options.selector = selection.selector
        return options
    }

    /// Injects `inputs` with the options these flags give over `configuration`: what `run`
    /// writes, and what the KRM function writes back as items.
    func transform(_ inputs: [ManifestInput], configuration: LintConfiguration) throws(InjectError) -> [InjectionResult] {
        try Injector(options: options(configuration: configuration)).inject(inputs, workers: input.workers)
    }

    func run() throws {
        let pipeline = ManifestPipeline(input: input, output: output, skipFailed: skipFailed, changedWord: "injected")
        let configuration: LintConfiguration
        do {
            configuration = try configurationFile.load()
        } catch {
            throw pipeline.stop(RunError(error))
        }
        try pipeline.run { inputs throws(InjectError) in
            try transform(inputs, configuration: configuration)
        }
    }
}

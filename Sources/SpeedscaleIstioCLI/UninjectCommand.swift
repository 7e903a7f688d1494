import ArgumentParser
import SpeedscaleIstio

/// `uninject`: remove exactly what inject adds.
struct Uninject: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Remove what inject adds: the Speedscale annotations, the proxy variables and the Sidecar egress host.",
        discussion: """
            Only values this tool writes are removed: the annotations of the profile a workload \
            declares, proxy variables that point at the sidecar's forward proxy (its \
            proxy-out-port, or --outbound-port), and the NO_PROXY hosts inject adds (localhost, \
            127.0.0.1 and those of --no-proxy). Variables that point at the sidecar are also \
            removed from workloads without the sidecar, whose outbound traffic would otherwise go \
            nowhere.
            """
    )

    @OptionGroup(title: "Input")
    var input: InputOptions

    @OptionGroup(title: "Selection")
    var selection: SelectionOptions

    @Option(help: ArgumentHelp("Hosts inject added to NO_PROXY with --no-proxy, comma-separated, to remove as well.", valueName: "hosts"))
    var noProxy: String?

    @OptionGroup(title: "Proxy and mesh")
    var mesh: MeshOptions

    @Flag(help: "Leave workloads that cannot be uninjected unchanged and write the rest, instead of failing the run.")
    var skipFailed = false

    @OptionGroup(title: "Output")
    var output: OutputOptions

    @OptionGroup
    var configurationFile: ConfigurationOption

    func validate() throws {
        try output.validate(for: input)
    }

    func run() throws {
        let pipeline = ManifestPipeline(input: input, output: output, skipFailed: skipFailed, changedWord: "uninjected")
        var options = InjectOptions()
        do {
            mesh.apply(to: &options, configuration: try configurationFile.load())
        } catch {
            throw pipeline.stop(RunError(error))
        }
        options.request.noProxy = noProxy.map(MeshOptions.hosts)
        options.selector = selection.selector
        let uninjector = Uninjector(options: options)
        try pipeline.run { inputs throws(InjectError) in
            try uninjector.uninject(inputs, workers: input.workers)
        }
    }
}

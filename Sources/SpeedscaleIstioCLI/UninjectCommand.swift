import ArgumentParser
import SpeedscaleIstio

/// `uninject`: remove exactly what inject adds.
struct Uninject: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Remove what inject adds: the Speedscale annotations, the proxy variables and the Sidecar egress host.",
        discussion: "Proxy variables are removed only when they hold a value inject writes for the given --proxy-env-host and --outbound-port."
    )

    @OptionGroup(title: "Input")
    var input: InputOptions

    @OptionGroup(title: "Selection")
    var selection: SelectionOptions

    @OptionGroup(title: "Proxy and mesh")
    var mesh: MeshOptions

    @OptionGroup(title: "Output")
    var output: OutputOptions

    func validate() throws {
        try output.validate(for: input)
    }

    func run() throws {
        var options = InjectOptions()
        mesh.apply(to: &options)
        options.selector = selection.selector
        let uninjector = Uninjector(options: options)
        try ManifestPipeline(input: input, output: output, skipFailed: false, changedWord: "uninjected").run { inputs throws(InjectError) in
            try uninjector.uninject(inputs)
        }
    }
}

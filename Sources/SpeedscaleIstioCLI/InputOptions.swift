import ArgumentParser
import SpeedscaleIstio
import SpliceYAML

/// The flags that name the manifests to read, shared by every subcommand that reads them.
struct InputOptions: ParsableArguments {
    @Option(
        name: [.short, .customLong("filename")],
        help: ArgumentHelp(
            "A manifest file, a directory (its .yaml, .yml and .json files), or - for standard input (repeatable). Without -f, standard input is read when it is not a terminal.",
            valueName: "path"),
        completion: .file(extensions: Array(InputReader.manifestExtensions).sorted()))
    var filenames: [String] = []

    @Flag(name: [.customShort("R"), .long], help: "Also read the subdirectories of -f directories.")
    var recursive = false

    /// Reads every input, in the order given, directories in sorted order.
    /// - Throws: ``InputError`` naming the path that could not be read.
    func read() throws(InputError) -> [ManifestInput] {
        try InputReader(recursive: recursive).read(filenames).map { ManifestInput(file: $0.name, source: YAMLSource($0.bytes)) }
    }
}

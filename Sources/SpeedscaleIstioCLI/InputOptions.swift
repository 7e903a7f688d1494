import ArgumentParser
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#endif
import SpliceYAML

/// The flags that name the manifests to read, shared by every subcommand that reads them.
struct InputOptions: ParsableArguments {
    /// The default of `--max-input-size`: 256 MiB.
    static let defaultMaximumSize = ByteCount(bytes: 256 << 20)

    @Option(
        name: [.short, .customLong("filename")],
        help: ArgumentHelp(
            "A manifest file, a directory (its .yaml, .yml and .json files), or - for standard input (repeatable). Without -f, standard input is read when it is not a terminal.",
            valueName: "path"),
        completion: .file(extensions: Array(InputReader.manifestExtensions).sorted()))
    var filenames: [String] = []

    @Flag(name: [.customShort("R"), .long], help: "Also read the subdirectories of -f directories.")
    var recursive = false

    @Option(
        name: .customLong("exclude"),
        help: ArgumentHelp(
            "Skip what matches this glob in -f directories (repeatable): a name at any depth ('*_test.yaml', 'charts') or a path from the directory ('charts/**', 'overlays/*/secret.yaml'); * stays within a name, ** crosses folders, a trailing / matches folders only. Files named with -f are always read.",
            valueName: "glob"))
    var excludes: [String] = []

    @Option(
        help: ArgumentHelp(
            "Refuse a file, or standard input, larger than this: a number of bytes, or with a unit (64MiB, 1GiB, 500KB).",
            valueName: "size"))
    var maxInputSize: ByteCount = Self.defaultMaximumSize

    @Option(
        help: ArgumentHelp(
            "How many threads parse, change and check the inputs (files side by side, a long stream in pieces). The output is the same for any number. Default: the number of cores.",
            valueName: "n"))
    var jobs: Int?

    /// The threads `--jobs` allows.
    var workers: Workers {
        Workers(jobs ?? ProcessInfo.processInfo.activeProcessorCount)
    }

    func validate() throws {
        if let jobs, jobs < 1 {
            throw ValidationError("--jobs must be at least 1, not \(jobs)")
        }
    }

    /// Reads every input, in the order given, directories in sorted order; `rewriting` when the
    /// files are to be rewritten in place (only regular files are accepted).
    /// - Throws: ``InputError`` naming the path that could not be read.
    func read(rewriting: Bool = false) throws(InputError) -> InputBatch {
        try InputReader(recursive: recursive, maximumSize: maxInputSize, exclusions: PathExclusions(excludes), rewriting: rewriting, workers: workers)
            .read(filenames)
    }
}

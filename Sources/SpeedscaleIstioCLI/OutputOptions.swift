import ArgumentParser
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#endif
import SpeedscaleIstio

/// The flags that say where results go and how the report looks, shared by every subcommand
/// that rewrites manifests.
struct OutputOptions: ParsableArguments {
    /// The report's format on standard error.
    enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
        /// One line per object and a summary.
        case text
        /// One JSON object.
        case json
    }

    @Flag(name: [.short, .customLong("in-place")], help: "Rewrite the files that change, atomically, instead of writing to standard output.")
    var inPlace = false

    @Flag(help: "With --in-place, also replace files that have other hard links (those names keep the old content).")
    var breakHardlinks = false

    @Flag(help: "Write a unified diff per changed file (for patch -p1 or git apply) instead of the manifests.")
    var diff = false

    @Flag(help: "Change nothing; exit 1 and list the files and objects when something would change.")
    var check = false

    @OptionGroup
    var colors: ColorOptions

    @Flag(name: [.short, .long], help: "Report only failures.")
    var quiet = false

    @Option(help: ArgumentHelp("The report's format on standard error: text or json.", valueName: "format"))
    var report: ReportFormat = .text

    func validate() throws {
        if inPlace && diff {
            throw ValidationError("--in-place and --diff cannot be combined: --in-place writes nothing on standard output")
        }
        if breakHardlinks && !inPlace {
            throw ValidationError("--break-hardlinks applies only to --in-place")
        }
        if inPlace && check {
            throw ValidationError("--check changes nothing, so it cannot be combined with --in-place")
        }
    }

    /// Checks the flags against the inputs: `--in-place` needs files. (Standard input named with
    /// `-f`, as `-` or `/dev/stdin`, is refused when the inputs are read, in the report's format.)
    func validate(for input: InputOptions) throws {
        if inPlace && input.filenames.isEmpty {
            throw ValidationError("--in-place needs files to rewrite: give -f FILE or -f DIRECTORY")
        }
    }

    /// Whether the diff is coloured: `always`, or `auto` on a terminal without `NO_COLOR`.
    var colorsDiff: Bool {
        colors.usesColor(writingTo: STDOUT_FILENO)
    }
}

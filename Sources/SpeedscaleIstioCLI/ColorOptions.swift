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

/// `--color`, shared by every subcommand that colours what it prints (inject's diff, lint's
/// text report).
struct ColorOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Colour the output (a diff, lint's text report): auto (on a terminal, unless NO_COLOR is set), always or never.", valueName: "when"))
    var color: ColorMode = .auto

    /// Whether to colour what goes to `descriptor`: `always`, or `auto` on a terminal without `NO_COLOR`.
    func usesColor(writingTo descriptor: Int32) -> Bool {
        color.usesColor(isTerminal: isatty(descriptor) != 0, environment: ProcessInfo.processInfo.environment)
    }
}

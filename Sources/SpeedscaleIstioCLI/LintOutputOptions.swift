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

/// Where lint's report goes and how it looks: `--format`, `-o`, and the shared `--color`.
struct LintOutputOptions: ParsableArguments {
    @Option(help: "The report format: text, json or sarif.")
    var format: ReportFormat = .text

    @Option(name: [.short, .long], help: ArgumentHelp("Write the report to this file instead of standard output.", valueName: "file"), completion: .file())
    var output: String?

    @OptionGroup
    var colors: ColorOptions

    /// Whether the text report is coloured: only the text format, and only on a terminal
    /// unless `--color always`.
    var colorsReport: Bool {
        guard format == .text else { return false }
        return output == nil ? colors.usesColor(writingTo: STDOUT_FILENO) : colors.color == .always
    }
}

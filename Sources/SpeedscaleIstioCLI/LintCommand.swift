import ArgumentParser
import Foundation
import SpeedscaleIstio
import SpliceYAML

extension ReportFormat: ExpressibleByArgument {}
extension ColorMode: ExpressibleByArgument {}
extension Severity: ExpressibleByArgument {}

/// The `--fail-on` threshold: a severity, or `none`.
enum FailThreshold: String, ExpressibleByArgument, CaseIterable {
    case error, warning, info, none

    var severity: Severity? { Severity(rawValue: rawValue) }
}

/// `lint`: report what would break Speedscale capture inside Istio. Never changes a file.
struct Lint: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check manifests for Speedscale-in-Istio mistakes, with file, line and column.",
        discussion: """
            Reads the same inputs as inject and never changes them. Exit codes: 0 nothing at or \
            above --fail-on was reported, 1 something was, 2 bad usage, unreadable or unparsable \
            input, or an invalid configuration. Configuration: .speedscale-istio.yaml in the \
            working directory or the git root, or --config FILE.
            """
    )

    @OptionGroup(title: "Input")
    var input: InputOptions

    @Option(help: "The report format: text, json or sarif.")
    var format: ReportFormat = .text

    @Option(name: [.short, .long], help: ArgumentHelp("Write the report to this file instead of standard output.", valueName: "file"))
    var output: String?

    @Option(help: "Exit 1 when a finding at or above this severity is reported: error, warning, info or none.")
    var failOn: FailThreshold = .error

    @Option(help: "Report only findings at or above this severity: error, warning or info.")
    var minSeverity: Severity = .info

    @Option(help: ArgumentHelp("The configuration file (default: .speedscale-istio.yaml in the working directory or the git root).", valueName: "file"))
    var config: String?

    @Option(help: "Colour the text report: auto (on a terminal, unless NO_COLOR is set), always or never.")
    var color: ColorMode = .auto

    @Flag(help: "Print the rule catalogue (text or json) and exit.")
    var listRules = false

    func run() throws {
        let configuration = try loadConfiguration()
        if listRules {
            guard format != .sarif else { throw ValidationError("--list-rules prints text or json") }
            try write(format == .json ? RuleCatalogue.json(configuration: configuration) : RuleCatalogue.listing(configuration: configuration))
            return
        }
        let inputs: [ManifestInput]
        do {
            let batch = try input.read()
            batch.skipped.forEach { StandardError.write("note: \($0.path): skipped: \($0.reason)\n") }
            inputs = batch.manifests
        } catch {
            StandardError.write(RunError(error).line + "\n")
            throw ExitCode(2)
        }
        let report = Linter(configuration: configuration).lint(inputs)
        for failure in report.failures {
            StandardError.write("\(failure.description)\n")
        }
        let shown = report.filtered(minimum: minSeverity)
        let colors = format == .text && color.usesColor(
            isTerminal: output == nil && isatty(FileHandle.standardOutput.fileDescriptor) == 1,
            environment: ProcessInfo.processInfo.environment)
        try write(format.render(shown, colors: colors))
        StandardError.write(LintSummary.line(report: report, shown: shown, inputs: inputs.count))
        if !report.failures.isEmpty { throw ExitCode(2) }
        if let threshold = failOn.severity, shown.hasFinding(atOrAbove: threshold) { throw ExitCode(1) }
    }

    /// `--config FILE`, else the file found from the working directory, else the defaults.
    private func loadConfiguration() throws -> LintConfiguration {
        guard let path = config ?? ConfigurationLocator.find(from: FileManager.default.currentDirectoryPath) else {
            return LintConfiguration()
        }
        do {
            return try ConfigurationLocator.load(path)
        } catch {
            StandardError.write("error: invalid configuration: \(error.description)\n")
            throw ExitCode(2)
        }
    }

    /// Writes the report to `--output` or standard output.
    private func write(_ text: String) throws {
        guard let output else {
            StandardOutput.write(Array(text.utf8))
            return
        }
        guard FileManager.default.createFile(atPath: output, contents: Data(text.utf8)) else {
            StandardError.write("error: \(output): cannot be written\n")
            throw ExitCode(2)
        }
    }
}

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

    @OptionGroup(title: "Selection")
    var selection: SelectionOptions

    @OptionGroup(title: "Output")
    var report: LintOutputOptions

    @Option(help: "Exit 1 when a finding at or above this severity is reported: error, warning, info or none.")
    var failOn: FailThreshold = .error

    @Option(help: "Report only findings at or above this severity: error, warning or info.")
    var minSeverity: Severity = .info

    @OptionGroup
    var configuration: ConfigurationOption

    @Flag(help: "Print the rule catalogue (text or json) and exit.")
    var listRules = false

    func run() throws {
        let configuration = try loadConfiguration()
        if listRules {
            guard report.format != .sarif else { throw ValidationError("--list-rules prints text or json") }
            try write(report.format == .json ? RuleCatalogue.json(configuration: configuration) : RuleCatalogue.listing(configuration: configuration))
            return
        }
        let inputs: [ManifestInput]
        do {
            let batch = try input.read()
            batch.skipped.forEach { StandardError.write("note: \($0.path): skipped: \($0.reason)\n") }
            inputs = batch.manifests(workers: input.workers)
        } catch {
            StandardError.write(RunError(error).line + "\n")
            throw ExitCode(2)
        }
        let found = lint(inputs, configuration: configuration)
        for failure in found.failures {
            StandardError.write("\(failure.description)\n")
        }
        let shown = shown(found)
        try write(report.format.render(shown, colors: report.colorsReport))
        StandardError.write(LintSummary.line(report: found, shown: shown, inputs: inputs.count))
        if !found.failures.isEmpty { throw ExitCode(2) }
        if fails(shown) { throw ExitCode(1) }
    }

    /// The findings over `inputs`, with the configuration in force: what `run` reports, and
    /// what the KRM function writes as results.
    /// With `-l`, findings about workloads the selector does not pick are left out (the
    /// workloads still count for the rules about Istio objects around them).
    func lint(_ inputs: [ManifestInput], configuration: LintConfiguration) -> LintReport {
        let report = Linter(configuration: configuration).lint(inputs, workers: input.workers)
        guard let selector = selection.selector else { return report }
        return UnselectedWorkloads(inputs, selector: selector).removing(from: report)
    }

    /// The report `run` and the KRM function show: only findings at or above `--min-severity`.
    func shown(_ report: LintReport) -> LintReport {
        report.filtered(minimum: minSeverity)
    }

    /// Whether `shown` has a finding at or above `--fail-on`, which makes the run exit 1.
    func fails(_ shown: LintReport) -> Bool {
        failOn.severity.map { shown.hasFinding(atOrAbove: $0) } ?? false
    }

    /// `--config FILE`, else the file found from the working directory, else the defaults.
    func loadConfiguration() throws -> LintConfiguration {
        do {
            return try configuration.load()
        } catch {
            StandardError.write("error: invalid configuration: \(error.description)\n")
            throw ExitCode(2)
        }
    }

    /// Writes the report to `--output` or standard output.
    private func write(_ text: String) throws {
        guard let output = report.output else {
            StandardOutput.write(Array(text.utf8))
            return
        }
        guard FileManager.default.createFile(atPath: output, contents: Data(text.utf8)) else {
            StandardError.write("error: \(output): cannot be written\n")
            throw ExitCode(2)
        }
    }
}

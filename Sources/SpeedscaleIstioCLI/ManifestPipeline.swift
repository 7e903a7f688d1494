import ArgumentParser
import Foundation
import SpeedscaleIstio

/// Read → transform → write, for every subcommand that rewrites manifests: reads the inputs
/// named by ``InputOptions``, hands them to a transform (inject, uninject, …), then writes the
/// results where ``OutputOptions`` say (standard output, the files, a diff, or nowhere for
/// `--check`) and reports on standard error. Holds no rule logic.
struct ManifestPipeline {
    /// Turns the inputs into results, one per input, in order.
    typealias Transform = ([ManifestInput]) throws(InjectError) -> [InjectionResult]

    /// Which manifests to read.
    let input: InputOptions
    /// Where the results go and how the report looks.
    let output: OutputOptions
    /// Whether failed objects are left unchanged and the rest written, instead of writing nothing (D9).
    let skipFailed: Bool
    /// The report's word for a changed object (`injected`).
    let changedWord: String

    /// Runs the pipeline.
    /// - Throws: `ExitCode` 2 when an input cannot be read or parsed; otherwise the verdict's
    ///   exit code when it is not 0.
    func run(_ transform: Transform) throws(ExitCode) {
        let inputs: [ManifestInput]
        let results: [InjectionResult]
        do {
            inputs = try input.read()
        } catch {
            StandardError.write("error: \(error.description)\n")
            throw ExitCode(2)
        }
        do {
            results = try transform(inputs)
        } catch {
            StandardError.write("\(error.description)\n")
            throw ExitCode(2)
        }
        let verdict = write(results)
        let report = RunReport(results: results, verdict: verdict, quiet: output.quiet, changedWord: changedWord)
        switch output.report {
        case .text: StandardError.write(report.text)
        case .json: StandardError.write(String(decoding: report.json, as: UTF8.self))
        }
        if verdict.exitCode != 0 { throw ExitCode(verdict.exitCode) }
    }

    /// Writes the results as asked, unless an object failed without `--skip-failed`.
    private func write(_ results: [InjectionResult]) -> RunVerdict {
        let failed = results.flatMap(\.outcomes).filter(\.isFailure).count
        if failed > 0 && !skipFailed { return .blocked(failed: failed) }
        let changed = results.filter(\.changed)
        if output.diff {
            let diffs = DiffWriter(colored: output.colorsDiff, currentDirectory: FileManager.default.currentDirectoryPath)
            StandardOutput.write(diffs.bytes(for: changed))
        }
        if output.check {
            return changed.isEmpty ? .done(rewritten: nil) : .wouldChange(files: changed.count)
        }
        if output.inPlace {
            do {
                try InPlaceWriter().write(changed.map { .init(path: $0.file, bytes: $0.output) })
            } catch {
                return .writeFailed(error.description)
            }
            return .done(rewritten: changed.count)
        }
        if !output.diff { StandardOutput.write(StreamJoiner.join(results.map(\.output))) }
        return .done(rewritten: nil)
    }
}

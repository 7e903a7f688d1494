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
    ///   exit code when it is not 0. Every error is told in the report's format.
    func run(_ transform: Transform) throws(ExitCode) {
        let batch: InputBatch
        do {
            batch = try input.read(rewriting: output.inPlace)
        } catch {
            throw finish(results: [], verdict: .stopped(RunError(error)), skipped: [])
        }
        let results: [InjectionResult]
        do {
            results = try transform(batch.manifests(workers: input.workers))
        } catch {
            throw finish(results: [], verdict: .stopped(RunError(error)), skipped: batch.skipped)
        }
        let unparsable = results.compactMap { result in result.parseError.map { RunError(.unparsable(file: result.file, error: $0)) } }
        if let only = unparsable.first, results.count == 1 {
            throw finish(results: [], verdict: .stopped(only), skipped: batch.skipped)
        }
        if !unparsable.isEmpty && (!skipFailed || unparsable.count == results.count) {
            throw finish(results: results, verdict: .unparsable(unparsable, skipFailed: skipFailed), skipped: batch.skipped)
        }
        let verdict = write(results, identities: batch.inputs.map(\.identity))
        let exit = finish(results: results, verdict: verdict, skipped: batch.skipped)
        if exit != .success { throw exit }
    }

    /// Reports `error`, which stopped the run before any input was read, in the report's
    /// format; returns the exit code (2).
    func stop(_ error: RunError) -> ExitCode {
        finish(results: [], verdict: .stopped(error), skipped: [])
    }

    /// Prints the report in the chosen format; returns the verdict's exit code.
    private func finish(results: [InjectionResult], verdict: RunVerdict, skipped: [SkippedInput]) -> ExitCode {
        let report = RunReport(
            results: results, verdict: verdict, quiet: output.quiet, changedWord: changedWord, skipped: skipped, workers: input.workers)
        switch output.report {
        case .text: StandardError.write(report.text)
        case .json: StandardError.write(String(decoding: report.json, as: UTF8.self))
        }
        return ExitCode(verdict.exitCode)
    }

    /// Writes the results as asked, unless an object failed without `--skip-failed`.
    /// `identities` are those of the inputs, in the order of the results.
    private func write(_ results: [InjectionResult], identities: [FileIdentity?]) -> RunVerdict {
        let failed = results.reduce(0) { $0 + $1.outcomes.count(where: \.isFailure) }
        if failed > 0 && !skipFailed { return .blocked(failed: failed) }
        let changed = zip(results, identities).filter { result, _ in result.changed }
        if output.diff {
            let diffs = DiffWriter(colored: output.colorsDiff, currentDirectory: FileManager.default.currentDirectoryPath)
            StandardOutput.write(diffs.bytes(for: changed.map(\.0)))
        }
        if output.check {
            return changed.isEmpty ? .done(rewritten: nil) : .wouldChange(files: changed.count)
        }
        if output.inPlace {
            do {
                let rewrites = changed.map { result, identity in InPlaceWriter.Rewrite(path: result.file, bytes: result.output, identity: identity) }
                try InPlaceWriter(breakHardLinks: output.breakHardlinks).write(rewrites)
            } catch {
                return .writeFailed(error.description, rewritten: error.rewritten)
            }
            return .done(rewritten: changed.count)
        }
        if !output.diff { StandardOutput.write(StreamJoiner.join(results.map(\.output))) }
        return .done(rewritten: nil)
    }
}

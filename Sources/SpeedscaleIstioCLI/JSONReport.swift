import Foundation
import SpeedscaleIstio

extension RunReport {
    /// The report as one JSON object: `objects`, `files`, `skipped`, `summary`, `status`,
    /// `written` and, when the run did not succeed, `message` (and `error` when it stopped on an
    /// input that could not be read or parsed, or on an internal error).
    var json: [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let body = JSONReportBody(
            objects: listedOutcomes.map { outcome in
                var reason: String?
                var reasons: [String]?
                switch outcome.status {
                case .skipped(let text): reason = text
                case .failed(let texts): reasons = texts
                case .injected, .uninjected, .unchanged: break
                }
                return .init(
                    object: outcome.name, namespace: outcome.namespace, file: outcome.file, line: outcome.line,
                    status: word(for: outcome.status), reason: reason, reasons: reasons, notes: outcome.notes)
            },
            files: results.map { .init(file: $0.file, changed: $0.changed, notes: $0.notes) },
            skipped: skipped.map { .init(file: $0.path, reason: $0.reason) },
            summary: jsonSummary,
            status: verdict.status,
            written: wroteOutput,
            message: verdict.message(changedWord: changedWord),
            error: stoppingError.map { error in
                .init(file: error.file, line: error.location?.line, column: error.location?.column, problem: error.problem)
            })
        // Encoding plain strings, numbers and arrays cannot fail.
        let data = (try? encoder.encode(body)) ?? Data("{}".utf8)
        return [UInt8](data) + [0x0A]
    }

    /// The error that stopped the run, if one did.
    private var stoppingError: RunError? {
        if case .stopped(let error) = verdict { return error }
        return nil
    }

    /// The counts by status word, with `objects`, `filesChanged` and, after `--in-place`, `filesRewritten`.
    private var jsonSummary: [String: Int] {
        var summary = Dictionary(counts.map { ($0.word, $0.count) }) { first, _ in first }
        summary["objects"] = outcomes.count
        summary["filesChanged"] = changedResults.count
        if case .done(let rewritten?) = verdict { summary["filesRewritten"] = rewritten }
        return summary
    }
}

/// The JSON report's shape.
private struct JSONReportBody: Encodable {
    /// One object's outcome.
    struct Object: Encodable {
        let object: String
        let namespace: String?
        let file: String
        let line: Int
        let status: String
        let reason: String?
        let reasons: [String]?
        let notes: [String]
    }

    /// One input.
    struct File: Encodable {
        let file: String
        let changed: Bool
        let notes: [String]
    }

    /// A directory entry that was not read.
    struct Skipped: Encodable {
        let file: String
        let reason: String
    }

    /// The error that stopped the run: where (as much as is known) and what.
    struct Failure: Encodable {
        let file: String?
        let line: Int?
        let column: Int?
        let problem: String
    }

    let objects: [Object]
    let files: [File]
    let skipped: [Skipped]
    let summary: [String: Int]
    let status: String
    let written: Bool
    let message: String?
    let error: Failure?
}

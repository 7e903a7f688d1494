import Foundation
import SpeedscaleIstio

extension RunReport {
    /// The report as one JSON object: `objects`, `files`, `summary`, `status` and, when the
    /// run did not succeed, `message`.
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
            summary: jsonSummary,
            status: verdict.status,
            message: verdict.message(changedWord: changedWord))
        // Encoding plain strings, numbers and arrays cannot fail.
        let data = (try? encoder.encode(body)) ?? Data("{}".utf8)
        return [UInt8](data) + [0x0A]
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

    let objects: [Object]
    let files: [File]
    let summary: [String: Int]
    let status: String
    let message: String?
}

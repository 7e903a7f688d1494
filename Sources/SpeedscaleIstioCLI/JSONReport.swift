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
                case .failed(let problems): reasons = problems.map(OutcomeWording.text)
                case .kept(let profile, let target): reason = OutcomeWording.kept(profile, convertTo: target)
                case .converted(let from, let to): reason = "\(from.rawValue) → \(to.rawValue)"
                case .injected, .uninjected, .unchanged: break
                }
                return .init(
                    object: outcome.name, namespace: outcome.namespace, file: outcome.file, line: outcome.line,
                    status: word(for: outcome.status), reason: reason, reasons: reasons, notes: outcome.notes,
                    decision: outcome.decision.map(JSONReportBody.Decision.init))
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
        let decision: Decision?
    }

    /// What inject decided for a workload, and why.
    struct Decision: Encodable {
        let profile: String
        let profileReason: String?
        let keptProfile: String?
        let container: String?
        let port: Int?
        let portSource: String?

        init(_ decision: InjectDecision) {
            profile = decision.profile.rawValue
            profileReason = decision.profileReason
            keptProfile = decision.kept?.rawValue
            container = decision.container
            port = decision.port?.number
            portSource = decision.port.map { port in
                switch port.source {
                case .requested: return "requested"
                case .annotation: return "annotation"
                case .containerPort: return "containerPort"
                case .service(let name): return "service/\(name)"
                case .probe: return "probe"
                }
            }
        }
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

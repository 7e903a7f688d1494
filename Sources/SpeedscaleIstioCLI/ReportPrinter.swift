import SpeedscaleIstio

/// Prints inject's per-workload report and summary on standard error.
enum ReportPrinter {
    static func print(_ outcomes: [WorkloadOutcome]) {
        var counts = (injected: 0, unchanged: 0, skipped: 0, failed: 0)
        for outcome in outcomes {
            let place = "\(outcome.file):\(outcome.line)"
            switch outcome.status {
            case .injected:
                counts.injected += 1
                StandardError.write("\(outcome.name) (\(place)) injected\n")
            case .uninjected:
                counts.injected += 1
                StandardError.write("\(outcome.name) (\(place)) uninjected\n")
            case .unchanged:
                counts.unchanged += 1
                StandardError.write("\(outcome.name) (\(place)) unchanged\n")
            case .skipped(let reason):
                counts.skipped += 1
                StandardError.write("\(outcome.name) (\(place)) skipped: \(reason)\n")
            case .failed(let reasons):
                counts.failed += 1
                StandardError.write("\(outcome.name) (\(place)) failed: \(reasons.joined(separator: "; "))\n")
            }
            for note in outcome.notes {
                StandardError.write("  note: \(note)\n")
            }
        }
        StandardError.write("\(outcomes.count) workload(s): \(counts.injected) injected, \(counts.unchanged) unchanged, \(counts.skipped) skipped, \(counts.failed) failed\n")
    }
}

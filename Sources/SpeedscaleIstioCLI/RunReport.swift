import SpeedscaleIstio

/// What the report on standard error says about a run: every object's outcome, the notes, a
/// summary and how the run ended. Printed as text (``text``) or JSON (``json``).
struct RunReport {
    /// The results, one per input.
    let results: [InjectionResult]
    /// How the run ended.
    let verdict: RunVerdict
    /// Whether only failures are reported (`-q`).
    let quiet: Bool
    /// The word for a changed object (`injected`).
    let changedWord: String

    /// Every object's outcome, in input order.
    var outcomes: [WorkloadOutcome] { results.flatMap(\.outcomes) }

    /// The outcomes the report lists: all of them, or only failures when quiet.
    var listedOutcomes: [WorkloadOutcome] { quiet ? outcomes.filter(\.isFailure) : outcomes }

    /// The results whose output differs from their input.
    var changedResults: [InjectionResult] { results.filter(\.changed) }

    /// The status of an outcome as one word (`injected`, `converted`, `unchanged`, `kept`,
    /// `skipped`, `failed`).
    func word(for status: WorkloadOutcome.Status) -> String {
        switch status {
        case .injected, .uninjected: return changedWord
        case .converted: return "converted"
        case .unchanged: return "unchanged"
        case .kept: return "kept"
        case .skipped: return "skipped"
        case .failed: return "failed"
        }
    }

    /// How many objects have each status word, in the order the summary lists them.
    var counts: [(word: String, count: Int)] {
        let words = [changedWord, "converted", "unchanged", "kept", "skipped", "failed"]
        let statuses = outcomes.map { word(for: $0.status) }
        return words.map { word in (word, statuses.filter { $0 == word }.count) }
    }

    /// Where an object is: `FILE`, or `FILE:LINE` for a failure, which must be found and fixed.
    func place(of outcome: WorkloadOutcome) -> String {
        outcome.isFailure ? "\(outcome.file):\(outcome.line)" : outcome.file
    }
}

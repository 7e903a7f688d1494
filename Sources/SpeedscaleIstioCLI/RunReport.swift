import SpeedscaleIstio
import SpliceYAML

/// What the report on standard error says about a run: every object's outcome, the notes, a
/// summary and how the run ended. Printed as text (``text``) or JSON (``json``).
struct RunReport {
    /// The results, one per input (none when the run stopped on an error).
    let results: [InjectionResult]
    /// How the run ended.
    let verdict: RunVerdict
    /// Whether only failures are reported (`-q`).
    let quiet: Bool
    /// The word for a changed object (`injected`).
    let changedWord: String
    /// The entries of `-f` directories that were not read.
    var skipped: [SkippedInput] = []
    /// The threads that write the lines of a long report (`--jobs`).
    var workers: Workers = .one

    /// Every object's outcome, in input order.
    var outcomes: [WorkloadOutcome] { results.flatMap(\.outcomes) }

    /// The outcomes the report lists: all of them, or only failures when quiet.
    var listedOutcomes: [WorkloadOutcome] { quiet ? results.flatMap { $0.outcomes.filter(\.isFailure) } : outcomes }

    /// The inputs that are not YAML, in input order.
    var unparsable: [RunError] {
        results.compactMap { result in result.parseError.map { RunError(.unparsable(file: result.file, error: $0)) } }
    }

    /// The results whose output differs from their input.
    var changedResults: [InjectionResult] { results.filter(\.changed) }

    /// Whether the run wrote its output: the manifests or the diff on standard output, or the
    /// rewritten files. Not when objects failed, `--check` found changes, or the run stopped.
    var wroteOutput: Bool {
        if case .done = verdict { return true }
        return false
    }

    /// Whether the changes to the objects of `file` were written.
    func wrote(_ file: String) -> Bool {
        if case .writeFailed(_, let rewritten) = verdict { return rewritten.contains(file) }
        return wroteOutput
    }

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

    /// The text report's word for an outcome: as ``word(for:)``, except that a change that was
    /// not written is `would be injected`.
    func textWord(for outcome: WorkloadOutcome) -> String {
        let word = word(for: outcome.status)
        return (word == changedWord || word == "converted") && !wrote(outcome.file) ? "would be \(word)" : word
    }

    /// How many objects have each status word, in the order the summary lists them.
    var counts: [(word: String, count: Int)] {
        count([changedWord, "converted", "unchanged", "kept", "skipped", "failed"]) { word(for: $0.status) }
    }

    /// How many objects have each of `words`, by `word`.
    func count(_ words: [String], by word: (WorkloadOutcome) -> String) -> [(word: String, count: Int)] {
        let statuses = results.flatMap { $0.outcomes.map(word) }
        return words.map { word in (word, statuses.filter { $0 == word }.count) }
    }

    /// Where an object is: `FILE`, or `FILE:LINE` for a failure, which must be found and fixed.
    func place(of outcome: WorkloadOutcome) -> String {
        outcome.isFailure ? "\(outcome.file):\(outcome.line)" : outcome.file
    }
}

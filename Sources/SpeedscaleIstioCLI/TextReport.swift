import SpeedscaleIstio
import SpliceYAML

extension RunReport {
    /// The report as lines of text: `deployment/web (FILE) injected` (`would be injected` when
    /// nothing was written), notes, a summary, the files `--check` found would change, and the
    /// error that ended the run.
    var text: String {
        var lines: [String] = []
        let listed = listedOutcomes
        // Only lines that name a place need the templates (reading them scans every input).
        let namesPlaces = !listed.isEmpty || (!quiet && results.contains { !$0.notes.isEmpty })
        let sources = TemplateSources(namesPlaces ? results : [])
        if !quiet { lines += skipped.map { "note: \($0.path): skipped: \($0.reason)" } }
        if case .unparsable = verdict {} else {
            // With --skip-failed, files that are not YAML are passed through unchanged.
            lines += unparsable.map { "note: \($0.description) (not YAML: passed through unchanged)" }
        }
        // A long run's outcomes are written out in batches side by side, joined in order.
        let batches = workers.batches(listed, minimumSize: 1_024)
        lines += workers.map(batches) { batch in batch.flatMap { self.lines(for: $0, in: sources) } }.joined()
        if !quiet {
            lines += results.flatMap { result in result.notes.map { "note: \(note($0, of: result, in: sources))" } }
            if results.contains(where: { $0.parseError == nil }) { lines.append(summary) }
        }
        switch verdict {
        case .wouldChange:
            for result in changedResults {
                let objects = result.outcomes.filter(\.status.isChange).map(\.name)
                lines.append("would change: \(result.file)" + (objects.isEmpty ? "" : " (\(objects.joined(separator: ", ")))"))
            }
        case .blocked, .writeFailed:
            if let message = verdict.message(changedWord: changedWord) { lines.append("error: \(message)") }
        case .stopped(let error):
            lines.append(error.line)
        case .unparsable(let errors, _):
            lines += errors.map(\.line)
            if let message = verdict.message(changedWord: changedWord) { lines.append("error: \(message)") }
        case .done:
            break
        }
        return lines.isEmpty ? "" : lines.joined(separator: "\n") + "\n"
    }

    /// The lines of one outcome: `deployment/web (FILE) injected`, then (unless quiet) what
    /// was decided, with its advice and notes.
    private func lines(for outcome: WorkloadOutcome, in sources: TemplateSources) -> [String] {
        var lines = ["\(outcome.name) (\(place(of: outcome, in: sources))) \(line(for: outcome))"]
        if !quiet {
            if let decision = outcome.decision {
                lines.append("  decided: " + OutcomeWording.decided(decision))
                lines += decision.advice.map { "  note: \($0)" }
            }
            lines += outcome.notes.map { "  note: \($0)" }
        }
        return lines
    }

    /// `injected (forward only: no inbound port)`, `would be injected` (when nothing was
    /// written), `converted dual → transparent`, `unchanged`, `kept: transparent profile (...)`,
    /// `skipped: REASON` or `failed: REASONS`.
    private func line(for outcome: WorkloadOutcome) -> String {
        switch outcome.status {
        case .injected, .uninjected, .unchanged: return textWord(for: outcome) + OutcomeWording.qualifier(of: outcome.decision)
        case .converted(let from, let to):
            return textWord(for: outcome) + " \(from.rawValue) → \(to.rawValue)" + OutcomeWording.qualifier(of: outcome.decision)
        case .kept(let profile, let target): return "kept: " + OutcomeWording.kept(profile, convertTo: target)
        case .skipped(let reason): return "skipped: \(reason)"
        case .failed(let problems): return "failed: \(problems.map { OutcomeWording.text(of: $0) }.joined(separator: "; "))"
        }
    }

    /// `3 objects: 1 injected, 1 unchanged, 1 skipped, 0 failed` (`would be injected` for
    /// changes not written; converted and kept only when some are), and with `--in-place` the
    /// files rewritten.
    private var summary: String {
        let unwritten = "would be \(changedWord)"
        var counts = count([changedWord, unwritten, "converted", "would be converted", "unchanged", "kept", "skipped", "failed"]) { textWord(for: $0) }
        // One of the two words for a change, or both when a failed rename wrote some files.
        let changeWords = counts.prefix(2).filter { $0.count > 0 }
        counts.replaceSubrange(0..<2, with: changeWords.isEmpty ? [(wroteOutput ? changedWord : unwritten, 0)] : changeWords)
        counts.removeAll { ["converted", "would be converted", "kept"].contains($0.word) && $0.count == 0 }
        var summary = "\(Plural.count(outcomes.count, "object")): \(counts.map { "\($0.count) \($0.word)" }.joined(separator: ", "))"
        if case .done(let rewritten?) = verdict { summary += "; \(Plural.count(rewritten, "file")) rewritten" }
        return summary
    }
}

import SpeedscaleIstio

/// How a run ended, once the results were written (or not): what the report says last and the
/// exit code.
enum RunVerdict {
    /// Everything asked was done; with `--in-place`, how many files were rewritten.
    case done(rewritten: Int?)
    /// Objects failed and `--skip-failed` was not given: nothing was written (D9).
    case blocked(failed: Int)
    /// `--check` found files that would change.
    case wouldChange(files: Int)
    /// `--in-place` could not write; no file was changed (or, past the point of no return, the
    /// message lists those that were, and `rewritten` holds them).
    case writeFailed(String, rewritten: [String])
    /// An input could not be read or parsed, or an edit failed: nothing was written.
    case stopped(RunError)
    /// Inputs are not YAML (each is named), and `--skip-failed` was not given or no input was
    /// left: nothing was written.
    case unparsable([RunError], skipFailed: Bool)

    /// The process exit code: 0 done, 1 blocked or would change, 2 the files could not be
    /// written or the run stopped on an error.
    var exitCode: Int32 {
        switch self {
        case .done: return 0
        case .blocked, .wouldChange: return 1
        case .writeFailed, .stopped, .unparsable: return 2
        }
    }

    /// A short name for the JSON report.
    var status: String {
        switch self {
        case .done: return "ok"
        case .blocked: return "failed"
        case .wouldChange: return "would-change"
        case .writeFailed: return "write-failed"
        case .stopped(let error): return error.kind.rawValue
        case .unparsable: return RunError.Kind.parse.rawValue
        }
    }

    /// What went wrong, in one sentence, or nil when nothing did.
    func message(changedWord: String) -> String? {
        switch self {
        case .done: return nil
        case .blocked(let failed):
            return "\(Plural.count(failed, "object")) could not be \(changedWord); nothing was written (use --skip-failed to write the rest)"
        case .wouldChange(let files): return "\(Plural.count(files, "file")) would change"
        case .writeFailed(let reason, _): return reason
        case .stopped(let error): return error.description
        case .unparsable(let errors, let skipFailed):
            let files = Plural.count(errors.count, "file")
            return skipFailed
                ? "no input could be processed: \(files) \(errors.count == 1 ? "is" : "are") not YAML"
                : "\(files) \(errors.count == 1 ? "is" : "are") not YAML; nothing was written (use --skip-failed to pass \(errors.count == 1 ? "it" : "them") through unchanged and write the rest)"
        }
    }
}

/// Counted nouns: `1 object`, `2 objects`.
enum Plural {
    /// `count` and `noun`, with an `s` unless the count is one.
    static func count(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }
}

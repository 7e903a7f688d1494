/// How the shell should treat the candidates: cobra's `ShellCompDirective` bits, which
/// kubectl's own completion and the scripts in `completions/` read from the last line.
struct CompletionDirective: OptionSet, Sendable, Equatable {
    let rawValue: Int

    /// Something went wrong; offer nothing.
    static let error = CompletionDirective(rawValue: 1)
    /// Do not add a space after the completion.
    static let noSpace = CompletionDirective(rawValue: 2)
    /// Do not fall back to file names when there is no candidate.
    static let noFileCompletion = CompletionDirective(rawValue: 4)
    /// The candidates are file extensions: offer the files that have one (and directories).
    static let filterFileExtensions = CompletionDirective(rawValue: 8)
    /// Offer directory names only.
    static let filterDirectories = CompletionDirective(rawValue: 16)
    /// Keep the candidates in the order given.
    static let keepOrder = CompletionDirective(rawValue: 32)
}

/// The answer to one completion request: the candidates, then how to treat them.
struct CompletionReply: Sendable, Equatable {
    /// One word to offer, with what it means.
    struct Candidate: Sendable, Equatable {
        /// The word.
        let value: String
        /// A short description that zsh and fish show beside it.
        let description: String?
    }

    /// The words to offer, in order.
    var candidates: [Candidate]
    /// How the shell should treat them.
    var directive: CompletionDirective

    /// A reply that offers nothing and no file names either.
    static let nothing = CompletionReply(candidates: [], directive: .noFileCompletion)

    /// The reply in the protocol's words: one `value<TAB>description` line per candidate, then
    /// `:DIRECTIVE`.
    func text(withDescriptions: Bool = true) -> String {
        var lines = candidates.map { candidate in
            guard withDescriptions, let description = candidate.description, !description.isEmpty else { return candidate.value }
            return candidate.value + "\t" + description
        }
        lines.append(":\(directive.rawValue)")
        return lines.map { $0 + "\n" }.joined()
    }
}

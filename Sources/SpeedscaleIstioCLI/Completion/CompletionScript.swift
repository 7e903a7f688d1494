import ArgumentParser

/// The shells that `completion SHELL` writes a script for. Each script asks
/// `kubectl-speedscale_istio __complete WORDS…` (the protocol kubectl itself uses through
/// `kubectl_complete-speedscale_istio`), so the shells and kubectl offer the same candidates,
/// all read from the command definitions.
enum CompletionShell: String, CaseIterable, ExpressibleByArgument, Sendable {
    case bash, zsh, fish

    /// The script's text.
    var script: String {
        switch self {
        case .bash: return BashCompletionScript.text
        case .zsh: return ZshCompletionScript.text
        case .fish: return FishCompletionScript.text
        }
    }
}

/// `completion SHELL`: print a shell completion script.
struct Completion: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print a shell completion script for kubectl-speedscale_istio and kubectl speedscale-istio.",
        discussion: """
            bash: source <(kubectl-speedscale_istio completion bash). zsh: source <(kubectl-speedscale_istio \
            completion zsh) after compinit. fish: kubectl-speedscale_istio completion fish | source. \
            kubectl's own completion completes `kubectl speedscale-istio …` through the \
            kubectl_complete-speedscale_istio executable installed beside the plugin; the scripts \
            complete that form themselves only when kubectl's completion is not loaded.
            """
    )

    @Argument(help: "The shell: bash, zsh or fish.")
    var shell: CompletionShell

    func run() {
        StandardOutput.write(Array(shell.script.utf8))
    }
}

/// argument-parser's own `--generate-completion-script SHELL` flag, answered with the scripts
/// above so that there is one kind of script whichever way it is asked for.
enum CompletionRequest {
    /// The shell asked for with `--generate-completion-script SHELL` (or `=SHELL`) as the first
    /// arguments, when it is one of ours.
    static func scriptShell(in arguments: [String]) -> CompletionShell? {
        guard let first = arguments.first else { return nil }
        let flag = "--generate-completion-script"
        if first == flag, arguments.count > 1 { return CompletionShell(rawValue: arguments[1]) }
        if first.hasPrefix(flag + "=") { return CompletionShell(rawValue: String(first.dropFirst(flag.count + 1))) }
        return nil
    }
}

/// Completes a command line from the command tree, as kubectl's plugin completion protocol
/// asks: given the words typed after the plugin's name, the last one being completed, it
/// offers subcommands, flags, flag values (from each option's value list), rule IDs for
/// `explain`, and file names for path options. Flags of the default subcommand are offered
/// at the top level too, since `kubectl speedscale-istio --protocol socks5` runs inject.
struct CompletionEngine: Sendable {
    /// The commands to complete.
    let tree: CommandTree

    /// What the walk over the typed words found.
    private struct Position {
        /// The command the words have reached.
        var command: CommandNode
        /// Whether no subcommand has been named yet.
        var atRoot: Bool
        /// How many positional arguments were typed.
        var positionals = 0
        /// The flags and options already given, by their first spelling.
        var given: Set<String> = []
        /// The option whose value comes next.
        var pending: ArgumentNode?
        /// Whether `--` was typed.
        var terminated = false
    }

    /// The reply for `words`: everything typed after the plugin's name, the last word being
    /// the one to complete (empty after a space).
    func complete(_ words: [String]) -> CompletionReply {
        let current = words.last ?? ""
        var position = Position(command: tree.root, atRoot: true)
        for word in words.dropLast() {
            advance(&position, over: word)
        }
        if let option = position.pending {
            return values(of: option, matching: current)
        }
        if !position.terminated && current.hasPrefix("-") {
            return flagOrValue(current, at: position)
        }
        return positional(current, at: position)
    }

    /// The default subcommand (`inject`).
    private var defaultCommand: CommandNode? {
        tree.defaultSubcommand.flatMap { tree.root.subcommand(named: $0) }
    }

    /// The command whose flags apply at `position`: at the top level, a flag the root does
    /// not have belongs to the default subcommand.
    private func command(for spelling: String, at position: Position) -> CommandNode {
        if position.atRoot, position.command.argument(spelled: spelling) == nil,
           let fallback = defaultCommand, fallback.argument(spelled: spelling) != nil {
            return fallback
        }
        return position.command
    }

    /// Moves past one typed word.
    private func advance(_ position: inout Position, over word: String) {
        if position.pending != nil {
            position.pending = nil
            return
        }
        if position.terminated {
            position.positionals += 1
            return
        }
        if word == "--" {
            position.terminated = true
            return
        }
        if word.hasPrefix("-") && word.count > 1 {
            let spelling = word.hasPrefix("--") ? String(word.prefix { $0 != "=" }) : String(word.prefix(2))
            let owner = command(for: spelling, at: position)
            if owner.commandName != position.command.commandName {
                position = Position(command: owner, atRoot: false, given: position.given)
            }
            guard let (argument, valueFollows) = resolve(word, in: owner) else { return }
            position.given.insert(argument.spellings.first ?? word)
            if valueFollows { position.pending = argument }
            return
        }
        if position.positionals == 0, let subcommand = position.command.subcommand(named: word) {
            position = Position(command: subcommand, atRoot: false)
            return
        }
        if position.atRoot, let fallback = defaultCommand {
            position.command = fallback
            position.atRoot = false
        }
        position.positionals += 1
    }

    /// The flag or option a typed word names, and whether its value is the next word:
    /// `--name`, `--name=value`, `-n`, `-nvalue`, or grouped short flags `-Rq`.
    private func resolve(_ word: String, in command: CommandNode) -> (ArgumentNode, Bool)? {
        if word.hasPrefix("--") {
            let name = String(word.prefix { $0 != "=" })
            guard let argument = command.argument(spelled: name) else { return nil }
            return (argument, argument.takesValue && !word.contains("="))
        }
        var last: (ArgumentNode, Bool)?
        for (offset, letter) in word.dropFirst().enumerated() {
            guard let argument = command.argument(spelled: "-\(letter)") else { return last }
            let isLast = offset == word.count - 2
            if argument.takesValue { return (argument, isLast) }
            last = (argument, false)
        }
        return last
    }

    /// Completes a word that starts with a dash: a flag name, or the value of `--name=`.
    private func flagOrValue(_ current: String, at position: Position) -> CompletionReply {
        if current.hasPrefix("--"), let equals = current.firstIndex(of: "=") {
            let spelling = String(current[..<equals])
            let owner = command(for: spelling, at: position)
            guard let option = owner.argument(spelled: spelling), option.takesValue else { return .nothing }
            return values(of: option, matching: String(current[current.index(after: equals)...]))
        }
        var commands = [position.command]
        if position.atRoot, let fallback = defaultCommand { commands.append(fallback) }
        var offered: Set<String> = []
        var candidates: [CompletionReply.Candidate] = []
        for command in commands {
            for argument in command.namedArguments {
                guard let first = argument.spellings.first, argument.isRepeating || !position.given.contains(first) else { continue }
                for spelling in argument.spellings where spelling.hasPrefix(current) && (current != "--" || spelling.hasPrefix("--")) {
                    guard offered.insert(spelling).inserted else { continue }
                    candidates.append(.init(value: spelling, description: Self.firstSentence(argument.abstract)))
                }
            }
        }
        return CompletionReply(candidates: candidates, directive: .noFileCompletion)
    }

    /// Completes a word that is not a flag: a subcommand, or a positional argument's value.
    private func positional(_ current: String, at position: Position) -> CompletionReply {
        let subcommands = position.command.visibleSubcommands
        if position.positionals == 0 && !subcommands.isEmpty {
            let candidates = subcommands.filter { $0.commandName.hasPrefix(current) }.map {
                CompletionReply.Candidate(value: $0.commandName, description: Self.firstSentence($0.abstract))
            }
            return CompletionReply(candidates: candidates, directive: .noFileCompletion)
        }
        let arguments = position.command.positionals
        guard let argument = arguments.indices.contains(position.positionals)
                ? arguments[position.positionals] : arguments.last.flatMap({ $0.isRepeating ? $0 : nil }) else {
            return .nothing
        }
        return values(of: argument, matching: current)
    }

    /// The values an option or argument takes that start with `prefix`.
    private func values(of argument: ArgumentNode, matching prefix: String) -> CompletionReply {
        switch argument.completionKind {
        case .list(let words):
            return CompletionReply(candidates: words.filter { $0.hasPrefix(prefix) }.map { .init(value: $0, description: nil) }, directive: .noFileCompletion)
        case .file(let extensions):
            if extensions.isEmpty { return CompletionReply(candidates: [], directive: []) }
            return CompletionReply(candidates: extensions.map { .init(value: $0, description: nil) }, directive: .filterFileExtensions)
        case .directory:
            return CompletionReply(candidates: [], directive: .filterDirectories)
        case .other, nil:
            let words = argument.allValues ?? []
            return CompletionReply(candidates: words.filter { $0.hasPrefix(prefix) }.map { .init(value: $0, description: nil) }, directive: .noFileCompletion)
        }
    }

    /// The first sentence of a help text, for a description beside a candidate.
    static func firstSentence(_ text: String?) -> String? {
        guard let text else { return nil }
        if let end = text.firstRange(of: ". ") { return String(text[..<end.lowerBound]) }
        return text.hasSuffix(".") ? String(text.dropLast()) : text
    }
}

/// How what a rule finds is fixed, shown on one manifest: the manifest before, the command
/// (inject, uninject, or the rule's advice followed by hand), and the manifest after. Generated
/// tests check each: the rule no longer fires on `after`, and no rule fires there at error that
/// did not before; for inject and uninject, the command gives `after` exactly, running it again
/// changes nothing, and uninject followed by inject gives `after` back.
public struct RuleCorrection: Sendable, Equatable {
    /// What fixes it.
    public enum Command: Sendable, Equatable {
        /// inject, with the profile request the command line would make.
        case inject(ProfileRequest)
        /// uninject.
        case uninject
        /// The rule's advice, followed by hand: `after` is the manifest as a person changes it.
        case byHand
    }

    /// A manifest the rule reports.
    public let before: String
    /// The command that fixes it.
    public let command: Command
    /// The manifest the command writes.
    public let after: String
    /// The settings lint runs with.
    public let settings: RuleSettings
    /// Where the correction is written, for a failing test to point at.
    public let file: String
    /// The line it starts on.
    public let line: Int

    /// Makes a correction.
    public init(
        _ before: String, _ command: Command = .inject(ProfileRequest()), after: String, settings: RuleSettings = RuleSettings(),
        file: String = #filePath, line: Int = #line
    ) {
        self.before = before
        self.command = command
        self.after = after
        self.settings = settings
        self.file = file
        self.line = line
    }
}

extension RuleCorrection.Command {
    /// inject with a profile request made by `change`.
    public static func injecting(_ change: (inout ProfileRequest) -> Void) -> RuleCorrection.Command {
        var request = ProfileRequest()
        change(&request)
        return .inject(request)
    }
}

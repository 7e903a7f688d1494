import Foundation

/// What the tool knows of the terminal it runs in.
enum Terminal {
    /// Whether standard output is a terminal.
    static var standardOutputIsTerminal: Bool {
        isatty(STDOUT_FILENO) != 0
    }

    /// Whether the user asked for no colour: `NO_COLOR` set to anything but the empty string
    /// (https://no-color.org), or `TERM=dumb`.
    static var noColorRequested: Bool {
        let environment = ProcessInfo.processInfo.environment
        return !(environment["NO_COLOR"] ?? "").isEmpty || environment["TERM"] == "dumb"
    }
}

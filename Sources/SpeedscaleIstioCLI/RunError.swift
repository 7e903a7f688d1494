import SpeedscaleIstio
import SpliceYAML

/// What stopped a run before anything was written: an input that could not be read, one that
/// does not parse, or an edit the tool got wrong. Reported in the run's report format.
struct RunError {
    /// The kind of error; its raw value is the JSON report's `status`.
    enum Kind: String {
        /// An input could not be read, or was refused (too large, not text, not a regular file).
        case input = "input-error"
        /// An input is not valid YAML.
        case parse = "parse-error"
        /// An edit would have broken the document: a bug in the tool.
        case `internal` = "internal-error"
        /// The configuration file cannot be read or is not valid.
        case configuration = "configuration-error"
    }

    /// The kind of error.
    let kind: Kind
    /// The input it is about, when it is about one.
    let file: String?
    /// Where in that input, when known.
    let location: SourceLocation?
    /// What went wrong.
    let problem: String

    /// The error for an input that could not be read.
    init(_ error: InputError) {
        kind = .input
        file = error.file
        location = error.location
        problem = error.problem
    }

    /// The error for an input that could not be transformed. An internal error names the place
    /// in the input of the edit that failed, when the library could tell it.
    init(_ error: InjectError) {
        switch error {
        case .unparsable(let file, let parseError):
            kind = .parse
            self.file = file
            location = parseError.location
            problem = parseError.problem
        case .internalError(let file, let message, let location):
            kind = .internal
            self.file = file
            self.location = location
            problem = "internal error: \(message)"
        }
    }

    /// The error for a configuration file that cannot be used.
    init(_ error: ConfigurationError) {
        kind = .configuration
        file = error.file
        location = error.location
        problem = "invalid configuration: " + error.message
    }

    /// `FILE:LINE:COL: problem`, `FILE: problem` or `problem`.
    var description: String {
        Self.describe(file: file, location: location, problem: problem)
    }

    /// `FILE:LINE:COL: problem`, `FILE: problem` or `problem`, as much as is known.
    static func describe(file: String?, location: SourceLocation?, problem: String) -> String {
        guard let file else { return problem }
        return location.map { "\(file):\($0): \(problem)" } ?? "\(file): \(problem)"
    }

    /// The text report's line: a message with a position reads like a compiler's
    /// (`FILE:LINE:COL: problem`), as do parse and internal errors; others start with `error: `.
    var line: String {
        (kind == .input || kind == .configuration) && location == nil ? "error: \(description)" : description
    }
}

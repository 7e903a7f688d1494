/// What inject did with one workload.
public struct WorkloadOutcome: Sendable, Equatable {
    /// What happened.
    public enum Status: Sendable, Equatable {
        /// The workload was changed.
        case injected
        /// What inject adds was removed (by uninject).
        case uninjected
        /// The workload already had everything.
        case unchanged
        /// The workload was left alone on purpose.
        case skipped(String)
        /// The workload must be injected but cannot be.
        case failed([String])
    }

    /// `kind/name`, as kubectl prints it.
    public var name: String
    /// The namespace, when the manifest gives one.
    public var namespace: String?
    /// The file it came from (`-` for stdin).
    public var file: String
    /// The 1-based line where the object starts.
    public var line: Int
    /// What happened.
    public var status: Status
    /// Remarks that do not change the outcome (an unusual apiVersion, ...).
    public var notes: [String]

    /// Makes an outcome.
    public init(name: String, namespace: String?, file: String, line: Int, status: Status, notes: [String] = []) {
        self.name = name
        self.namespace = namespace
        self.file = file
        self.line = line
        self.status = status
        self.notes = notes
    }

    /// Whether the workload failed.
    public var isFailure: Bool {
        if case .failed = status { return true }
        return false
    }
}

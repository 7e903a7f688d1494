/// What inject (or uninject) did with one object.
public struct WorkloadOutcome: Sendable, Equatable {
    /// What happened.
    public enum Status: Sendable, Equatable {
        /// The object was changed.
        case injected
        /// What inject adds was removed (by uninject).
        case uninjected
        /// The workload was moved from one profile to another.
        case converted(from: CaptureProfile, to: CaptureProfile)
        /// The object already had everything.
        case unchanged
        /// The workload declares another profile than the default, and no profile was asked
        /// for explicitly: it keeps its own, and is converted only on request.
        case kept(CaptureProfile, convertTo: CaptureProfile)
        /// The object was left alone on purpose.
        case skipped(String)
        /// The workload must be injected but cannot be.
        case failed([WorkloadProblem])

        /// Whether the object was changed.
        public var isChange: Bool {
            switch self {
            case .injected, .uninjected, .converted: return true
            case .unchanged, .kept, .skipped, .failed: return false
            }
        }
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
    /// What was decided for the workload, when inject planned it.
    public var decision: InjectDecision? {
        get { decisionBox?.decision }
        set { decisionBox = newValue.map(DecisionBox.init) }
    }
    /// The decision, kept out of line: a long stream's outcomes are many, and most of an
    /// outcome's bytes are its decision's.
    private var decisionBox: DecisionBox?
    /// Remarks that do not change the outcome (an unusual apiVersion, ...).
    public var notes: [String]

    /// Makes an outcome.
    public init(name: String, namespace: String?, file: String, line: Int, status: Status, decision: InjectDecision? = nil, notes: [String] = []) {
        self.name = name
        self.namespace = namespace
        self.file = file
        self.line = line
        self.status = status
        decisionBox = decision.map(DecisionBox.init)
        self.notes = notes
    }

    /// Whether the workload failed.
    public var isFailure: Bool {
        if case .failed = status { return true }
        return false
    }
}

/// An ``InjectDecision`` on the heap, shared by the copies of its outcome.
private final class DecisionBox: Sendable, Equatable {
    let decision: InjectDecision

    init(_ decision: InjectDecision) {
        self.decision = decision
    }

    static func == (left: DecisionBox, right: DecisionBox) -> Bool {
        left.decision == right.decision
    }
}

/// A change to one entry a profile owns.
public enum EntryChange: Sendable, Equatable {
    /// Give the place this value (added, or replaced).
    case set(EntryPlace, String)
    /// Remove what is at the place.
    case remove(EntryPlace)

    /// The place changed.
    public var place: EntryPlace {
        switch self {
        case .set(let place, _), .remove(let place): return place
        }
    }
}

/// What inject decided for one workload, and why: the profile, the app's runtime, the app
/// container and the app port.
public struct InjectDecision: Sendable, Equatable {
    /// The profile written.
    public let profile: CaptureProfile
    /// Why that profile, when it is not the one asked for (`forward only: no inbound port`).
    public let profileReason: String?
    /// The profile the workload declared and kept because no profile was asked for
    /// explicitly (another one is converted to only on request).
    public let kept: CaptureProfile?
    /// The app container's name, when the profile needs one.
    public let container: String?
    /// The app port, in dual mode.
    public let port: AppPort?
    /// Why that profile: `asked for`, `the workload's own`, `the default`.
    public let profileSource: String
    /// Why the app container is the one (`the only container`, `named`), when the profile needs one.
    public let containerReason: String?
    /// The app's runtime and what decided it, for the profiles with a sidecar.
    public let runtime: RuntimeGuess?
    /// What the app needs beyond what inject writes, for its runtime (a package, a CA bundle).
    public let advice: [String]
    /// The configuration file's overrides that applied (`deployment/orders`, `app=batch`).
    public let configuration: [String]

    /// Makes a decision.
    public init(
        profile: CaptureProfile, profileReason: String? = nil, kept: CaptureProfile? = nil, container: String? = nil, port: AppPort? = nil,
        profileSource: String = "the default", containerReason: String? = nil, runtime: RuntimeGuess? = nil, advice: [String] = [],
        configuration: [String] = []
    ) {
        self.profile = profile
        self.profileReason = profileReason
        self.kept = kept
        self.container = container
        self.port = port
        self.profileSource = profileSource
        self.containerReason = containerReason
        self.runtime = runtime
        self.advice = advice
        self.configuration = configuration
    }
}

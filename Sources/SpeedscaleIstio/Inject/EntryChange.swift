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

/// What inject decided for one workload, and why: the profile, the app container and the app port.
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
}

/// The ways this tool sets a workload up for Speedscale capture. Each profile is defined by
/// the entries it owns (``entries``); inject, uninject, conversion and lint all read that one
/// definition.
public enum CaptureProfile: String, Sendable, CaseIterable, Comparable {
    /// The sidecar as a reverse proxy for inbound and a forward proxy for outbound traffic,
    /// the recipe of Speedscale's "Using with Istio" page.
    case dual
    /// The sidecar as a forward proxy only, for workloads without an inbound port (Jobs,
    /// CronJobs, load generators).
    case forward
    /// The sidecar intercepting both directions itself (operator v1.4.227 and later run it
    /// this way beside Istio's Envoy).
    case transparent
    /// No sidecar: Speedscale's eBPF collector captures the workload's traffic, the
    /// recommended way for new installations since 2026.
    case ebpf

    /// Whether the operator adds the Speedscale sidecar for this profile.
    public var usesSidecar: Bool { self != .ebpf }

    /// Whether the app must send its outbound traffic to the sidecar's forward proxy.
    public var usesForwardProxy: Bool { self == .dual || self == .forward }

    /// Whether the sidecar forwards inbound traffic to the app's port.
    public var usesReverseProxy: Bool { self == .dual }

    /// The value of `sidecar.speedscale.com/proxy-type` that declares this profile (nil for
    /// eBPF, which has no sidecar; transparent is also the default when the key is absent).
    public var proxyType: ProxyType? {
        switch self {
        case .dual: return .dual
        case .forward: return .forward
        case .transparent: return .transparent
        case .ebpf: return nil
        }
    }

    public static func < (lhs: CaptureProfile, rhs: CaptureProfile) -> Bool {
        allCases.firstIndex(of: lhs) ?? 0 < allCases.firstIndex(of: rhs) ?? 0
    }
}

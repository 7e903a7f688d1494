/// The profile a workload's annotations declare: what the operator will do with it.
public enum DeclaredProfile: Sendable, Equatable, CustomStringConvertible {
    /// No Speedscale capture is asked for.
    case none
    /// `sidecar.speedscale.com/inject: "false"`: the workload is kept out on purpose.
    case optedOut
    /// One of this tool's profiles; `isPartial` when `inject: "true"` is missing.
    case profile(CaptureProfile, isPartial: Bool)
    /// A sidecar set up in a way none of the profiles describes (for example `proxy-type: "reverse"`).
    case other(String)
    /// Both the sidecar and the eBPF collector are asked for, which the operator rejects.
    case sidecarAndEBPF

    /// Reads the declaration from a workload's annotations (the workload's own first, as the
    /// operator reads them).
    public init(_ annotations: AnnotationSet) {
        let inject = annotations.value(SpeedscaleAnnotation.inject)
        let ebpf = annotations.value(SpeedscaleAnnotation.captureEnabled) == "true"
        let proxyType = annotations.value(SpeedscaleAnnotation.proxyType)
        switch inject {
        case "true":
            if ebpf {
                self = .sidecarAndEBPF
                return
            }
            switch proxyType.map(ProxyType.init(rawValue:)) {
            case nil, .transparent?: self = .profile(.transparent, isPartial: false)
            case .dual?: self = .profile(.dual, isPartial: false)
            case .forward?: self = .profile(.forward, isPartial: false)
            case .reverse?: self = .other("proxy-type \"reverse\"")
            case .some(nil): self = .other("proxy-type \"\(proxyType ?? "")\"")
            }
        case "false":
            self = .optedOut
        default:
            if ebpf {
                self = .profile(.ebpf, isPartial: false)
            } else if let partial = Self.partialSidecarProfile(proxyType: proxyType.flatMap(ProxyType.init(rawValue:))) {
                self = .profile(partial, isPartial: true)
            } else {
                self = .none
            }
        }
    }

    /// The sidecar profile that a `proxy-type` declares without `inject: "true"` (a partial
    /// declaration): "dual" or "forward"; nil for any other type, or none.
    public static func partialSidecarProfile(proxyType: ProxyType?) -> CaptureProfile? {
        switch proxyType {
        case .dual?: return .dual
        case .forward?: return .forward
        default: return nil
        }
    }

    /// The profile of this tool the workload declares, complete or partial.
    public var profile: CaptureProfile? {
        if case .profile(let profile, _) = self { return profile }
        return nil
    }

    /// Whether the operator adds the Speedscale sidecar.
    public var runsSidecar: Bool {
        switch self {
        case .profile(let profile, let isPartial): return profile.usesSidecar && !isPartial
        case .other, .sidecarAndEBPF: return true
        case .none, .optedOut: return false
        }
    }

    /// The declaration as a report names it (`dual profile`, `proxy-type "reverse"`).
    public var description: String {
        switch self {
        case .none: return "no Speedscale capture"
        case .optedOut: return "opted out"
        case .profile(let profile, let isPartial): return "\(isPartial ? "partial " : "")\(profile.rawValue) profile"
        case .other(let text): return text
        case .sidecarAndEBPF: return "both the sidecar and eBPF capture"
        }
    }
}

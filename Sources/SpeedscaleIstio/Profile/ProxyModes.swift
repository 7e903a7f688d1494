/// The values of `sidecar.speedscale.com/proxy-type` (spec §3.2).
public enum ProxyType: String, Sendable, CaseIterable {
    case transparent
    case reverse
    case forward
    case dual

    /// Whether the app must send outbound traffic to the forward proxy itself.
    public var usesForwardProxy: Bool { self == .forward || self == .dual }
    /// Whether the reverse proxy forwards inbound traffic to `proxy-host:proxy-port`.
    public var usesReverseProxy: Bool { self == .reverse || self == .dual }
}

/// The values of `sidecar.speedscale.com/proxy-protocol` (spec §3.1, §3.2).
public enum ProxyProtocolValue: String, Sendable, CaseIterable {
    case tcp
    case http
    case socks
    case tcpHTTP = "tcp:http"
    case tcpSocks = "tcp:socks"

    /// The protocol the forward proxy speaks: the right part of `tcp:X`, else the value itself.
    public var forwardProtocol: ProxyProtocolValue {
        switch self {
        case .tcpHTTP: return .http
        case .tcpSocks: return .socks
        default: return self
        }
    }

    /// Whether `type` accepts this protocol (the validity matrix of §3.2); transparent ignores it.
    public func isValid(with type: ProxyType) -> Bool {
        switch type {
        case .transparent: return true
        case .reverse: return self == .tcp || self == .http || self == .socks
        case .forward: return self == .http || self == .socks
        case .dual: return self != .tcp
        }
    }

    /// The protocols valid with `type`.
    public static func valid(with type: ProxyType) -> [ProxyProtocolValue] {
        allCases.filter { $0.isValid(with: type) }
    }
}

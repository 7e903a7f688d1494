import KubeManifests

/// What `inject` writes, from its flags (DECISIONS.md D1, D3, D4).
public struct InjectOptions: Sendable, Equatable {
    /// The injection profile (D1).
    public enum Mode: String, Sendable, CaseIterable {
        /// Reverse proxy inbound, forward proxy outbound: the seed document's recipe.
        case dual
        /// Only `inject: "true"`: operator v1.4.227 and later run transparently beside Istio.
        case transparent
    }

    /// The forward proxy's protocol, as the application speaks it.
    public enum ProxyProtocol: String, Sendable, CaseIterable {
        case http
        case socks5
        case socks4

        /// The `proxy-protocol` annotation value for dual mode.
        public var annotationValue: String { self == .http ? "tcp:http" : "tcp:socks" }
        /// The URL scheme of the proxy variables.
        public var scheme: String { rawValue }
    }

    /// The profile.
    public var mode: Mode = .dual
    /// The app port (`proxy-port`); inferred when nil (D6).
    public var proxyPort: Int?
    /// The app container's name; inferred when nil (D5).
    public var container: String?
    /// The forward proxy protocol.
    public var proxyProtocol: ProxyProtocol = .http
    /// Where the reverse proxy forwards inbound traffic (`proxy-host`).
    public var proxyHost: String = "localhost"
    /// Whether to add `tls-out: "true"`.
    public var tlsOut: Bool = false
    /// The sidecar's outbound port (`proxy-out-port`, default 4140).
    public var outboundPort: Int = SpeedscaleAnnotation.defaultOutPort
    /// The host in the proxy URLs.
    public var proxyEnvHost: String = "localhost"
    /// Whether to also write `http_proxy` / `https_proxy`.
    public var lowercaseEnv: Bool = false
    /// Hosts for `NO_PROXY`, merged with an existing value.
    public var noProxy: [String] = []
    /// Whether to add `istio-cni: "true"` (transparent mode).
    public var istioCNI: Bool = false
    /// Whether to replace conflicting values instead of failing.
    public var overwrite: Bool = false
    /// Whether to add the Speedscale namespace to Istio `Sidecar` egress hosts (D7).
    public var sidecarEgress: Bool = true
    /// The namespace Speedscale runs in.
    public var speedscaleNamespace: String = "speedscale"
    /// Which workloads to inject, by their `metadata.labels` (`-l`); all when nil.
    public var selector: LabelSelector?

    /// Options with every default.
    public init() {}

    /// The proxy URL inject writes into `HTTP_PROXY` / `HTTPS_PROXY` for `proxyProtocol`.
    public func proxyURL(for proxyProtocol: ProxyProtocol) -> String {
        "\(proxyProtocol.scheme)://\(proxyEnvHost):\(outboundPort)"
    }
}

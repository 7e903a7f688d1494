/// The choices that shape the values a profile writes: the forward proxy's protocol, hosts
/// and ports, TLS, and where the proxy variables go.
public struct ProfileSettings: Sendable, Hashable {
    /// The protocol the app speaks to the forward proxy.
    public var forwardProtocol: ForwardProtocol = .http
    /// Where the reverse proxy forwards inbound traffic (`proxy-host`).
    public var proxyHost = "localhost"
    /// The host in the proxy URLs.
    public var proxyEnvHost = "localhost"
    /// The sidecar's outbound (forward proxy) port (`proxy-out-port`).
    public var outboundPort = SpeedscaleAnnotation.defaultOutPort
    /// Whether outbound TLS is intercepted (`tls-out: "true"`).
    public var tlsOut = false
    /// Whether Istio runs with its CNI agent (`istio-cni: "true"`).
    public var istioCNI = false
    /// Whether the lowercase proxy variables are written too.
    public var lowercaseEnv = false
    /// Hosts added to `NO_PROXY` beyond Speedscale's documented `localhost,127.0.0.1`.
    public var noProxy: [String] = []
    /// Where the proxy variables go.
    public var environmentPlacement: EnvironmentPlacement = .container
    /// The app's runtime, which decides how it is told to use the forward proxy.
    public var runtime: Runtime = .generic
    /// Whether the operator turns tls-out on for every workload (Helm `sidecar.tls_out`), so
    /// that the app must trust the Speedscale CA without the annotation.
    public var tlsOutByOperator = false

    /// The defaults.
    public init() {}

    /// Whether outbound TLS is intercepted: the annotation, or the operator's default.
    public var tlsInForce: Bool { tlsOut || tlsOutByOperator }

    /// The scheme of the proxy URLs: the protocol's, except that Go and .NET get `socks5`
    /// for SOCKS4 (Go's `ProxyFromEnvironment` rejects `socks4://`; Speedscale documents
    /// `socks5://` for both, and the sidecar's SOCKS listener speaks both versions).
    public var proxyScheme: String {
        forwardProtocol == .socks4 && (runtime == .go || runtime == .dotnet) ? ForwardProtocol.socks5.scheme : forwardProtocol.scheme
    }

    /// The proxy URL of `HTTP_PROXY` and `HTTPS_PROXY`.
    public var proxyURL: String {
        "\(proxyScheme)://\(proxyEnvHost):\(outboundPort)"
    }

    /// Where a JVM's flags go: with tls-out in the `tls-java-tool-options-value` annotation,
    /// which the operator writes as the app's one merged `JAVA_TOOL_OPTIONS` (Speedscale's Java
    /// recipe for tls-out); otherwise the app container's `JAVA_TOOL_OPTIONS` (or its line in
    /// `extra-container-env-vars`).
    public var javaOptionsHolder: EntryPlace {
        if tlsInForce { return .annotation(SpeedscaleAnnotation.tlsJavaToolOptionsValue) }
        let name = JavaTrustStore.toolOptionsVariable
        return environmentPlacement == .container ? .variable(name) : .extraVariable(name)
    }

    /// `-Dhttp.nonProxyHosts`: the `NO_PROXY` hosts in the JVM's syntax (`|` between hosts,
    /// `*.svc` for the suffix `.svc`).
    public var javaNonProxyHosts: String {
        noProxyEntries.map { $0.hasPrefix(".") ? "*" + $0 : $0 }.joined(separator: "|")
    }

    /// The `NO_PROXY` entries the forward profiles own, in the order they are written.
    public var noProxyEntries: [String] {
        var entries = ProfileSettings.documentedNoProxy
        for host in noProxy where !entries.contains(host) { entries.append(host) }
        return entries
    }

    /// Speedscale's documented `NO_PROXY` value.
    public static let documentedNoProxy = ["localhost", "127.0.0.1"]
}

/// The protocol an app speaks to the sidecar's forward proxy, as `--protocol` names it.
public enum ForwardProtocol: String, Sendable, CaseIterable {
    case http
    case socks5
    case socks4

    /// The scheme of the proxy URLs.
    public var scheme: String { rawValue }

    /// The `proxy-protocol` annotation value for `profile` (`tcp:http` in dual mode, `http` in forward mode).
    public func annotationValue(for profile: CaptureProfile) -> String {
        let forward = self == .http ? ProxyProtocolValue.http : .socks
        return profile == .dual ? "tcp:" + forward.rawValue : forward.rawValue
    }

    /// The protocol an annotation value and a proxy URL scheme describe, if they agree on one.
    public static func reading(annotation: ProxyProtocolValue?, scheme: String?) -> ForwardProtocol? {
        switch annotation?.forwardProtocol {
        case .http?: return .http
        case .socks?: return scheme == "socks4" ? .socks4 : .socks5
        case nil: return scheme.flatMap(ForwardProtocol.init(rawValue:))
        default: return nil
        }
    }
}

/// Where the proxy variables of the forward profiles go.
public enum EnvironmentPlacement: String, Sendable, CaseIterable {
    /// On the app container's `env`.
    case container
    /// In the `sidecar.speedscale.com/extra-container-env-vars` annotation, which the
    /// operator applies to every non-sidecar container only when it adds the sidecar.
    case annotation
}

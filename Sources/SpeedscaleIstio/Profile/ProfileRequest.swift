/// What was asked of a workload's profile: each choice given (on the command line or in the
/// configuration file) or left nil, in which case the workload's own current entries decide,
/// then the defaults. So a second run without flags keeps what the first one wrote.
public struct ProfileRequest: Sendable, Equatable {
    /// The profile; nil keeps a workload's declared profile and gives others dual.
    public var mode: CaptureProfile?
    /// The forward proxy's protocol.
    public var forwardProtocol: ForwardProtocol?
    /// Where the reverse proxy forwards inbound traffic.
    public var proxyHost: String?
    /// The host in the proxy URLs.
    public var proxyEnvHost: String?
    /// The sidecar's outbound port.
    public var outboundPort: Int?
    /// Outbound TLS interception.
    public var tlsOut: Bool?
    /// Istio's CNI agent.
    public var istioCNI: Bool?
    /// Lowercase proxy variables too.
    public var lowercaseEnv: Bool?
    /// Extra `NO_PROXY` hosts.
    public var noProxy: [String]?
    /// Where the proxy variables go.
    public var environmentPlacement: EnvironmentPlacement?
    /// The app container and port.
    public var hints = WorkloadHints()

    /// Nothing asked.
    public init() {}

    /// `base` with every choice made here put in.
    public func settings(over base: ProfileSettings) -> ProfileSettings {
        var settings = base
        if let forwardProtocol { settings.forwardProtocol = forwardProtocol }
        if let proxyHost { settings.proxyHost = proxyHost }
        if let proxyEnvHost { settings.proxyEnvHost = proxyEnvHost }
        if let outboundPort { settings.outboundPort = outboundPort }
        if let tlsOut { settings.tlsOut = tlsOut }
        if let istioCNI { settings.istioCNI = istioCNI }
        if let lowercaseEnv { settings.lowercaseEnv = lowercaseEnv }
        if let noProxy { settings.noProxy = noProxy }
        if let environmentPlacement { settings.environmentPlacement = environmentPlacement }
        return settings
    }
}

extension ProfileSettings {
    /// The settings a workload's current Speedscale entries were written with, as far as
    /// they show (protocol, hosts and ports, TLS, lowercase variables, where the variables
    /// are); `fallback` for what they do not show (extra `NO_PROXY` hosts among them).
    public init(reading context: WorkloadContext, fallback: ProfileSettings) {
        self = fallback
        let annotations = context.sidecar.annotations
        let environment = context.appContainer.value.map(ProxyEnvironment.init)
        let extra = annotations.value(SpeedscaleAnnotation.extraContainerEnvVars).map(ExtraEnvironment.init)
        let inContainer = ["HTTP_PROXY", "HTTPS_PROXY"].compactMap { environment?.value($0) }.first
        let inExtra = ["HTTP_PROXY", "HTTPS_PROXY"].compactMap { extra?.value($0) }.first
        if inContainer == nil && inExtra != nil { environmentPlacement = .annotation }
        let url = (inContainer ?? inExtra).map(ProxyURL.init)
        let protocolValue = annotations.value(SpeedscaleAnnotation.proxyProtocol).flatMap(ProxyProtocolValue.init(rawValue:))
        if let read = ForwardProtocol.reading(annotation: protocolValue, scheme: url?.scheme) { forwardProtocol = read }
        if let host = annotations.value(SpeedscaleAnnotation.proxyHost) { proxyHost = host }
        if let url, url.hostIsLoopback { proxyEnvHost = url.host }
        if let port = annotations.value(SpeedscaleAnnotation.proxyOutPort).flatMap(PortNumber.parse) { outboundPort = port }
        tlsOut = annotations.isTrue(SpeedscaleAnnotation.tlsOut)
        istioCNI = annotations.isTrue(SpeedscaleAnnotation.istioCNI)
        let lowercase = ["http_proxy", "https_proxy"]
        lowercaseEnv = lowercase.contains { environment?.value($0) != nil || extra?.value($0) != nil }
    }
}

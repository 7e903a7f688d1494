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
        if let runtime = hints.runtime?.runtime { settings.runtime = runtime }
        return settings
    }

    /// The settings for the workload of `context`: `base` with every choice made here put in,
    /// and with `--runtime auto` the runtime detected in the app container.
    public func settings(over base: ProfileSettings, for context: WorkloadContext) -> ProfileSettings {
        var settings = self.settings(over: base)
        if hints.runtime == .auto { settings.runtime = context.runtime.runtime }
        return settings
    }

    /// The runtime the workload gets and why: the one asked for or detected with `auto`;
    /// otherwise the one its current entries show, else the one detected.
    public func runtime(for context: WorkloadContext) -> RuntimeGuess {
        runtime(for: context, current: ProfileSettings.currentRuntime(of: context))
    }

    /// ``runtime(for:)``, with `current` the workload's current runtime (read only when needed,
    /// or already read by ``ProfileSettings/reading(_:fallback:entries:)``).
    func runtime(for context: WorkloadContext, current: @autoclosure () -> RuntimeGuess) -> RuntimeGuess {
        hints.runtime == nil ? current() : context.runtime
    }
}

extension ProfileSettings {
    /// The settings a workload's current Speedscale entries were written with, as far as
    /// they show (protocol, hosts and ports, TLS, lowercase variables, where the variables
    /// are); `fallback` for what they do not show (extra `NO_PROXY` hosts among them).
    public init(reading context: WorkloadContext, fallback: ProfileSettings) {
        self = Self.reading(context, fallback: fallback).settings
    }

    /// ``init(reading:fallback:)``'s settings, with the runtime they show and why (what
    /// ``currentRuntime(of:)`` tells), read together; `entries` are the workload's current
    /// entries with its app container, when read already.
    static func reading(
        _ context: WorkloadContext, fallback: ProfileSettings, entries: CurrentEntries? = nil
    ) -> SettingsReading {
        var settings = fallback
        let annotations = context.sidecar.annotations
        let environment = context.appContainer.value.map(ProxyEnvironment.init)
        let extra = annotations.value(SpeedscaleAnnotation.extraContainerEnvVars).map(ExtraEnvironment.init)
        let inContainer = SettingsReading.proxyURLVariables.compactMap { environment?.value($0) }
        let inExtra = SettingsReading.proxyURLVariables.compactMap { extra?.value($0) }
        let javaProxy = Self.javaProxy(of: context, entries: entries)
        if inContainer.isEmpty && (!inExtra.isEmpty || javaProxy?.holder == .extraVariable(JavaTrustStore.toolOptionsVariable)) {
            settings.environmentPlacement = .annotation
        }
        let protocolAnnotation = annotations.value(SpeedscaleAnnotation.proxyProtocol).flatMap(ProxyProtocolValue.init(rawValue:))
        let proxyURLs = inContainer + inExtra
        settings.read(proxyURLs.first.map(ProxyURL.init), protocolAnnotation: protocolAnnotation, javaProxyHost: javaProxy?.host)
        if let host = annotations.value(SpeedscaleAnnotation.proxyHost) { settings.proxyHost = host }
        if let port = annotations.value(SpeedscaleAnnotation.proxyOutPort).flatMap(PortNumber.parse) { settings.outboundPort = port }
        settings.tlsOut = annotations.isTrue(SpeedscaleAnnotation.tlsOut)
        settings.istioCNI = annotations.isTrue(SpeedscaleAnnotation.istioCNI)
        let lowercase = ["http_proxy", "https_proxy"]
        settings.lowercaseEnv = lowercase.contains { environment?.value($0) != nil || extra?.value($0) != nil }
        settings.tlsOutByOperator = context.settings.assumeTLSOut
        let runtime = Self.currentRuntime(of: context, hasJavaProxy: javaProxy != nil, environment: environment, extra: extra)
        settings.runtime = runtime.runtime
        return SettingsReading(
            settings: settings, runtime: runtime, proxyURLs: proxyURLs, protocolAnnotation: protocolAnnotation, javaProxyHost: javaProxy?.host)
    }

    /// The runtime a workload's current entries show: JVM proxy flags pointing at the pod
    /// itself are Java's, `NODE_USE_ENV_PROXY` Node's; otherwise the app container's
    /// runtime as detected (or asked for).
    public static func currentRuntime(of context: WorkloadContext) -> RuntimeGuess {
        currentRuntime(
            of: context, hasJavaProxy: javaProxy(of: context) != nil,
            environment: context.appContainer.value.map(ProxyEnvironment.init),
            extra: context.sidecar.annotations.value(SpeedscaleAnnotation.extraContainerEnvVars).map(ExtraEnvironment.init))
    }

    /// ``currentRuntime(of:)`` from what the caller has read already: whether the workload has
    /// JVM proxy flags, its app container's variables and its `extra-container-env-vars`.
    private static func currentRuntime(
        of context: WorkloadContext, hasJavaProxy: Bool, environment: ProxyEnvironment?, extra: ExtraEnvironment?
    ) -> RuntimeGuess {
        if hasJavaProxy {
            return RuntimeGuess(.java, reason: "the workload's JVM proxy flags")
        }
        let nodeSwitch = RuntimeSwitches.nodeUseEnvProxy
        if environment?.isSet(nodeSwitch) == true || extra?.value(nodeSwitch) != nil {
            return RuntimeGuess(.node, reason: "the workload's \(nodeSwitch)")
        }
        return context.runtime
    }

    /// The loopback host of the JVM proxy flags of the places this tool writes them (the app
    /// container's `JAVA_TOOL_OPTIONS`, its line in `extra-container-env-vars`, the
    /// `tls-java-tool-options-value` annotation), and the place, if any.
    /// `entries` are the workload's current entries with its app container, when read already.
    static func javaProxy(of context: WorkloadContext, entries: CurrentEntries? = nil) -> (host: String, holder: EntryPlace)? {
        let entries = entries ?? CurrentEntries(context.workload, container: context.appContainer.value)
        let variable = JavaTrustStore.toolOptionsVariable
        let holders: [EntryPlace] = [.variable(variable), .extraVariable(variable), .annotation(SpeedscaleAnnotation.tlsJavaToolOptionsValue)]
        for holder in holders {
            guard let text = entries.value(at: holder).text else { continue }
            for name in JavaProxyProperties.hosts {
                if let host = JavaOptionsText.property(name, in: text), ProxyURL.isLoopback(host) { return (host, holder) }
            }
        }
        return nil
    }
}

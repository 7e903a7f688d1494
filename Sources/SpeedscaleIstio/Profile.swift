/// The annotations and proxy environment a workload must end up with, for given options
/// and app port: DECISIONS.md D3 (dual) or D1 (transparent), and D4.
public struct Profile: Sendable, Equatable {
    /// Workload annotations, in the order they are written.
    public var annotations: [(key: String, value: String)]
    /// Proxy variables for the app container, in the order they are written.
    public var environment: [(name: String, value: String)]

    /// The profile of `options` for a workload whose app listens on `appPort`.
    public init(options: InjectOptions, appPort: Int?) {
        var annotations: [(String, String)] = [(SpeedscaleAnnotation.inject, "true")]
        var environment: [(String, String)] = []
        switch options.mode {
        case .transparent:
            if options.istioCNI { annotations.append((SpeedscaleAnnotation.istioCNI, "true")) }
            if options.tlsOut { annotations.append((SpeedscaleAnnotation.tlsOut, "true")) }
        case .dual:
            annotations.append((SpeedscaleAnnotation.captureMode, "proxy"))
            annotations.append((SpeedscaleAnnotation.proxyType, "dual"))
            annotations.append((SpeedscaleAnnotation.proxyProtocol, options.proxyProtocol.annotationValue))
            annotations.append((SpeedscaleAnnotation.proxyHost, options.proxyHost))
            if let appPort { annotations.append((SpeedscaleAnnotation.proxyPort, String(appPort))) }
            if options.tlsOut { annotations.append((SpeedscaleAnnotation.tlsOut, "true")) }
            if options.outboundPort != SpeedscaleAnnotation.defaultOutPort {
                annotations.append((SpeedscaleAnnotation.proxyOutPort, String(options.outboundPort)))
            }
            if options.istioCNI { annotations.append((SpeedscaleAnnotation.istioCNI, "true")) }
            let url = options.proxyURL(for: options.proxyProtocol)
            environment = [("HTTP_PROXY", url), ("HTTPS_PROXY", url)]
            if options.lowercaseEnv { environment += [("http_proxy", url), ("https_proxy", url)] }
        }
        self.annotations = annotations
        self.environment = environment
    }

    public static func == (lhs: Profile, rhs: Profile) -> Bool {
        lhs.annotations.elementsEqual(rhs.annotations, by: ==) && lhs.environment.elementsEqual(rhs.environment, by: ==)
    }

    /// Whether the profile needs the app container and its port (dual mode).
    public var needsAppContainer: Bool { !environment.isEmpty }
}

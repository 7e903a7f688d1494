import KubeManifests
import SpliceYAML

/// What a workload's Speedscale annotations ask of the sidecar, with the documented
/// defaults filled in (spec §3.1). A value that is not valid reads as `nil`, so rules that
/// need it stay quiet and the rule for that value reports it.
public struct SidecarConfig: Sendable {
    /// The annotations it was read from.
    public let annotations: AnnotationSet
    /// The settings in force.
    public let settings: RuleSettings

    /// Reads the configuration of `workload`.
    public init(_ workload: Workload, settings: RuleSettings) {
        annotations = AnnotationSet(workload)
        self.settings = settings
    }

    /// The `sidecar.speedscale.com/` entries.
    public var sidecarEntries: [AnnotationEntry] {
        annotations.all.filter { $0.key.hasPrefix(SpeedscaleAnnotation.prefix) }
    }

    /// Whether `inject` is `"true"` (the operator adds the sidecar).
    public var isInjected: Bool { annotations.isTrue(SpeedscaleAnnotation.inject) }

    /// The proxy type in force (`transparent` when unset), nil when the value is not valid.
    public var proxyType: ProxyType? {
        guard let text = annotations.value(SpeedscaleAnnotation.proxyType) else { return .transparent }
        return ProxyType(rawValue: text)
    }

    /// The proxy protocol in force (`http` when unset), nil when the value is not valid.
    public var proxyProtocol: ProxyProtocolValue? {
        guard let text = annotations.value(SpeedscaleAnnotation.proxyProtocol) else { return .http }
        return ProxyProtocolValue(rawValue: text)
    }

    /// Whether the app must use the forward proxy: injected, and forward or dual.
    public var needsProxyEnvironment: Bool { isInjected && proxyType?.usesForwardProxy == true }

    /// The port of annotation `key`, or `fallback` when unset; nil when it is not a port number.
    public func port(_ key: String, default fallback: Int?) -> Int? {
        guard let text = annotations.value(key) else { return fallback }
        return PortNumber.parse(text)
    }

    /// The sidecar's inbound listener port.
    public var inPort: Int? { port(SpeedscaleAnnotation.proxyInPort, default: SpeedscaleAnnotation.defaultInPort) }
    /// The sidecar's outbound listener port: the port the app's proxy URL must use.
    public var outPort: Int? { port(SpeedscaleAnnotation.proxyOutPort, default: SpeedscaleAnnotation.defaultOutPort) }

    /// Whether outbound TLS interception is on (the annotation, or the operator-wide setting).
    public var tlsOut: Bool { settings.assumeTLSOut || annotations.isTrue(SpeedscaleAnnotation.tlsOut) }
}

/// Port numbers written as annotation text.
public enum PortNumber {
    /// `text` as a port (1-65535), or nil.
    public static func parse(_ text: String) -> Int? {
        guard !text.isEmpty, text.allSatisfy({ $0.isASCII && $0.isNumber }), let number = Int(text), (1...65535).contains(number) else {
            return nil
        }
        return number
    }
}

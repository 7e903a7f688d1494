/// One entry a profile owns: where it lives, how its value is derived, and when it is
/// written. Entries are data, so that what inject writes, what uninject removes, what a
/// conversion swaps and what lint expects are all read from the same list.
public struct ProfileEntry: Sendable, Equatable {
    /// Where the entry lives.
    public enum Target: Sendable, Equatable {
        /// A workload annotation.
        case annotation(String)
        /// A proxy variable holding a URL (on the app container, or in
        /// `extra-container-env-vars` with ``EnvironmentPlacement/annotation``).
        case proxyVariable(String)
        /// The hosts of a comma-separated list variable (`NO_PROXY`), merged with what is there.
        case hostList(String)
    }

    /// How the value is derived.
    public enum Derivation: Sendable, Equatable {
        /// Always this value.
        case fixed(String)
        /// The forward protocol's `proxy-protocol` value for the profile (`tcp:http`, `http`, ...).
        case protocolAnnotation
        /// ``ProfileSettings/proxyHost``.
        case proxyHost
        /// The workload's app port.
        case appPort
        /// ``ProfileSettings/outboundPort``.
        case outboundPort
        /// ``ProfileSettings/proxyURL``.
        case proxyURL
        /// ``ProfileSettings/noProxyEntries``.
        case noProxyHosts
    }

    /// When the entry is written.
    public enum Condition: Sendable, Equatable {
        /// Always.
        case always
        /// With ``ProfileSettings/tlsOut``.
        case tlsOut
        /// With ``ProfileSettings/istioCNI``.
        case istioCNI
        /// When ``ProfileSettings/outboundPort`` is not the sidecar's default.
        case customOutboundPort
        /// With ``ProfileSettings/lowercaseEnv``.
        case lowercaseEnvironment
    }

    /// Where it lives.
    public let target: Target
    /// How its value is derived.
    public let derivation: Derivation
    /// When it is written.
    public let condition: Condition

    /// Makes an entry.
    public init(_ target: Target, _ derivation: Derivation, when condition: Condition = .always) {
        self.target = target
        self.derivation = derivation
        self.condition = condition
    }

    /// Whether the entry is written under `settings`.
    func applies(_ settings: ProfileSettings) -> Bool {
        switch condition {
        case .always: return true
        case .tlsOut: return settings.tlsOut
        case .istioCNI: return settings.istioCNI
        case .customOutboundPort: return settings.outboundPort != SpeedscaleAnnotation.defaultOutPort
        case .lowercaseEnvironment: return settings.lowercaseEnv
        }
    }
}

/// An entry with its place and value worked out for one workload.
public struct ResolvedEntry: Sendable, Equatable {
    /// Where it lives.
    public let place: EntryPlace
    /// Its value.
    public let value: String
}

extension CaptureProfile {
    /// Every entry the profile owns, in the order inject writes them.
    public var entries: [ProfileEntry] {
        let inject = ProfileEntry(.annotation(SpeedscaleAnnotation.inject), .fixed("true"))
        let tlsOut = ProfileEntry(.annotation(SpeedscaleAnnotation.tlsOut), .fixed("true"), when: .tlsOut)
        let istioCNI = ProfileEntry(.annotation(SpeedscaleAnnotation.istioCNI), .fixed("true"), when: .istioCNI)
        let outPort = ProfileEntry(.annotation(SpeedscaleAnnotation.proxyOutPort), .outboundPort, when: .customOutboundPort)
        let captureMode = ProfileEntry(.annotation(SpeedscaleAnnotation.captureMode), .fixed("proxy"))
        let proxyProtocol = ProfileEntry(.annotation(SpeedscaleAnnotation.proxyProtocol), .protocolAnnotation)
        let environment = [
            ProfileEntry(.proxyVariable("HTTP_PROXY"), .proxyURL),
            ProfileEntry(.proxyVariable("HTTPS_PROXY"), .proxyURL),
            ProfileEntry(.hostList("NO_PROXY"), .noProxyHosts),
            ProfileEntry(.proxyVariable("http_proxy"), .proxyURL, when: .lowercaseEnvironment),
            ProfileEntry(.proxyVariable("https_proxy"), .proxyURL, when: .lowercaseEnvironment),
            ProfileEntry(.hostList("no_proxy"), .noProxyHosts, when: .lowercaseEnvironment),
        ]
        switch self {
        case .dual:
            return [
                inject, captureMode,
                ProfileEntry(.annotation(SpeedscaleAnnotation.proxyType), .fixed(ProxyType.dual.rawValue)),
                proxyProtocol,
                ProfileEntry(.annotation(SpeedscaleAnnotation.proxyHost), .proxyHost),
                ProfileEntry(.annotation(SpeedscaleAnnotation.proxyPort), .appPort),
                tlsOut, outPort, istioCNI,
            ] + environment
        case .forward:
            return [
                inject, captureMode,
                ProfileEntry(.annotation(SpeedscaleAnnotation.proxyType), .fixed(ProxyType.forward.rawValue)),
                proxyProtocol, tlsOut, outPort, istioCNI,
            ] + environment
        case .transparent:
            return [inject, istioCNI, tlsOut]
        case .ebpf:
            return [ProfileEntry(.annotation(SpeedscaleAnnotation.captureEnabled), .fixed("true"))]
        }
    }

    /// The profile's entries for one workload: places and values under `settings`, with the
    /// app listening on `appPort` (dual mode needs it; without one its `proxy-port` is left out).
    public func resolve(_ settings: ProfileSettings, appPort: Int?) -> [ResolvedEntry] {
        var resolved: [ResolvedEntry] = []
        for entry in entries where entry.applies(settings) {
            switch entry.target {
            case .annotation(let key):
                guard let value = value(of: entry.derivation, settings, appPort: appPort) else { continue }
                resolved.append(ResolvedEntry(place: .annotation(key), value: value))
            case .proxyVariable(let name):
                guard let value = value(of: entry.derivation, settings, appPort: appPort) else { continue }
                let place: EntryPlace = settings.environmentPlacement == .container ? .variable(name) : .extraVariable(name)
                resolved.append(ResolvedEntry(place: place, value: value))
            case .hostList(let name):
                for host in settings.noProxyEntries {
                    let place: EntryPlace = settings.environmentPlacement == .container
                        ? .listEntry(variable: name, entry: host) : .extraListEntry(variable: name, entry: host)
                    resolved.append(ResolvedEntry(place: place, value: host))
                }
            }
        }
        return resolved
    }

    private func value(of derivation: ProfileEntry.Derivation, _ settings: ProfileSettings, appPort: Int?) -> String? {
        switch derivation {
        case .fixed(let value): return value
        case .protocolAnnotation: return settings.forwardProtocol.annotationValue(for: self)
        case .proxyHost: return settings.proxyHost
        case .appPort: return appPort.map(String.init)
        case .outboundPort: return String(settings.outboundPort)
        case .proxyURL: return settings.proxyURL
        case .noProxyHosts: return settings.noProxyEntries.joined(separator: ",")
        }
    }
}

/// What ``ProfileSettings/reading(_:fallback:entries:)`` reads from a workload's current
/// entries: the settings they were written with and the runtime they show, with what the
/// settings' proxy URL part was read from.
struct SettingsReading {
    /// The settings.
    let settings: ProfileSettings
    /// The runtime, and why.
    let runtime: RuntimeGuess
    /// The values of ``proxyURLVariables`` on the app container, then in
    /// `extra-container-env-vars`: the settings show the first one's protocol and host.
    let proxyURLs: [String]
    /// The `proxy-protocol` annotation, when it holds a value this tool knows.
    let protocolAnnotation: ProxyProtocolValue?
    /// The loopback host of the JVM proxy flags this tool writes, if any.
    let javaProxyHost: String?

    /// The variables whose proxy URL the settings' protocol and host are read from.
    static let proxyURLVariables = ["HTTP_PROXY", "HTTPS_PROXY"]

    /// ``settings`` as each of the other ``proxyURLs`` would show them, where they show other
    /// ones. When the URLs disagree (`socks5://` in one, `socks4://` in the other; `localhost`
    /// in one, `127.0.0.1` in the other), a reading made once the first is gone shows the next
    /// one's.
    var otherProxyURLReadings: [ProfileSettings] {
        guard let first = proxyURLs.first else { return [] }
        var readings: [ProfileSettings] = []
        for value in proxyURLs.dropFirst() where value != first {
            var other = settings
            other.read(ProxyURL(value), protocolAnnotation: protocolAnnotation, javaProxyHost: javaProxyHost)
            if other != settings && !readings.contains(other) { readings.append(other) }
        }
        return readings
    }
}

extension ProfileSettings {
    /// Reads the protocol and the proxy host that `url` shows (with the `proxy-protocol`
    /// annotation); when the URL's host is not a loopback one, the proxy host is
    /// `javaProxyHost`, the JVM proxy flags' (if any).
    mutating func read(_ url: ProxyURL?, protocolAnnotation: ProxyProtocolValue?, javaProxyHost: String?) {
        if let read = ForwardProtocol.reading(annotation: protocolAnnotation, scheme: url?.scheme) { forwardProtocol = read }
        if let url, url.hostIsLoopback {
            proxyEnvHost = url.host
        } else if let javaProxyHost {
            proxyEnvHost = javaProxyHost
        }
    }
}

/// What an app of a given runtime needs beyond what inject writes, or why inject wrote what it
/// did, in words for the report. Only what Speedscale documents, or what was measured with
/// real clients, is said.
enum RuntimeAdvice {
    /// The notes for a workload given `profile` under `settings`.
    static func notes(for profile: CaptureProfile, settings: ProfileSettings) -> [String] {
        let forward = profile.usesForwardProxy
        let socks = settings.forwardProtocol != .http
        var notes: [String] = []
        switch settings.runtime {
        case .java:
            if settings.tlsInForce {
                notes.append("\(forward ? "the JVM proxy flags, " : "")the truststore flags and the container's own JAVA_TOOL_OPTIONS are in \(SpeedscaleAnnotation.tlsJavaToolOptionsValue), which the operator writes as the container's one JAVA_TOOL_OPTIONS")
            }
        case .node:
            if forward {
                notes.append("Node.js reads HTTP_PROXY and HTTPS_PROXY with NODE_USE_ENV_PROXY=1 from 22.21 (and 24) on; older Node needs the global-agent package, a code change (import 'global-agent/bootstrap', with GLOBAL_AGENT_HTTP_PROXY and GLOBAL_AGENT_HTTPS_PROXY)")
            }
            if settings.tlsInForce {
                notes.append("with tls-out Node.js trusts the Speedscale CA through NODE_EXTRA_CA_CERTS, which the operator sets")
            }
        case .python:
            if forward && socks {
                notes.append("Python's requests needs the PySocks package (requests[socks]) to use a SOCKS proxy")
            }
            if settings.tlsInForce {
                notes.append("with tls-out, requests trusts the Speedscale CA only through REQUESTS_CA_BUNDLE, which the operator does not set: point it at the Speedscale CA certificate")
            }
        case .ruby:
            if forward && socks {
                notes.append("Ruby's Net::HTTP speaks HTTP to its proxy whatever the URL's scheme; use --protocol http unless the app sets up a SOCKS client itself")
            }
        case .go, .dotnet:
            if forward && settings.forwardProtocol == .socks4 {
                notes.append("the proxy URLs use socks5:// although socks4 was asked for: Go's ProxyFromEnvironment rejects socks4://, Speedscale documents socks5:// for Go and .NET, and the sidecar's SOCKS listener speaks both versions")
            }
        case .generic:
            break
        }
        return notes
    }
}

import SpliceYAML

/// Why a workload that must be injected cannot be, as data: the report says it in words
/// (``description``) and the command line adds the flag that resolves it (``remedy``).
public enum WorkloadProblem: Sendable, Equatable, CustomStringConvertible {
    /// No container has the name asked for.
    case noContainerNamed(String, containers: [String])
    /// Several containers could be the app.
    case ambiguousContainer(candidates: [String])
    /// The app container declares several ports and nothing tells which one is the app's.
    case severalPorts(container: String, ports: [Int])
    /// An entry holds a value this tool does not write.
    case conflict(place: EntryPlace, current: String, wanted: String)
    /// A variable is set through `valueFrom`.
    case valueFrom(variable: String, container: String)
    /// A node in the way is not what the path needs, or shares its text with other nodes.
    case blocked(PatchBlocked)
    /// Both the sidecar and the eBPF collector are asked for.
    case sidecarAndEBPF
    /// A container listens on a port the sidecar needs for itself.
    case portTaken(port: Int, container: String, listener: String)
    /// The app's runtime reads only HTTP proxies from its environment, and SOCKS was asked for.
    case runtimeNeedsHTTPProxy(runtime: Runtime)
    /// A container sets its own JVM options variable, beside the one with the JVM flags in
    /// `extra-container-env-vars`.
    case competingJavaOptions(variable: String, container: String)

    /// What would resolve it.
    public enum Remedy: Sendable, Equatable {
        /// Name the app container.
        case nameContainer
        /// Give the app port.
        case giveProxyPort
        /// Allow replacing values.
        case overwrite
        /// Choose the profile explicitly.
        case chooseProfile
        /// Use the HTTP forward protocol, or the generic runtime when the app sets its proxy in code.
        case useHTTPProtocol
        /// Put the proxy settings on the app container.
        case placeOnContainer
    }

    /// The remedy, when a setting resolves it.
    public var remedy: Remedy? {
        switch self {
        case .noContainerNamed, .ambiguousContainer: return .nameContainer
        case .severalPorts: return .giveProxyPort
        case .conflict: return .overwrite
        case .sidecarAndEBPF: return .chooseProfile
        case .runtimeNeedsHTTPProxy: return .useHTTPProtocol
        case .competingJavaOptions: return .placeOnContainer
        case .valueFrom, .blocked, .portTaken: return nil
        }
    }

    /// The problem in plain words.
    public var description: String {
        switch self {
        case .noContainerNamed(let name, let containers):
            return "no container named \"\(name)\"; containers: \(containers.joined(separator: ", "))"
        case .ambiguousContainer(let candidates):
            return "cannot tell which container is the app; candidates: \(candidates.joined(separator: ", "))"
        case .severalPorts(let container, let ports):
            return "container \"\(container)\" declares several ports: \(ports.map(String.init).joined(separator: ", "))"
        case .conflict(let place, let current, let wanted):
            return "\(place) is \"\(current)\", want \"\(wanted)\""
        case .valueFrom(let variable, let container):
            return "container \"\(container)\" sets \(variable) through valueFrom"
        case .blocked(let blocked):
            return "cannot edit \(blocked)"
        case .portTaken(let port, let container, let listener):
            return "container \"\(container)\" listens on \(port), the Speedscale sidecar's \(listener) port; give the sidecar another one (\(listener == "inbound" ? SpeedscaleAnnotation.proxyInPort : SpeedscaleAnnotation.proxyOutPort))"
        case .competingJavaOptions(let variable, let container):
            return "container \"\(container)\" sets \(variable) itself, which would compete with the JVM flags in \(SpeedscaleAnnotation.extraContainerEnvVars) (which one the JVM gets is not documented)"
        case .runtimeNeedsHTTPProxy(let runtime):
            return "\(runtime.displayName) reads only HTTP proxies from HTTP_PROXY and HTTPS_PROXY (NODE_USE_ENV_PROXY and global-agent alike), and Speedscale says to use proxy-protocol http or tcp:http with Node; a SOCKS proxy needs an agent set in code"
        case .sidecarAndEBPF:
            return "it asks for both the Speedscale sidecar (\(SpeedscaleAnnotation.inject): \"true\") and eBPF capture (\(SpeedscaleAnnotation.captureEnabled): \"true\"), which the operator rejects"
        }
    }
}

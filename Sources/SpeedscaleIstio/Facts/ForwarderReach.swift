import KubeManifests
import SpliceYAML

/// Where the Speedscale sidecar sends what it captures: `speedscale-forwarder` in the
/// Speedscale namespace, on the forwarder port (`FORWARDER_ADDR`, spec §4 and §7.3).
struct ForwarderAddress: Sendable, Equatable {
    /// The Speedscale namespace.
    let namespace: String
    /// The port the sidecar reaches the forwarder on.
    let port: Int

    /// The forwarder of `settings`.
    init(_ settings: RuleSettings) {
        namespace = settings.speedscaleNamespace
        port = settings.forwarderPort
    }

    /// The forwarder's name in Istio's service registry.
    var hostname: String { "speedscale-forwarder.\(namespace).svc.cluster.local" }
    /// The egress host inject writes: every service of the Speedscale namespace.
    var egressHost: String { "\(namespace)/*" }

    /// What one Sidecar egress host (`namespace/dnsName`) does to the forwarder, for a Sidecar
    /// in `sidecarNamespace`. `exclusions`: whether `~namespace/` excludes (Istio 1.31 and later;
    /// before, a bare `~` means no namespace).
    func effect(of host: String, sidecarNamespace: String?, exclusions: Bool) -> HostEffect {
        guard let slash = host.firstIndex(of: "/") else { return .other }
        let hostNamespace = host[..<slash]
        guard names(host[host.index(after: slash)...]) else { return .other }
        if hostNamespace.hasPrefix("~") {
            guard exclusions else { return .other }
            let excluded = hostNamespace.dropFirst()
            return excluded.isEmpty || excluded == namespace ? .excludes : .other
        }
        if hostNamespace == "*" || hostNamespace == namespace || (hostNamespace == "." && sidecarNamespace == namespace) {
            return .imports
        }
        return .other
    }

    /// Whether `dnsName` names the forwarder as Istio matches names: `*`, the exact name, or a
    /// wildcard whose suffix the name ends with (`*.svc.cluster.local`; `*.a.b` does not match `a.b`).
    func names(_ dnsName: Substring) -> Bool {
        let name = dnsName.lowercased()
        if name == "*" || name == hostname { return true }
        return name.hasPrefix("*") && hostname.hasSuffix(name.dropFirst())
    }

    /// What an egress host does to the forwarder.
    enum HostEffect: Sendable, Equatable {
        /// It imports the forwarder (`*/*`, `speedscale/*`, a host naming the forwarder).
        case imports
        /// It excludes the forwarder (`~speedscale/*`, Istio 1.31 and later).
        case excludes
        /// Neither.
        case other
    }
}

/// Whether an Istio Sidecar's egress lets the Speedscale sidecar reach the forwarder on its
/// port, and if not, what is missing. Istio serves a port with the egress listener bound to
/// it, else with the catch-all listener (the one without a port); a Sidecar without egress
/// listeners imports every service (spec §7.3, Istio's Sidecar reference).
enum ForwarderReach: Sendable {
    /// The Sidecar restricts nothing, or the listener serving the port imports the forwarder.
    case open
    /// The listener serving the port does not import the forwarder.
    case missingHost(EgressListener)
    /// No listener serves the port: every listener is bound to another port.
    case missingListener(egress: YAMLNode, count: Int)
    /// The listener serving the port excludes the forwarder with this host.
    case excluded(EgressListener, host: YAMLNode)

    /// How `sidecar` serves `forwarder`.
    init(_ sidecar: IstioSidecar, forwarder: ForwarderAddress, exclusions: Bool) {
        guard let egress = sidecar.egressNode, egress.kind == .sequence, !egress.items.isEmpty else {
            self = .open
            return
        }
        guard let listener = Self.listener(serving: forwarder.port, in: sidecar) else {
            self = .missingListener(egress: egress, count: egress.items.count)
            return
        }
        var imported = false
        for host in listener.hostItems {
            switch forwarder.effect(of: host.value, sidecarNamespace: sidecar.namespace, exclusions: exclusions) {
            case .excludes:
                self = .excluded(listener, host: host)
                return
            case .imports: imported = true
            case .other: break
            }
        }
        self = imported ? .open : .missingHost(listener)
    }

    /// The egress listener of `sidecar` that serves `port`: the one bound to it, else the catch-all.
    static func listener(serving port: Int, in sidecar: IstioSidecar) -> EgressListener? {
        let listeners = sidecar.egress
        return listeners.first { !$0.isCatchAll && $0.port == port } ?? listeners.first { $0.isCatchAll }
    }

    /// Whether the forwarder is reachable.
    var isOpen: Bool {
        if case .open = self { return true }
        return false
    }

    /// The node a finding about what is missing points at.
    var anchor: YAMLNode? {
        switch self {
        case .open: return nil
        case .missingHost(let listener): return listener.hostsNode ?? listener.node
        case .missingListener(let egress, _): return egress
        case .excluded(_, let host): return host
        }
    }

    /// The edits that open the path, below the Sidecar: the Speedscale host on the listener
    /// serving the port, or a new listener for the port. None for an exclusion (a person must
    /// decide to drop it).
    func fixes(for forwarder: ForwarderAddress) -> [Fix] {
        switch self {
        case .open, .excluded: return []
        case .missingHost(let listener):
            let host = forwarder.egressHost
            return [.upsert([.key("spec"), .key("egress"), .index(listener.index), .key("hosts"), .scalar(host)], .text(host))]
        case .missingListener(_, let count):
            return ForwarderListener(forwarder).fixes(at: count)
        }
    }

    /// What the fixes do, in a few words (`added "speedscale/*" to the catch-all egress listener`).
    func fixSummary(for forwarder: ForwarderAddress) -> String? {
        switch self {
        case .open, .excluded: return nil
        case .missingHost(let listener):
            let which = listener.isCatchAll ? "the catch-all egress listener" : "the egress listener for port \(forwarder.port)"
            return "added \"\(forwarder.egressHost)\" to \(which)"
        case .missingListener:
            return "added an egress listener for port \(forwarder.port) (\(ForwarderListener.protocolName)) with \"\(forwarder.egressHost)\""
        }
    }
}

/// The egress listener inject adds to a Sidecar none of whose listeners serves the forwarder's
/// port: that port; protocol TCP, because a port-bound listener's protocol decides how Envoy
/// treats all of the pod's traffic on the port, and a TCP listener passes the sidecar's
/// connection whatever it carries while Istio's fallthrough keeps every other destination on
/// the port as the outbound traffic policy had it (an HTTP one would parse all of it as
/// HTTP); a port name that marks it as Speedscale's; and the Speedscale namespace. It is
/// appended, which keeps Istio's rules (the catch-all listener last, one listener per port),
/// since it is added only when there is neither. The one definition inject writes and
/// uninject recognises.
struct ForwarderListener: Sendable {
    /// The protocol of the port.
    static let protocolName = "TCP"
    /// The name of the port.
    static let portName = "speedscale-forwarder"

    /// The forwarder it opens.
    let forwarder: ForwarderAddress

    /// The listener for `forwarder`.
    init(_ forwarder: ForwarderAddress) {
        self.forwarder = forwarder
    }

    /// The upserts that add it as item `index` of `spec.egress`.
    func fixes(at index: Int) -> [Fix] {
        let item: YAMLPath = [.key("spec"), .key("egress"), .index(index)]
        return [
            .upsert(item.appending(.key("port"), .key("number")), .integer(forwarder.port)),
            .upsert(item.appending(.key("port"), .key("protocol")), .text(Self.protocolName)),
            .upsert(item.appending(.key("port"), .key("name")), .text(Self.portName)),
            .upsert(item.appending(.key("hosts"), .scalar(forwarder.egressHost)), .text(forwarder.egressHost)),
        ]
    }

    /// Whether `listener` is exactly the one inject adds (so uninject may remove it whole).
    func isWritten(_ listener: EgressListener) -> Bool {
        let keys = listener.node.pairs.map(\.key.value)
        guard keys.count == 2, Set(keys) == ["port", "hosts"], let port = listener.portNode, port.kind == .mapping else { return false }
        let portFields = Dictionary(port.stringEntries.map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first })
        return port.pairs.count == 3 && portFields == ["number": String(forwarder.port), "protocol": Self.protocolName, "name": Self.portName]
            && listener.hosts == [forwarder.egressHost]
    }
}

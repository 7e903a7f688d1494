/// Facts about the cluster that manifests do not carry, which some rules need. Lint reads
/// them from `.speedscale-istio.yaml`; inject takes the ones it needs from its flags.
public struct RuleSettings: Sendable, Equatable {
    /// The namespace Speedscale runs in (its forwarder must be reachable there).
    public var speedscaleNamespace = "speedscale"
    /// Whether the mesh's outbound traffic policy is `REGISTRY_ONLY`.
    public var registryOnly = false
    /// Whether the operator turns `tls-out` on for every workload (Helm `sidecar.tls_out`).
    public var assumeTLSOut = false
    /// Whether a workload counts as part of the Istio mesh when its manifests say nothing
    /// either way (no injection label on it or on its Namespace in the run).
    public var meshedByDefault = true
    /// Whether Sidecar egress hosts may exclude namespaces with `~ns/host` (Istio 1.31 and later).
    public var egressExclusions = false
    /// Whether Istio runs with its CNI agent, so injected workloads need `istio-cni: "true"` (IST002).
    public var istioCNI = false
    /// The port the Speedscale sidecar reaches the forwarder on (`FORWARDER_ADDR`,
    /// `speedscale-forwarder.<namespace>.svc:80`): Sidecar egress must open it (IST003).
    public var forwarderPort = 80
    /// Istio's root namespace (MeshConfig `rootNamespace`), whose selector-less Sidecar is the
    /// mesh-wide default (IST020).
    public var rootNamespace = "istio-system"
    /// Whether the services are also called from inside the mesh, so a gateway-bound
    /// VirtualService that in-mesh callers do not get is a warning rather than info (IST015).
    public var inMeshCallers = false
    /// Whether the operator's chart creates the `speedscale-jks` truststore (Helm `createJKS`, TLS007).
    public var createJKS = true

    /// The defaults.
    public init() {}

    /// The settings that differ from the defaults, as a configuration file writes them.
    public var changes: [String] {
        let defaults = RuleSettings()
        var changes: [String] = []
        if speedscaleNamespace != defaults.speedscaleNamespace { changes.append("speedscaleNamespace: \(speedscaleNamespace)") }
        if registryOnly != defaults.registryOnly { changes.append("registryOnly: \(registryOnly)") }
        if assumeTLSOut != defaults.assumeTLSOut { changes.append("assumeTLSOut: \(assumeTLSOut)") }
        if meshedByDefault != defaults.meshedByDefault { changes.append("meshedByDefault: \(meshedByDefault)") }
        if egressExclusions != defaults.egressExclusions { changes.append("egressExclusions: \(egressExclusions)") }
        if istioCNI != defaults.istioCNI { changes.append("istioCNI: \(istioCNI)") }
        if forwarderPort != defaults.forwarderPort { changes.append("forwarderPort: \(forwarderPort)") }
        if rootNamespace != defaults.rootNamespace { changes.append("rootNamespace: \(rootNamespace)") }
        if inMeshCallers != defaults.inMeshCallers { changes.append("inMeshCallers: \(inMeshCallers)") }
        if createJKS != defaults.createJKS { changes.append("createJKS: \(createJKS)") }
        return changes
    }

    /// The defaults with `change` applied.
    public static func with(_ change: (inout RuleSettings) -> Void) -> RuleSettings {
        var settings = RuleSettings()
        change(&settings)
        return settings
    }
}

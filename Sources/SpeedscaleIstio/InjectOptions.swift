import KubeManifests

/// What a run of inject asks: the profile request for every workload, and how the run
/// treats conflicts, Istio Sidecars and selection.
public struct InjectOptions: Sendable, Equatable {
    /// The profile and its settings, as the command line asks (unset choices follow the
    /// configuration file, then each workload); ``settings(for:)`` gives one workload's.
    public var request = ProfileRequest()
    /// The configuration file's `inject:` section: defaults and per-workload overrides.
    public var configuration = InjectConfiguration()
    /// Whether to replace values this tool does not write instead of failing.
    public var overwrite = false
    /// Whether to open Istio `Sidecar` egress to the Speedscale namespace.
    public var sidecarEgress = true
    /// The namespace Speedscale runs in.
    public var speedscaleNamespace = "speedscale"
    /// The port the Speedscale sidecar reaches the forwarder on, which Sidecar egress must open.
    public var forwarderPort = 80
    /// Istio's root namespace, whose selector-less Sidecar (mesh-wide) inject never edits.
    public var rootNamespace = "istio-system"
    /// Which workloads to change, by their `metadata.labels`; all when nil.
    public var selector: LabelSelector?
    /// Cluster facts (the configuration file's `settings`), which inject follows as lint does:
    /// the operator's tls-out default, Istio's CNI agent. Its namespace gives way to
    /// ``speedscaleNamespace``.
    public var clusterSettings = RuleSettings()

    /// Options with every default.
    public init() {}

    /// The cluster facts inject assumes.
    var ruleSettings: RuleSettings {
        var settings = clusterSettings
        settings.speedscaleNamespace = speedscaleNamespace
        settings.forwarderPort = forwarderPort
        settings.rootNamespace = rootNamespace
        return settings
    }
}

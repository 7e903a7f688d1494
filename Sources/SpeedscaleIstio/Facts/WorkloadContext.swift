import KubeManifests
import SpliceYAML

/// Choices for one workload that its manifest cannot show: given on the command line or in
/// the configuration file.
public struct WorkloadHints: Sendable, Equatable {
    /// The app container's name.
    public var container: String?
    /// The app's port.
    public var proxyPort: Int?

    /// No hints.
    public init(container: String? = nil, proxyPort: Int? = nil) {
        self.container = container
        self.proxyPort = proxyPort
    }
}

/// The facts of one workload, computed once and read by inject, uninject and every lint
/// rule: its Speedscale annotations and declared profile, its app container and port, and
/// where it runs.
public struct WorkloadContext: Sendable {
    /// The workload.
    public let workload: Workload
    /// The source it was parsed from.
    public let source: YAMLSource
    /// Cluster facts the manifests do not carry.
    public let settings: RuleSettings
    /// The labels of the workload's Namespace, when the run holds it.
    public let namespaceLabels: [String: String]
    /// What the workload's Speedscale annotations ask of the sidecar.
    public let sidecar: SidecarConfig
    /// The profile the annotations declare.
    public let declared: DeclaredProfile
    /// The app container.
    public let appContainer: Resolution<Container>
    /// The app port, when the app container is known.
    public let appPort: PortChoice?

    /// Works out the facts of `workload`. `services` are the Services of the run that select
    /// its pods (they may tell its port).
    public init(
        workload: Workload, source: YAMLSource, hints: WorkloadHints = WorkloadHints(), settings: RuleSettings = RuleSettings(),
        namespaceLabels: [String: String] = [:], services: [KubeService] = []
    ) {
        self.workload = workload
        self.source = source
        self.settings = settings
        self.namespaceLabels = namespaceLabels
        let sidecar = SidecarConfig(workload, settings: settings)
        self.sidecar = sidecar
        declared = DeclaredProfile(sidecar.annotations)
        let annotated = workload.annotations[SpeedscaleAnnotation.proxyPort].flatMap(PortNumber.parse)
        appContainer = AppContainer.choose(in: workload, named: hints.container, port: hints.proxyPort ?? annotated)
        appPort = appContainer.value.map { container in
            PortChoice.choose(for: container, requested: hints.proxyPort, annotated: annotated, services: services)
        }
    }

    /// The byte range of the workload's header, for findings about the whole workload.
    public var workloadRange: Range<Int> {
        let node = workload.object.node
        let kindNode = node["kind"]
        return kindNode.map { $0.start..<$0.end } ?? node.start..<node.start
    }
}

import KubeManifests
import SpliceYAML

/// Choices for one workload that its manifest cannot show: given on the command line or in
/// the configuration file.
public struct WorkloadHints: Sendable, Equatable {
    /// The app container's name.
    public var container: String?
    /// The app's port.
    public var proxyPort: Int?
    /// The app's runtime, or `auto` to detect it; nil follows the workload's own entries.
    public var runtime: RuntimeChoice?

    /// No hints.
    public init(container: String? = nil, proxyPort: Int? = nil, runtime: RuntimeChoice? = nil) {
        self.container = container
        self.proxyPort = proxyPort
        self.runtime = runtime
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
    /// Why the app container is the one, when it is known.
    public let appContainerReason: String?
    /// The app container's runtime: the one asked for, else the one detected (generic
    /// without an app container).
    public let runtime: RuntimeGuess
    /// The app port, when the app container is known.
    public let appPort: PortChoice?
    /// The Services of the run that select the workload's pods, as given.
    public let services: [ServiceSummary]

    /// Works out the facts of `workload`. `services` are the Services of the run that select
    /// its pods (they may tell its port).
    public init(
        workload: Workload, source: YAMLSource, hints: WorkloadHints = WorkloadHints(), settings: RuleSettings = RuleSettings(),
        namespaceLabels: [String: String] = [:], services: [ServiceSummary] = []
    ) {
        self.workload = workload
        self.source = source
        self.settings = settings
        self.namespaceLabels = namespaceLabels
        self.services = services
        let sidecar = SidecarConfig(workload, settings: settings)
        self.sidecar = sidecar
        declared = DeclaredProfile(sidecar.annotations)
        let annotated = workload.annotation(SpeedscaleAnnotation.proxyPort).flatMap(PortNumber.parse)
        let choice = AppContainer.choice(in: workload, named: hints.container, port: hints.proxyPort ?? annotated)
        switch choice {
        case .resolved(let chosen):
            appContainer = .resolved(chosen.container)
            appContainerReason = chosen.reason
        case .failed(let problem):
            appContainer = .failed(problem)
            appContainerReason = nil
        }
        if let asked = hints.runtime?.runtime {
            runtime = RuntimeGuess(asked, reason: "asked for")
        } else if let container = choice.value?.container {
            runtime = RuntimeDetection.guess(container)
        } else {
            runtime = RuntimeGuess(.generic, reason: "no app container")
        }
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

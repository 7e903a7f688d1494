import KubeManifests
import SpliceYAML

/// A rule that looks at one workload. Rules are shared by `inject` (which applies their
/// fixes) and `lint` (which reports their findings), so the two cannot disagree.
public protocol WorkloadRule: Rule {
    /// Makes the rule.
    init()
    /// The rule's findings for `context`.
    func check(_ context: WorkloadContext) -> [Finding]
}

/// Everything a workload rule may look at.
public struct WorkloadContext: Sendable {
    /// The workload.
    public let workload: Workload
    /// The source it was parsed from.
    public let source: YAMLSource
    /// The options in force.
    public let options: InjectOptions
    /// The annotations and environment the workload must end up with.
    public let profile: Profile
    /// The app container (D5), when the profile needs one.
    public let appContainer: Resolution<Container>?
    /// The app port (D6), when the profile needs one.
    public let appPort: Resolution<Int>?
    /// Cluster facts the manifests do not carry.
    public let settings: RuleSettings
    /// The labels of the workload's Namespace, when the run holds it.
    public let namespaceLabels: [String: String]

    /// Resolves the app container and port of `workload` and the profile it must follow.
    public init(
        workload: Workload, source: YAMLSource, options: InjectOptions,
        settings: RuleSettings = RuleSettings(), namespaceLabels: [String: String] = [:]
    ) {
        self.workload = workload
        self.source = source
        self.options = options
        self.settings = settings
        self.namespaceLabels = namespaceLabels
        if options.mode == .dual {
            let requestedPort = options.proxyPort ?? AppPortResolver.annotatedPort(of: workload)
            let container = AppContainerResolver.resolve(workload, options: options, port: requestedPort)
            let port: Resolution<Int>
            switch container {
            case .resolved(let app): port = AppPortResolver.resolve(app, requested: requestedPort)
            case .failed(let reason): port = .failed(reason)
            }
            appContainer = container
            appPort = port
            profile = Profile(options: options, appPort: port.value)
        } else {
            appContainer = nil
            appPort = nil
            profile = Profile(options: options, appPort: nil)
        }
    }

    /// The byte range of the workload's header, for findings about the whole workload.
    public var workloadRange: Range<Int> {
        let node = workload.object.node
        let kindNode = node["kind"]
        return kindNode.map { $0.start..<$0.end } ?? node.start..<node.start
    }
}

/// The outcome of choosing something: the choice, or why none could be made.
public enum Resolution<Value: Sendable>: Sendable {
    case resolved(Value)
    case failed(String)

    /// The chosen value, if any.
    public var value: Value? {
        if case .resolved(let value) = self { return value }
        return nil
    }
}

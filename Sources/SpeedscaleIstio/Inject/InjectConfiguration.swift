import KubeManifests

/// The `inject:` section of the configuration file: settings for every workload, and
/// overrides for the workloads a selection picks. Inject, uninject and lint read it alike
/// (lint takes the app container, port and runtime from it).
public struct InjectConfiguration: Sendable, Equatable {
    /// What applies to every workload.
    public var defaults = WorkloadSettings()
    /// Overrides, in file order.
    public var workloads: [WorkloadOverride] = []

    /// No settings.
    public init() {}

    /// What the file asks for `workload`: the defaults, then the overrides that select it, the
    /// less specific first (label selectors in file order, then `kind/name`, then
    /// `namespace/kind/name`), each choice it makes replacing the one before.
    public func settings(for workload: Workload) -> WorkloadSettings {
        var settings = defaults
        let matching = workloads.enumerated().filter { $0.element.selection.selects(workload) }
            .sorted { ($0.element.selection.specificity, $0.offset) < ($1.element.selection.specificity, $1.offset) }
        for (_, override) in matching {
            settings = override.settings.overriding(settings)
            settings.matched.append(override.selection.description)
        }
        return settings
    }
}

/// The settings the configuration file gives one workload (or all of them).
public struct WorkloadSettings: Sendable, Equatable {
    /// The profile request, container, port and runtime included.
    public var request = ProfileRequest()
    /// Whether the workload is left out of inject and uninject; nil leaves the choice to
    /// a less specific entry.
    public var exclude: Bool?
    /// The selections of the overrides that applied, in the order they did.
    public var matched: [String] = []

    /// No settings.
    public init() {}

    /// These settings over `base`: every choice made here replaces the one there.
    public func overriding(_ base: WorkloadSettings) -> WorkloadSettings {
        var result = base
        result.request = request.overriding(base.request)
        if let exclude { result.exclude = exclude }
        return result
    }
}

/// Settings for the workloads a selection picks.
public struct WorkloadOverride: Sendable, Equatable {
    /// Which workloads.
    public var selection: WorkloadSelection
    /// What they get.
    public var settings: WorkloadSettings

    /// Makes an override.
    public init(selection: WorkloadSelection, settings: WorkloadSettings) {
        self.selection = selection
        self.settings = settings
    }
}

/// Which workloads an override applies to.
public enum WorkloadSelection: Sendable, Equatable, CustomStringConvertible {
    /// `kind/name`, in any namespace (the kind compared without case).
    case name(kind: String, name: String)
    /// `namespace/kind/name`: only a workload whose manifest names that namespace.
    case namespacedName(namespace: String, kind: String, name: String)
    /// The workloads whose `metadata.labels` the selector matches.
    case labels(LabelSelector)

    /// How specific the selection is: a more specific one wins over a less specific one.
    public var specificity: Int {
        switch self {
        case .labels: return 0
        case .name: return 1
        case .namespacedName: return 2
        }
    }

    /// Whether it selects `workload`.
    public func selects(_ workload: Workload) -> Bool {
        let object = workload.object
        switch self {
        case .name(let kind, let name):
            return kind == workload.kind.rawValue.lowercased() && name == object.name
        case .namespacedName(let namespace, let kind, let name):
            return namespace == object.namespace && kind == workload.kind.rawValue.lowercased() && name == object.name
        case .labels(let selector):
            return selector.matches(object.labels)
        }
    }

    /// `deployment/orders`, `shop/deployment/orders`, `app=batch`.
    public var description: String {
        switch self {
        case .name(let kind, let name): return "\(kind)/\(name)"
        case .namespacedName(let namespace, let kind, let name): return "\(namespace)/\(kind)/\(name)"
        case .labels(let selector): return selector.description
        }
    }
}

extension ProfileRequest {
    /// This request over `base`: every choice made here replaces the one there.
    public func overriding(_ base: ProfileRequest) -> ProfileRequest {
        var result = base
        if let mode { result.mode = mode }
        if let forwardProtocol { result.forwardProtocol = forwardProtocol }
        if let proxyHost { result.proxyHost = proxyHost }
        if let proxyEnvHost { result.proxyEnvHost = proxyEnvHost }
        if let outboundPort { result.outboundPort = outboundPort }
        if let tlsOut { result.tlsOut = tlsOut }
        if let istioCNI { result.istioCNI = istioCNI }
        if let lowercaseEnv { result.lowercaseEnv = lowercaseEnv }
        if let noProxy { result.noProxy = noProxy }
        if let environmentPlacement { result.environmentPlacement = environmentPlacement }
        if let container = hints.container { result.hints.container = container }
        if let proxyPort = hints.proxyPort { result.hints.proxyPort = proxyPort }
        if let runtime = hints.runtime { result.hints.runtime = runtime }
        return result
    }
}

extension InjectOptions {
    /// What applies to `workload`: the cluster settings (Istio's CNI agent), then the
    /// configuration file, then the command line's flags, each choice replacing the one
    /// before.
    public func settings(for workload: Workload) -> WorkloadSettings {
        var base = WorkloadSettings()
        if clusterSettings.istioCNI { base.request.istioCNI = true }
        let file = configuration.settings(for: workload)
        var settings = file.overriding(base)
        settings.matched = file.matched
        settings.request = request.overriding(settings.request)
        return settings
    }
}

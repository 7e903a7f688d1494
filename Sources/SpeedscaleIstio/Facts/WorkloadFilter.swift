import KubeManifests

/// Why a workload is left alone.
public enum SkipReason: Sendable, Equatable, CustomStringConvertible {
    /// The label selector does not select it.
    case notSelected(LabelSelector)
    /// `sidecar.speedscale.com/inject: "false"`.
    case optedOut
    /// An Argo Rollout that points at another workload's template.
    case workloadRef
    /// No pod template (or pod spec).
    case noPodTemplate
    /// Speedscale's operator does not handle this kind.
    case unsupportedKind(WorkloadKind)
    /// A controller made it (`ownerReferences`): its owner is what to change.
    case ownedBy(String)
    /// Its only containers are known sidecars (an Istio gateway, say).
    case noAppContainer(sidecars: [String])
    /// The configuration file excludes it (`exclude: true`), by these selections.
    case excluded(by: [String])

    /// The reason in plain words.
    public var description: String {
        switch self {
        case .notSelected(let selector): return "not selected by the label selector \(selector)"
        case .optedOut: return "opted out with \(SpeedscaleAnnotation.inject): \"false\""
        case .workloadRef: return "spec.workloadRef points at another workload's template; inject that workload"
        case .noPodTemplate: return "no pod template"
        case .unsupportedKind(let kind): return "Speedscale's operator does not handle \(kind.rawValue)s (its webhook skips them); use a Deployment"
        case .ownedBy(let owner): return "owned by \(owner): inject the owner"
        case .noAppContainer(let sidecars): return "no app container, only known sidecars (\(sidecars.joined(separator: ", ")))"
        case .excluded(let selections):
            return "excluded by the configuration file" + (selections.isEmpty ? "" : " (\(selections.joined(separator: ", ")))")
        }
    }
}

/// Decides which workloads a subcommand works on, the same way for inject, uninject and lint.
public struct WorkloadFilter: Sendable {
    /// What the workloads are wanted for.
    public enum Purpose: Sendable {
        /// To be injected: only workloads the operator will act on.
        case inject
        /// To have this tool's entries removed (kinds the operator skips included, since an
        /// older run may have injected them).
        case uninject
    }

    /// The label selector, if any.
    public let selector: LabelSelector?
    /// What the workloads are wanted for.
    public let purpose: Purpose

    /// Makes a filter.
    public init(selector: LabelSelector?, purpose: Purpose) {
        self.selector = selector
        self.purpose = purpose
    }

    /// Why `workload` is left alone, or nil when it is a candidate. `hints` name an app
    /// container explicitly (a workload of sidecars is then not skipped).
    public func skipReason(_ workload: Workload, declared: DeclaredProfile, hints: WorkloadHints = WorkloadHints()) -> SkipReason? {
        if let selector, !selector.matches(workload.object.labels) { return .notSelected(selector) }
        if declared == .optedOut && purpose == .inject { return .optedOut }
        if workload.hasWorkloadRef { return .workloadRef }
        guard workload.podSpec != nil else { return .noPodTemplate }
        if let owner = workload.object.controller { return .ownedBy(owner) }
        guard purpose == .inject else { return nil }
        if workload.kind == .replicationController { return .unsupportedKind(workload.kind) }
        let containers = workload.containers
        if hints.container == nil, !containers.isEmpty, containers.allSatisfy(AppContainer.isKnownSidecar) {
            return .noAppContainer(sidecars: AppContainer.names(containers))
        }
        return nil
    }
}

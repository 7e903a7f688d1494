/// The kinds that carry a pod template (or are a pod), and where their parts live.
public enum WorkloadKind: String, Sendable, CaseIterable {
    case deployment = "Deployment"
    case statefulSet = "StatefulSet"
    case daemonSet = "DaemonSet"
    case replicaSet = "ReplicaSet"
    case job = "Job"
    case cronJob = "CronJob"
    case pod = "Pod"
    case replicationController = "ReplicationController"
    case rollout = "Rollout"

    /// The path to the template from which a CronJob makes its Jobs (metadata included);
    /// empty for the other kinds.
    public var jobTemplatePath: [String] {
        self == .cronJob ? ["spec", "jobTemplate"] : []
    }

    /// The path to the pod spec (the mapping with `containers`).
    public var podSpecPath: [String] {
        switch self {
        case .pod: return ["spec"]
        case .cronJob: return ["spec", "jobTemplate", "spec", "template", "spec"]
        default: return ["spec", "template", "spec"]
        }
    }

    /// The apiVersions this kind is usually served at; others are handled but noted.
    public var usualAPIVersions: Set<String> {
        switch self {
        case .deployment, .statefulSet, .daemonSet, .replicaSet: return ["apps/v1"]
        case .job, .cronJob: return ["batch/v1"]
        case .pod, .replicationController: return ["v1"]
        case .rollout: return ["argoproj.io/v1alpha1"]
        }
    }
}

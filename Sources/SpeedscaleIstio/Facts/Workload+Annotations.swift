import KubeManifests
import SpliceYAML

extension Workload {
    /// The path from the object to the mapping whose `metadata.annotations` Speedscale's
    /// operator reads: the object itself, or for a CronJob its job template, so that the Jobs
    /// it makes carry them.
    public var annotationOwnerPath: YAMLPath { .keys(kind.jobTemplatePath) }

    /// The path from the object to its workload annotations.
    public var annotationsPath: YAMLPath { annotationOwnerPath.appending(.key("metadata"), .key("annotations")) }

    /// The mapping that holds the `metadata` whose annotations are the workload's.
    public var annotationOwner: YAMLNode? { object.node.node(at: annotationOwnerPath) }

    /// The workload annotations mapping node (`metadata.annotations`, or the job template's for a CronJob).
    public var annotationsNode: YAMLNode? { object.node.node(at: annotationsPath) }

    /// The workload annotations as strings.
    public var annotations: [String: String] {
        Dictionary(annotationsNode?.stringEntries.map { ($0.key, $0.value) } ?? [], uniquingKeysWith: { _, last in last })
    }

    /// ``annotations``' value for `key` (the last scalar written under it), read without
    /// making a string of every annotation.
    public func annotation(_ key: String) -> String? {
        annotationsNode?.pairs.last { $0.value.kind == .scalar && $0.key.isScalar(withValue: key) }?.value.value
    }

    /// The path from the object to the annotations of its pods, where Istio reads its pod
    /// settings: a Pod's own, else the pod template's.
    public var podAnnotationsPath: YAMLPath {
        kind == .pod ? [.key("metadata"), .key("annotations")] : YAMLPath.keys(Array(kind.podSpecPath.dropLast())).appending(.key("metadata"), .key("annotations"))
    }

    /// The path from the object to the container at `index` of its pod spec.
    public func containerPath(_ index: Int) -> YAMLPath {
        YAMLPath.keys(kind.podSpecPath).appending(.key("containers"), .index(index))
    }
}

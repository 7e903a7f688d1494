import KubeManifests

extension MeshContext {
    /// A workload context for every workload of `inputs`, with the labels of its Namespace
    /// and the Services that select it when the inputs hold them, and the index of its input;
    /// `hints` gives each workload's app container, port and runtime where they are configured.
    package static func workloadContexts(
        in inputs: [ManifestStream], settings: RuleSettings, index: MeshIndex,
        hints: (Workload) -> WorkloadHints = { _ in WorkloadHints() }
    ) -> [(input: Int, context: WorkloadContext)] {
        inputs.enumerated().flatMap { input, manifests in
            manifests.workloads.map { workload in
                let namespace = workload.object.namespace
                return (input, WorkloadContext(
                    workload: workload, source: manifests.source, hints: hints(workload), settings: settings,
                    namespaceLabels: index.labels(ofNamespace: namespace),
                    services: index.services(selecting: workload.podLabels, in: namespace)))
            }
        }
    }
}
